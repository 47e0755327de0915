/*
 * `vite build` also compiles the production server (src/server/serve.ts and what it imports) to JavaScript, into
 * <outDir>/server/serve.js, so that a host runs it with plain `node` (`npm run serve`) after `npm ci --omit=dev`:
 * packages stay external (they come from node_modules, dependencies only), the project's own modules are bundled in.
 * static.ts never serves that folder.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { SERVER_BUILD_DIR } from '../dist-dir.ts';

const SERVER_ENTRIES = { serve: fileURLToPath(new URL('../serve.ts', import.meta.url)) };

export function serverBuild(): Plugin {
  return {
    name: 'campaigns-server-build',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    async closeBundle() {
      const { root, mode, build: app } = this.environment.config;
      await build({
        // None of the app's plugins: this is Node code.
        configFile: false,
        root,
        mode,
        logLevel: 'warn',
        build: {
          ssr: true,
          target: 'node20',
          outDir: resolve(root, app.outDir, SERVER_BUILD_DIR),
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: true,
          minify: false,
          rollupOptions: { input: SERVER_ENTRIES, output: { format: 'es', entryFileNames: '[name].js' } },
        },
      });
    },
  };
}
