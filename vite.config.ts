import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import type { ToMatchScreenshotOptions } from 'vitest/node';
import { requireChromium } from './test/support/requireChromium.ts';

/**
 * The machine's Chromium (test/support/findChromium.ts), never a downloaded browser. Looked up when
 * a browser project starts, not when this file loads: the unit suite runs on a machine without one,
 * and one without it is told the command to run instead of Playwright's advice to download its own.
 */
const launchOptions: { executablePath?: string; args: string[] } = {
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const playwrightProvider = playwright({ launchOptions });
const chromium: typeof playwrightProvider = {
  ...playwrightProvider,
  providerFactory(project) {
    launchOptions.executablePath = requireChromium();
    return playwrightProvider.providerFactory(project);
  },
};

/**
 * The same Chromium for the stories, its window as large as the stories' frame (Storybook's
 * 1200×900), so Vitest does not scale the frame down to fit (0.8 in the default 1280×720) and each
 * story's picture is drawn at 1:1.
 */
const storiesPlaywright = playwright({ launchOptions, contextOptions: { viewport: { width: 1200, height: 900 } } });
const storiesChromium: typeof storiesPlaywright = {
  ...storiesPlaywright,
  providerFactory(project) {
    launchOptions.executablePath = requireChromium();
    return storiesPlaywright.providerFactory(project);
  },
};

/**
 * Story pictures: references at `stories/<folder>/reference-screenshots/<file>/<story>.png`, named
 * for a reviewer (no browser or platform suffix: they are made in this project's Linux Chromium);
 * a failed comparison writes the actual picture and the diff under test/output/visual/stories/.
 * The tolerance absorbs anti-aliasing (pixelmatch's colour threshold, anti-aliased pixels ignored),
 * not a moved border: at most 200 pixels of the 1200×900 frame may differ — a count, not a share,
 * so a small component in a large frame is held as tightly as a whole screen.
 */
type ScreenshotPathData = Parameters<NonNullable<ToMatchScreenshotOptions['resolveScreenshotPath']>>[0];
const storyScreenshots = {
  comparatorName: 'pixelmatch',
  comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 200 },
  resolveScreenshotPath: ({ root, testFileDirectory, testFileName, arg, ext }: ScreenshotPathData) =>
    join(root, testFileDirectory, 'reference-screenshots', testFileName.replace(/\.stories\.tsx?$/, ''), `${arg}${ext}`),
  resolveDiffPath: ({ root, testFileDirectory, testFileName, arg, ext }: ScreenshotPathData) =>
    join(root, 'test/output/visual', testFileDirectory, testFileName.replace(/\.stories\.tsx?$/, ''), `${arg}${ext}`),
} as const;

/**
 * Works offline: Workbox precaches the app shell (every chunk, the lazily loaded builder, simulator
 * and code editor too) and the bundled examples and schemas, so a demo without network opens from
 * the cache. The service worker only exists in a production build: the tests and Storybook run this
 * config too and must never be served from a cache. A new build waits until the person says Reload
 * (src/app/registerServiceWorker.ts), so an update never reloads the page under their edits.
 */
const offline = VitePWA({
  disable: Boolean(process.env.VITEST || process.env.STORYBOOK),
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'exitflow',
    short_name: 'exitflow',
    description: 'Simulate customer-messaging Workflows and see where and why each run stops.',
    theme_color: '#3a5bd9',
    background_color: '#f6f7f9',
    display: 'standalone',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // The README's screenshots (public/docs) are not part of the app: left to the network. The
    // manifest's icons are precached by the plugin itself.
    globPatterns: ['index.html', 'assets/**/*.{js,css,svg,png,woff2}', 'examples/**/*.json', 'schema/**/*.json'],
    navigateFallback: 'index.html',
  },
});

/**
 * What each address shows first, by path, and the modules it loads before anything can be seen:
 * the screen's chunk (src/app/screenModules.ts) and what the screen imports at once (an open
 * Workflow's editor, a simulation's workspace). The most specific prefix first; `/` alone is the
 * overview. A guess that turns out wrong (restoreLastView sends the person elsewhere) only costs a
 * download the browser would otherwise have made later.
 */
const FIRST_LOADS: readonly { readonly path: string; readonly exact?: boolean; readonly modules: readonly string[] }[] = [
  { path: '/builder/', modules: ['src/screens/builder/BuilderScreen.tsx', 'src/screens/builder/WorkflowEditor.tsx'] },
  { path: '/builder', exact: true, modules: ['src/screens/builder/BuilderScreen.tsx'] },
  { path: '/simulator', modules: ['src/screens/simulation/SimulatorScreen.tsx', 'src/screens/simulation/workspace/PlaybackWorkspace.tsx'] },
  { path: '/messages', modules: ['src/screens/messages/MessagesScreen.tsx'] },
  { path: '/', exact: true, modules: ['src/screens/overview/OverviewScreen.tsx'] },
];

type FirstLoad = readonly [path: string, exact: boolean, js: readonly string[], css: readonly string[]];

/** Runs in the page, inlined in index.html: adds the preload links of the screen the address names. */
function preloadScreenOfAddress(base: string, routes: readonly FirstLoad[]) {
  const path = location.pathname.startsWith(base) ? `/${location.pathname.slice(base.length)}` : location.pathname;
  const route = routes.find(([prefix, exact]) =>
    exact ? path === prefix || path === `${prefix}/` : path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
  const link = (rel: string, file: string, as?: string) => {
    const element = document.createElement('link');
    element.rel = rel;
    if (as) element.as = as;
    element.crossOrigin = '';
    element.href = base + file;
    document.head.append(element);
  };
  for (const file of route?.[2] ?? []) link('modulepreload', file);
  for (const file of route?.[3] ?? []) link('preload', file, 'style');
}

/**
 * The screens are chunks loaded by `import()`, which the browser only learns of once the entry
 * has downloaded and run: on a slow network the screen's code then arrives a whole download
 * later. A small inline script in index.html reads the address and adds `modulepreload` links
 * for that screen's chunks and their static imports (and `preload` for their CSS), so they
 * download beside the entry's. Build only: the dev server has no chunks.
 */
function preloadFirstScreen(): Plugin {
  let base = '/';
  return {
    name: 'exitflow:preload-first-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return undefined;
        const chunks = Object.values(bundle as OutputBundle).filter((output): output is OutputChunk => output.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        const inEntry = new Set<string>();
        const closure = (chunk: OutputChunk | undefined, into: Set<string>) => {
          if (!chunk || into.has(chunk.fileName)) return;
          into.add(chunk.fileName);
          for (const file of chunk.imports) closure(bundle[file] as OutputChunk | undefined, into);
        };
        closure(entry, inEntry);
        const entryCss = new Set([...inEntry].flatMap((file) => [...((bundle[file] as OutputChunk).viteMetadata?.importedCss ?? [])]));
        const routes = FIRST_LOADS.map(({ path, exact = false, modules }) => {
          const files = new Set<string>();
          for (const module of modules) closure(chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${module}`)), files);
          const js = [...files].filter((file) => !inEntry.has(file));
          const css = [...new Set([...files].flatMap((file) => [...((bundle[file] as OutputChunk).viteMetadata?.importedCss ?? [])]))].filter((file) => !entryCss.has(file));
          return [path, exact, js, css] satisfies FirstLoad;
        }).filter(([, , js]) => js.length > 0);
        // A page built from another HTML file (the benches' pages) loads no screen.
        if (routes.length === 0) return undefined;
        const script = `(${preloadScreenOfAddress.toString()})(${JSON.stringify(base)}, ${JSON.stringify(routes)});`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), offline, preloadFirstScreen()],
  // Pre-bundled up front, so a cold run (CI) does not stop a browser test to optimise it and reload.
  // Bundled before the first test asks for them: otherwise the dev server finds them on the way
  // and reloads, and a browser test meets a second copy of React.
  optimizeDeps: { include: ['recharts', '@xyflow/react'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Every browser of es2022 preloads modules itself: the polyfill would only add to the first load.
    modulePreload: { polyfill: false },
    // What every screen loads before anything shows (the entry and its static imports) as one chunk:
    // split the way the lazy screens share it, it was 17 files, each compressed on its own — one file
    // is 8 KB smaller gzipped, and one request. The screens' own chunks are split as before.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  test: {
    // UPDATE_SCREENSHOTS=1 (npm run test:screenshots:update) rewrites the stories' reference pictures, as
    // `vitest -u` does (an update mode for the whole run: the project has no other snapshots).
    update: process.env.UPDATE_SCREENSHOTS === '1' || undefined,
    projects: [
      {
        extends: true,
        // Property tests run hundreds of cases: on a loaded 2-core machine that is seconds. Timeouts here
        // only catch hangs; speed is measured by `npm run bench`.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', '**/*.browser.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        // Every story in stories/ as a test in real Chromium, with its axe check (a11y: 'error').
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
        // The screens imported up front (src/app/eagerScreenModules.ts), so a story shows its screen
        // without waiting for the dev server to compile it on first use.
        resolve: { alias: [{ find: /^\.\/screenModules\.ts$/, replacement: fileURLToPath(new URL('src/app/eagerScreenModules.ts', import.meta.url)) }] },
        test: {
          name: 'stories',
          // Each story's picture is compared with its reference (.storybook/screenshotEachStory.ts).
          setupFiles: ['.storybook/screenshotEachStory.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: storiesChromium,
            instances: [{ browser: 'chromium' }],
            expect: { toMatchScreenshot: storyScreenshots },
          },
        },
      },
      {
        // Tests that need a real browser API (the engine's Web Worker), in real Chromium.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time (npm run test:e2e passes --maxWorkers=2): each file starts its own
          // preview server and Chromium on free ports, so files share nothing; one at a time, this
          // suite was more than half of CI's time. A loaded runner widens the app's races: the
          // one it found (a reload drew the simulator's workspace anew) is fixed and tested.
          fileParallelism: true,
        },
      },
    ],
  },
});
