// Builds the React floor page (main.ts) for `npm run bench`, which passes --outDir.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__floor/',
  build: { target: 'es2022', sourcemap: false },
});
