/*
 * Vite bundles every module script of index.html into one entry, so code at the top of main.tsx still waits for the
 * whole bundle (React, the router, the table) to download. This plugin builds src/app/boot.ts as its own small entry
 * and loads it with an async module script, which runs as soon as it arrives: the first view's request leaves
 * while the main bundle is still downloading. main.tsx imports the same module (one instance, evaluated once),
 * whichever of the two scripts runs first. Under `vite dev` main.tsx's import is enough.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const BOOT_ENTRY_NAME = 'boot';
const BOOT_MODULE = fileURLToPath(new URL('../app/boot.ts', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../../index.html', import.meta.url));

export function bootEntry(): Plugin {
  return {
    name: 'campaigns-boot-entry',
    apply: 'build',
    config: () => ({ build: { rollupOptions: { input: { index: INDEX_HTML, [BOOT_ENTRY_NAME]: BOOT_MODULE } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const boot = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === BOOT_ENTRY_NAME);
        if (!boot) throw new Error('The boot entry was not built');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${boot.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
