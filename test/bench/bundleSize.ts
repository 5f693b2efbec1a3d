import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';

const root = join(import.meta.dirname, '../..');

export interface SizedFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The JS one screen loads before the person does anything, gzip: see `initialJsPerScreen`. */
export interface ScreenBundle {
  readonly screen: string;
  /** The address the figure is for. */
  readonly url: string;
  readonly gzipBytes: number;
  readonly bytes: number;
  /** The entry and the screen's route chunk alone, gzip: without what the screen then imports at once. */
  readonly routeGzipBytes: number;
  /** The chunks, the entry's first. */
  readonly files: SizedFile[];
}

export interface BundleSize {
  /** The JS loaded before the first interaction, gzip, summed: see `benchBundleSize`. */
  readonly gzipBytes: number;
  readonly bytes: number;
  readonly files: SizedFile[];
  /** For reference: the initial CSS, and the chunks loaded later (the builder's on opening a Workflow). */
  readonly cssGzipBytes: number;
  readonly lazy: SizedFile[];
  /** Per screen: the entry's JS and what the screen's route loads before any interaction. */
  readonly screens: ScreenBundle[];
}

/**
 * What each screen loads on its own before the person does anything: its route chunk (a
 * `React.lazy` in src/app/screenModules.ts) and the chunks the screen imports at once when it
 * opens (the builder's editor on an open Workflow, the simulator's workspace on an example), keyed
 * as the build manifest names their source modules.
 */
export const SCREEN_LOADS: readonly { readonly screen: string; readonly url: string; readonly modules: readonly string[] }[] = [
  { screen: 'overview', url: '/', modules: ['src/screens/overview/OverviewScreen.tsx'] },
  { screen: 'builder', url: '/builder/<a stored Workflow>', modules: ['src/screens/builder/BuilderScreen.tsx', 'src/screens/builder/WorkflowEditor.tsx'] },
  { screen: 'simulator', url: '/simulator?example=hot-lead', modules: ['src/screens/simulation/SimulatorScreen.tsx', 'src/screens/simulation/workspace/PlaybackWorkspace.tsx'] },
  { screen: 'messages', url: '/messages', modules: ['src/screens/messages/MessagesScreen.tsx'] },
];

/** A chunk and, recursively, its static imports, as files; `seen` collects them. */
function staticClosure(manifest: Manifest, key: string, seen: Set<string>, css?: Set<string>): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const file of chunk.css ?? []) css?.add(file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen, css);
  return seen;
}

/**
 * Initial JS per screen from a build with a manifest: the entry (index.html's module script) and
 * its static imports, then each of the screen's modules (SCREEN_LOADS) with their static imports,
 * every file counted once, gzipped at zlib's default level. A module missing from the manifest, or
 * one the entry already holds, means the screen is no longer split from the rest: refused, so the
 * figure never silently becomes the whole app's.
 */
export function initialJsPerScreen(outDir: string, manifest: Manifest): ScreenBundle[] {
  const sizes = new Map<string, SizedFile>();
  const size = (file: string): SizedFile => {
    let sized = sizes.get(file);
    if (!sized) {
      const content = readFileSync(join(outDir, file));
      sized = { file, bytes: content.length, gzipBytes: gzipSync(content).length };
      sizes.set(file, sized);
    }
    return sized;
  };
  const entry = staticClosure(manifest, 'index.html', new Set());
  return SCREEN_LOADS.map(({ screen, url, modules }) => {
    const loaded = new Set(entry);
    let routeGzipBytes = 0;
    const js = () => [...loaded].filter((file) => file.endsWith('.js')).map(size);
    for (const module of modules) {
      const chunk = manifest[module];
      if (!chunk?.isDynamicEntry) throw new Error(`${module} is not a chunk of its own in the build: the ${screen} screen is not split from the entry`);
      if (entry.has(chunk.file)) throw new Error(`${module} is in the entry's chunks: every screen loads it`);
      staticClosure(manifest, module, loaded);
      routeGzipBytes ||= js().reduce((sum, file) => sum + file.gzipBytes, 0);
    }
    const files = js();
    return { screen, url, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), bytes: files.reduce((sum, file) => sum + file.bytes, 0), routeGzipBytes };
  });
}

/** `vite build` of the app with the project's own config into a temporary directory, with a manifest. */
async function buildApp<T>(use: (outDir: string, manifest: Manifest) => T): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'exitflow-size-bench-'));
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
    return use(outDir, manifest);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Builds the app and returns `initialJsPerScreen` of it. */
export async function benchInitialJsPerScreen(): Promise<ScreenBundle[]> {
  return buildApp(initialJsPerScreen);
}

/**
 * The app's initial JavaScript: `vite build` of the app with the project's own vite.config.ts
 * (into a temporary outDir, with a manifest), then every JS file the built index.html loads
 * before any code runs — its module script and `modulepreload` links — together with their
 * static imports (from the manifest; the two agree): the code every screen loads. Not the chunks
 * loaded by `import()` — each screen's, which `screens` adds per screen (`initialJsPerScreen`).
 * Each file is gzipped with zlib at its default level (6, what web servers commonly use) and the
 * sizes summed.
 */
export async function benchBundleSize(): Promise<BundleSize> {
  return buildApp((outDir, manifest) => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');

    // What index.html loads: <script type="module" src> and <link rel="modulepreload" href>.
    const fromHtml = new Set<string>();
    for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
      const isModule = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
      const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
      const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
      if ((isModule || isPreload) && url) fromHtml.add(url.replace(/^\//, ''));
    }

    // The entry chunk and, recursively, its static imports.
    if (!manifest['index.html']) throw new Error('the build manifest has no index.html entry');
    const css = new Set<string>();
    const initial = staticClosure(manifest, 'index.html', new Set(), css);
    for (const file of fromHtml) {
      if (file.endsWith('.js')) initial.add(file);
    }

    const size = (file: string): SizedFile => {
      const content = readFileSync(join(outDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
    };
    const files = [...initial].sort().map(size);
    const lazy = Object.values(manifest)
      .filter((chunk) => chunk.file.endsWith('.js') && !initial.has(chunk.file))
      .map((chunk) => size(chunk.file));
    return {
      gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files,
      cssGzipBytes: [...css].map(size).reduce((sum, file) => sum + file.gzipBytes, 0),
      lazy,
      screens: initialJsPerScreen(outDir, manifest),
    };
  });
}

/** `node --import tsx test/bench/bundleSize.ts`: initial JS per screen as JSON. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const screens = await benchInitialJsPerScreen();
  console.log(JSON.stringify(screens.map(({ screen, url, gzipBytes, bytes, routeGzipBytes }) => ({ screen, url, gzipBytes, bytes, routeGzipBytes }))));
}
