/*
 * What a build makes the first screen download, read from Vite's manifest: the entry chunk, the chunks it imports
 * statically (transitively) and their CSS, and the app itself (src/app/start.tsx and its static imports), which the
 * entry imports dynamically only to run it after the first rows are painted: it downloads with the page. Other
 * dynamic imports are left out: they load on demand. Shared by the bundle budget test and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_SCREEN_MODULES } from '../../src/first-screen/contract.ts';

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

/** The app, imported by the entry (main.tsx) once the boot script has painted the first rows. */
export const APP_MODULE = FIRST_SCREEN_MODULES.app;

/** A chunk and what it imports statically, transitively (`key` as in the manifest: a source path or index.html). */
export function staticFiles(manifest: Manifest, key: string): FirstScreen {
  const js: string[] = [];
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunkKey: string) => {
    if (seen.has(chunkKey)) return;
    seen.add(chunkKey);
    const chunk = manifest[chunkKey];
    if (!chunk) throw new Error(`The manifest has no chunk "${chunkKey}"`);
    js.push(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return { js, css: [...css] };
}

/** The entry (index.html's script) with its static imports, then the app's chunks it does not hold already. */
export function firstScreenFiles(manifest: Manifest): FirstScreen {
  const entry = staticFiles(manifest, 'index.html');
  const app = staticFiles(manifest, APP_MODULE);
  return {
    js: [...entry.js, ...app.js.filter((file) => !entry.js.includes(file))],
    css: [...new Set([...entry.css, ...app.css])],
  };
}

/** Bytes after gzip at level 9, the level the production server sends. */
export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * The page's inline scripts that run (JSON data blocks do not), in the order they appear. They are JavaScript the
 * first screen loads as much as its files are, so the budget counts them too.
 */
export function executableInlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((match) => !/\bsrc=/i.test(match[1]!) && !/\btype="application\/json"/i.test(match[1]!))
    .map((match) => match[2]!);
}

/** Each script's bytes after gzip at level 9, counted on its own (inside the page it compresses a little better). */
export function inlineGzipBytes(scripts: string[]): number {
  return scripts.reduce((sum, script) => sum + gzipSync(script, { level: 9 }).length, 0);
}

export function sumGzipBytes(outDir: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipBytes(join(outDir, file)), 0);
}

/** Text only oidc-client-ts itself contains (the app's own calls such as `signinRedirect` survive minification). */
export const OIDC_CLIENT_MARKERS = ['No matching state found in storage', 'SigninResponse'] as const;
