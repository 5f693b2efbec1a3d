import { spawnSync } from 'node:child_process';
import { findChromium, findOnPath, systemLookup, type ChromiumSearch } from './findChromium.ts';
import { describeMissingChromium } from './requireChromium.ts';

export interface ChromiumSetup {
  readonly find: () => ChromiumSearch;
  /** True when this process may install Debian's package itself (root, with apt-get). */
  readonly canInstall: () => boolean;
  /** Installs Debian's package; false when apt-get failed. */
  readonly install: () => boolean;
  readonly log: (message: string) => void;
}

export const systemSetup: ChromiumSetup = {
  find: () => findChromium(systemLookup),
  canInstall: () => process.getuid?.() === 0 && findOnPath('apt-get') !== undefined,
  install() {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
    return run(['update', '-qq']) && run(['install', '-y', '-qq', 'chromium']);
  },
  log: (message) => console.log(message),
};

/**
 * `npm test`'s first step: makes sure a Chromium is there before any suite starts, installing
 * Debian's package when it may, so a missing browser stops the run at once with the command to
 * fix it instead of failing deep inside Vitest. Returns the exit code.
 */
export function ensureChromium(setup: ChromiumSetup = systemSetup): number {
  let search = setup.find();
  if (search.path === undefined && !search.variable && setup.canInstall()) {
    setup.log(`${search.problem}\nInstalling Debian's Chromium (apt-get install -y chromium) for the browser tests…`);
    if (setup.install()) search = setup.find();
  }
  if (search.path === undefined) {
    setup.log(describeMissingChromium(search));
    return 1;
  }
  setup.log(`Browser tests use Chromium at ${search.path} (${search.from}).`);
  return 0;
}
