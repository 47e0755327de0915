// Builds the React floor (main.ts in the plain page, see ../plain-page-html.ts) for `npm run bench`, which passes --outDir.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { plainPageHtml } from '../plain-page-html.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__floor/',
  build: { target: 'es2022', sourcemap: false },
  plugins: [{ name: 'plain-page', transformIndexHtml: { order: 'pre', handler: () => plainPageHtml('<script type="module" src="./main.ts"></script>') } }],
});
