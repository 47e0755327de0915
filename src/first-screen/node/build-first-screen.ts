/*
 * `vite build` also builds src/first-screen/draw.tsx for Node, into <outDir>/.first-screen/, so the production
 * server can draw each list URL's first screen (static.ts never serves that folder). Everything it imports is
 * bundled in, so a build works from any folder (the end-to-end tests and the benchmark build outside the project).
 */
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { FIRST_SCREEN_DIR, FIRST_SCREEN_FILE, FIRST_SCREEN_MODULES } from '../contract.ts';

export function firstScreenBuild(): Plugin {
  let resolved: ResolvedConfig | undefined;
  return {
    name: 'campaigns-first-screen',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      resolved = config;
    },
    async closeBundle() {
      if (!resolved) return;
      await build({
        configFile: resolved.configFile ?? false,
        root: resolved.root,
        mode: resolved.mode,
        logLevel: 'warn',
        ssr: { noExternal: true },
        // React's production build only: the bundle is not run through a NODE_ENV check of its own.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          ssr: resolve(resolved.root, FIRST_SCREEN_MODULES.draw),
          outDir: resolve(resolved.root, resolved.build.outDir, FIRST_SCREEN_DIR),
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: false,
          // Minified like the browser's code: the page's inline script is this bundle's sendEarlyRequests, as text.
          minify: true,
          rollupOptions: { output: { entryFileNames: FIRST_SCREEN_FILE } },
        },
      });
    },
  };
}
