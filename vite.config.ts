import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { entryLoading } from './src/first-screen/node/entry-loading.ts';
import { firstScreenBuild } from './src/first-screen/node/build-first-screen.ts';
import { talkdeskProxy } from './src/server/vite/dev-server-proxy.ts';
import { serverBuild } from './src/server/vite/compile-server.ts';

// react-router's package points bundlers only at its development build (warnings and checks included, about 4 kB
// gzip more); a build takes the production build it ships alongside.
const reactRouterProduction = {
  name: 'react-router-production-build',
  apply: 'build' as const,
  config: () => ({
    resolve: {
      alias: [
        { find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) },
        // TanStack Store imports the selector hook through its shim, a polyfill of useSyncExternalStore for React
        // before 18; React 19 has the hook itself, which the same package's unshimmed version uses.
        { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector.js' },
      ],
    },
  }),
};

export default defineConfig({
  plugins: [react(), talkdeskProxy(), entryLoading(), firstScreenBuild(), serverBuild(), reactRouterProduction],
  // Fixed ports: the sandbox registers redirect URIs for them.
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    // The maps are built and served beside the files, but the files do not name them: a supervisor's browser would
    // download that comment in every file for developer tools it does not open (about 140 bytes of first-screen JS).
    // To debug the production build, add the map in developer tools (its URL is the file's, plus .map).
    sourcemap: 'hidden',
    // One stylesheet, linked from index.html: the first screen the server draws is styled before any script runs
    // (the app's own chunk, and its CSS, would otherwise load only when main.tsx imports it).
    cssCodeSplit: false,
    // The page preloads the entry's own chunks (src/first-screen/node/entry-loading.ts) and the boot script the app's.
    // Vite's preloading would also fetch what an on-demand chunk imports alongside it, but its helper costs 300 bytes
    // of first-screen JS. So each on-demand chunk imports only what the first screen has loaded already (everything
    // that needs oidc-client-ts is one chunk with it: src/features/auth/oidc-client.ts).
    modulePreload: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['tests/{first-screen,features,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
