import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
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

export default defineConfig({
  plugins: [react()],
  // Pre-bundled up front, so a cold run (CI) does not stop a browser test to optimise it and reload.
  optimizeDeps: { include: ['recharts'] },
  build: { target: 'es2022', sourcemap: true },
  test: {
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
        test: {
          name: 'stories',
          browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
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
          fileParallelism: false,
        },
      },
    ],
  },
});
