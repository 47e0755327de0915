/** Id of the JSON data block listing the app's chunks (written by src/server/entry-loading-plugin.ts, read by preload-app.ts). */
export const APP_CHUNKS_ELEMENT_ID = 'app-chunks';
