import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { preview } from 'vite';

const root = join(import.meta.dirname, '../../..');

export interface PreviewServer {
  /** Where the app is served, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the already-built `dist/` with `vite preview` (Vite's `preview()` API) on a free port of
 * 127.0.0.1. Build first: `npm run test:e2e` runs `vite build` before the tests.
 */
export async function startPreviewServer(): Promise<PreviewServer> {
  // E2E_DIST serves another build (e.g. `vite build --outDir /tmp/dist-a`), so two builds can be tested side by side.
  const outDir = process.env.E2E_DIST ?? join(root, 'dist');
  if (!existsSync(join(outDir, 'index.html')))
    throw new Error('dist/index.html is missing: build the app first (npm run test:e2e runs `vite build`, then the tests)');
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview is not listening on a TCP port (${String(address)})`);
  }
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
