import { findChromium, systemLookup, type ChromiumLookup, type ChromiumSearch } from './findChromium.ts';

/** The one command that fixes a missing Chromium on Debian and Ubuntu. */
export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/** What to tell a person whose machine has no Chromium: what is wrong, then the one thing to do. */
export function describeMissingChromium(search: ChromiumSearch & { readonly path: undefined }): string {
  if (search.variable) return `${search.problem}\nThe browser tests need Chromium: point ${search.variable} at a Chromium or Chrome executable, or unset it.`;
  return `${search.problem}\nThe browser tests need Chromium. Run:\n\n  ${INSTALL_COMMAND}\n\nor set CHROME_PATH to a Chromium or Chrome executable.`;
}

/**
 * The path of the Chromium to launch, or an error that says how to get one — thrown when a browser
 * is about to start, so suites that need none still run without it.
 */
export function requireChromium(lookup: ChromiumLookup = systemLookup): string {
  const search = findChromium(lookup);
  if (search.path === undefined) throw new Error(describeMissingChromium(search));
  return search.path;
}
