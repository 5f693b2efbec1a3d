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

export interface BundleSize {
  /** The JS loaded before the first interaction, gzip, summed: see `benchBundleSize`. */
  readonly gzipBytes: number;
  readonly bytes: number;
  readonly files: SizedFile[];
  /** For reference: the initial CSS, and the chunks loaded later (the builder's on opening a Workflow). */
  readonly cssGzipBytes: number;
  readonly lazy: SizedFile[];
}

/**
 * The app's initial JavaScript: `vite build` of the app with the project's own vite.config.ts
 * (into a temporary outDir, with a manifest), then every JS file the built index.html loads
 * before any code runs — its module script and `modulepreload` links — together with their
 * static imports (from the manifest; the two agree). Not the chunks loaded by `import()` (the
 * builder's WorkflowEditor chunk, loaded when a Workflow is opened). Each file is gzipped
 * with zlib at its default level (6, what web servers commonly use) and the sizes summed.
 */
export async function benchBundleSize(): Promise<BundleSize> {
  const outDir = mkdtempSync(join(tmpdir(), 'exitflow-size-bench-'));
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
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
    const entry = manifest['index.html'];
    if (!entry) throw new Error('the build manifest has no index.html entry');
    const initial = new Set<string>();
    const css = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const file of chunk.css ?? []) css.add(file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit('index.html');
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
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
