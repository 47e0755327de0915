/*
 * The public runtime configuration is written into index.html as a JSON data block, so the browser has it with the
 * page instead of after another round trip. A `type="application/json"` script never executes, so the strict CSP
 * needs no exception for it (script-src 'self', plus on the list page only the hash of the one inline script that
 * sends the first view's request: src/first-screen/inline-request.ts); `<` is escaped so no value can close the element.
 */
import { RUNTIME_CONFIG_ELEMENT_ID, type RuntimeConfig } from '../config/runtime-config.ts';

export function inlineRuntimeConfig(html: string, config: RuntimeConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${RUNTIME_CONFIG_ELEMENT_ID}">${json}</script>`;
  // First in <head>: the boot script after it reads the block as soon as it runs (it is async, see vite.config.ts).
  const head = /<head[^>]*>/i.exec(html);
  return head ? `${html.slice(0, head.index + head[0].length)}${block}${html.slice(head.index + head[0].length)}` : `${block}${html}`;
}
