/*
 * The plain page as it is served (bench/plain-page/index.html with its scripts and stylesheet inlined): nothing to
 * fetch before its first request leaves, and nothing but that answer between it and its rows. The React floor is the
 * same page with its rows rendered by React (bench/react-floor/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FOLDER = fileURLToPath(new URL('./plain-page/', import.meta.url));
const read = (file: string) => readFileSync(`${FOLDER}${file}`, 'utf8');

/** `rowsScript`: the markup that replaces the page's own rows-and-interactions script (page.js). */
export function plainPageHtml(rowsScript?: string): string {
  return read('index.html')
    .replace(/<script data-inline="([\w.-]+)"><\/script>/g, (_, file: string) =>
      file === 'page.js' && rowsScript !== undefined ? rowsScript : `<script>${read(file)}</script>`,
    )
    .replace(/<link rel="stylesheet" data-inline="([\w.-]+)" \/>/g, (_, file: string) => `<style>${read(file)}</style>`);
}
