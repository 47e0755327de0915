/*
 * How the built page loads its scripts. The entry (main.tsx) is only the boot: it sends the first view's request,
 * paints its rows into the server's first screen, then imports the app (src/app/start.tsx: React and the rest).
 * - The entry's script is async, so it runs as soon as it arrives rather than after the page has been parsed, and it
 *   is fetched at high priority.
 * - The entry's own chunks are preloaded by the page (Vite's preloading is off, see vite.config.ts).
 * - The app's chunks are listed in a JSON data block for the boot script, which preloads them once the first
 *   request has left (src/first-screen/preload-app.ts); main.tsx imports them after the first rows are painted.
 * Under `vite dev` nothing changes but the timing.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { APP_CHUNKS_ELEMENT_ID, FIRST_SCREEN_MODULES } from '../contract.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN_MODULE = `${ROOT}${FIRST_SCREEN_MODULES.entry}`;
const START_MODULE = `${ROOT}${FIRST_SCREEN_MODULES.app}`;

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The modules `from` imports statically, directly or not (itself included). */
function staticClosure(graph: ModuleGraph, from: string, into = new Set<string>()): Set<string> {
  if (into.has(from)) return into;
  into.add(from);
  for (const id of graph.getModuleInfo(from)?.importedIds ?? []) staticClosure(graph, id, into);
  return into;
}

/**
 * Two chunks for the first screen besides the entry: what the boot imports, and the rest of what the app imports.
 * Left alone, the bundler splits them further by what the later, on-demand chunks share: more files to wait for.
 */
function firstScreenChunks(): (id: string, graph: ModuleGraph) => string | null {
  let boot: Set<string> | undefined;
  let app: Set<string> | undefined;
  return (id, graph) => {
    boot ??= staticClosure(graph, MAIN_MODULE);
    app ??= staticClosure(graph, START_MODULE);
    if (id === MAIN_MODULE || id === START_MODULE) return null;
    return boot.has(id) ? 'boot' : app.has(id) ? 'app' : null;
  };
}

export function entryLoading(): Plugin {
  return {
    name: 'campaigns-entry-loading',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    config: () => ({ build: { rollupOptions: { output: { codeSplitting: { groups: [{ name: firstScreenChunks(), debugName: 'first-screen', includeDependenciesRecursively: false }] } } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const entry = chunks.find((chunk) => chunk.isEntry);
        const start = chunks.find((chunk) => chunk.facadeModuleId === START_MODULE);
        if (!entry || !start) throw new Error('The entry or the app chunk (src/app/start.tsx) was not built');

        const entryTag = `<script type="module" crossorigin src="/${entry.fileName}"></script>`;
        if (!html.includes(entryTag)) throw new Error(`index.html has no ${entryTag}`);

        // The app's chunks, less what the entry loads already.
        const importsOf = (fileName: string) => (bundle[fileName] as { imports?: string[] } | undefined)?.imports ?? [];
        const closure = (from: string, skip = new Set<string>()) => {
          const files = new Set<string>();
          const walk = (fileName: string) => {
            if (files.has(fileName) || skip.has(fileName)) return;
            files.add(fileName);
            importsOf(fileName).forEach(walk);
          };
          walk(from);
          return files;
        };
        const entryFiles = closure(entry.fileName);
        const preload = closure(start.fileName, entryFiles);
        // What the entry imports, fetched alongside it rather than once it has arrived.
        const entryImports = [...entryFiles].filter((fileName) => fileName !== entry.fileName);
        const page = html.replace(
          entryTag,
          () =>
            `<script type="module" async crossorigin fetchpriority="high" src="/${entry.fileName}"></script>` +
            entryImports.map((fileName) => `\n    <link rel="modulepreload" crossorigin href="/${fileName}">`).join(''),
        );
        return {
          html: page,
          tags: [
            {
              tag: 'script',
              attrs: { type: 'application/json', id: APP_CHUNKS_ELEMENT_ID },
              children: JSON.stringify([...preload].map((fileName) => `/${fileName}`)),
              injectTo: 'head' as const,
            },
          ],
        };
      },
    },
  };
}
