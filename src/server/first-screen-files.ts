/** Where `vite build` puts the first screen built for Node (src/server/first-screen-plugin.ts), inside the dist folder. */
export const FIRST_SCREEN_DIR = '.first-screen';
export const FIRST_SCREEN_FILE = 'first-screen.js';
