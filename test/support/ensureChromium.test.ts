import { describe, expect, it } from 'vitest';
import { ensureChromium, type ChromiumSetup } from './ensureChromium.ts';
import type { ChromiumSearch } from './findChromium.ts';

const FOUND: ChromiumSearch = { path: '/usr/bin/chromium', from: 'Debian’s package' };
const NONE: ChromiumSearch = { path: undefined, problem: 'No Chromium found (looked at …).' };

/** A setup whose searches answer in turn, recording what it printed and whether it installed. */
function setup(searches: ChromiumSearch[], { canInstall = false, installs = true } = {}) {
  const log: string[] = [];
  let installed = 0;
  const answers = [...searches];
  const fake: ChromiumSetup = {
    find: () => answers.shift() ?? NONE,
    canInstall: () => canInstall,
    install: () => {
      installed++;
      return installs;
    },
    log: (message) => log.push(message),
  };
  return { fake, log, installs: () => installed };
}

describe('ensureChromium (npm pretest)', () => {
  it('passes when a Chromium is there, and says which', () => {
    const { fake, log, installs } = setup([FOUND], { canInstall: true });
    expect(ensureChromium(fake)).toBe(0);
    expect(installs()).toBe(0);
    expect(log).toEqual(['Browser tests use Chromium at /usr/bin/chromium (Debian’s package).']);
  });

  it('installs Debian’s package when it may (root with apt-get), then passes', () => {
    const { fake, installs } = setup([NONE, FOUND], { canInstall: true });
    expect(ensureChromium(fake)).toBe(0);
    expect(installs()).toBe(1);
  });

  it('stops at once with the one command to run when it may not install', () => {
    const { fake, log, installs } = setup([NONE], { canInstall: false });
    expect(ensureChromium(fake)).toBe(1);
    expect(installs()).toBe(0);
    expect(log.join('\n')).toMatch(/No Chromium found[\s\S]*\n {2}sudo apt-get install -y chromium\n/);
  });

  it('stops with the command when the install failed', () => {
    const { fake, log } = setup([NONE, NONE], { canInstall: true, installs: false });
    expect(ensureChromium(fake)).toBe(1);
    expect(log.at(-1)).toContain('sudo apt-get install -y chromium');
  });

  it('installs nothing when a variable names a missing file: installing would not fix it', () => {
    const wrong: ChromiumSearch = { path: undefined, problem: 'CHROME_PATH is /nope, which is not an executable file.', variable: 'CHROME_PATH' };
    const { fake, log, installs } = setup([wrong], { canInstall: true });
    expect(ensureChromium(fake)).toBe(1);
    expect(installs()).toBe(0);
    expect(log.join('\n')).toContain('point CHROME_PATH at a Chromium');
  });
});
