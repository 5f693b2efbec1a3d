import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What the search may look at; tests pass their own so no real file system or environment is read. */
export interface ChromiumLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when `path` is a file this process may execute. */
  readonly isExecutable: (path: string) => boolean;
}

export type ChromiumSearch =
  /** `from` says where it was found, for the log: a variable's name, Debian's package or the PATH. */
  | { readonly path: string; readonly from: string }
  | {
      readonly path: undefined;
      readonly problem: string;
      /** Set when a variable names nothing executable: installing a Chromium would not help. */
      readonly variable?: string;
    };

/** Debian's package, where `.ci/run` and the README's command put it. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** The names Chromium and Chrome go by on the PATH of the usual distributions. */
const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
/** `CHROME_PATH` is the usual name; `CHROMIUM_PATH` is what the browser tests read before and stays an alias. */
const VARIABLES = ['CHROME_PATH', 'CHROMIUM_PATH'];

export const systemLookup: ChromiumLookup = {
  env: process.env,
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/**
 * The Chromium the browser suites drive: the one a variable names, else Debian's, else the first
 * on the PATH. A variable that names nothing executable is a problem, not a reason to look further:
 * someone set it on purpose and would otherwise test a different browser without knowing.
 *
 * @example findChromium() // { path: '/usr/bin/chromium', from: 'Debian’s package' }
 */
export function findChromium(lookup: ChromiumLookup = systemLookup): ChromiumSearch {
  for (const variable of VARIABLES) {
    const value = lookup.env[variable];
    if (!value) continue;
    if (lookup.isExecutable(value)) return { path: value, from: variable };
    return { path: undefined, problem: `${variable} is ${value}, which is not an executable file.`, variable };
  }
  if (lookup.isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: 'Debian’s package' };
  for (const name of NAMES_ON_PATH) {
    const path = findOnPath(name, lookup);
    if (path) return { path, from: 'on the PATH' };
  }
  return {
    path: undefined,
    problem: `No Chromium found (looked at CHROME_PATH, ${DEBIAN_CHROMIUM}, and ${NAMES_ON_PATH.join(', ')} on the PATH).`,
  };
}

/** The first executable called `name` in the PATH's folders, as a shell would find it. */
export function findOnPath(name: string, lookup: ChromiumLookup = systemLookup): string | undefined {
  for (const folder of (lookup.env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    const path = join(folder, name);
    if (lookup.isExecutable(path)) return path;
  }
  return undefined;
}
