/*
 * What a build makes the first screen download, read from Vite's manifest: the entry chunk, the chunks it imports
 * statically (transitively) and their CSS. Dynamic imports are left out: they load on demand. Shared by the bundle
 * budget test and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface FirstScreen {
  /** Output files (relative to the build directory), entry first. */
  js: string[];
  css: string[];
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

export function firstScreenFiles(manifest: Manifest, entry = 'index.html'): FirstScreen {
  const js: string[] = [];
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}"`);
    js.push(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return { js, css: [...css] };
}

/** Bytes after gzip at level 9, the level the production server sends. */
export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export function sumGzipBytes(outDir: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipBytes(join(outDir, file)), 0);
}

/** Text only oidc-client-ts itself contains (the app's own calls such as `signinRedirect` survive minification). */
export const OIDC_CLIENT_MARKERS = ['No matching state found in storage', 'SigninResponse'] as const;
