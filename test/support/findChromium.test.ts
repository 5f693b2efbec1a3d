import { describe, expect, it } from 'vitest';
import { findChromium, type ChromiumLookup } from './findChromium.ts';
import { requireChromium } from './requireChromium.ts';

/** A machine with these executables and this environment, nothing else. */
function machine(executables: string[], env: Record<string, string> = {}): ChromiumLookup {
  const files = new Set(executables);
  return { env: { PATH: '/usr/local/bin:/usr/bin:/snap/bin', ...env }, isExecutable: (path) => files.has(path) };
}

describe('findChromium', () => {
  it('takes CHROME_PATH first, over Debian’s package and the PATH', () => {
    const lookup = machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROME_PATH: '/opt/chrome/chrome' });
    expect(findChromium(lookup)).toEqual({ path: '/opt/chrome/chrome', from: 'CHROME_PATH' });
  });

  it('keeps CHROMIUM_PATH, which the browser tests read before, as an alias below CHROME_PATH', () => {
    expect(findChromium(machine(['/opt/c'], { CHROMIUM_PATH: '/opt/c' }))).toEqual({ path: '/opt/c', from: 'CHROMIUM_PATH' });
    expect(findChromium(machine(['/opt/a', '/opt/b'], { CHROME_PATH: '/opt/a', CHROMIUM_PATH: '/opt/b' })).path).toBe('/opt/a');
  });

  it('refuses a variable that names nothing executable instead of quietly testing another browser', () => {
    const search = findChromium(machine(['/usr/bin/chromium'], { CHROME_PATH: '/opt/missing' }));
    expect(search).toEqual({ path: undefined, problem: 'CHROME_PATH is /opt/missing, which is not an executable file.', variable: 'CHROME_PATH' });
  });

  it('takes Debian’s /usr/bin/chromium when no variable is set, ahead of the PATH', () => {
    expect(findChromium(machine(['/usr/local/bin/google-chrome', '/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', from: 'Debian’s package' });
  });

  it('finds chromium-browser and google-chrome on the PATH, in the PATH’s order of folders', () => {
    expect(findChromium(machine(['/snap/bin/chromium-browser'])).path).toBe('/snap/bin/chromium-browser');
    expect(findChromium(machine(['/usr/bin/google-chrome'])).path).toBe('/usr/bin/google-chrome');
    expect(findChromium(machine(['/snap/bin/chromium', '/usr/local/bin/chromium'])).path).toBe('/usr/local/bin/chromium');
  });

  it('says where it looked when there is none', () => {
    const search = findChromium(machine(['/usr/bin/firefox']));
    expect(search.path).toBeUndefined();
    expect(search).toMatchObject({ problem: expect.stringContaining('No Chromium found') });
    expect(search).not.toHaveProperty('variable');
  });

  it('treats an empty variable and an empty PATH as unset', () => {
    expect(findChromium({ env: { CHROME_PATH: '', PATH: '' }, isExecutable: (path) => path === '/usr/bin/chromium' }).path).toBe('/usr/bin/chromium');
    expect(findChromium({ env: {}, isExecutable: (path) => path === 'chromium' }).path).toBeUndefined();
  });
});

describe('requireChromium', () => {
  it('returns the path found', () => {
    expect(requireChromium(machine(['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
  });

  it('throws with the one command to run when there is none', () => {
    expect(() => requireChromium(machine([]))).toThrow(/No Chromium found[\s\S]*sudo apt-get install -y chromium/);
  });

  it('asks to fix the variable, not to install, when a variable is wrong', () => {
    expect(() => requireChromium(machine(['/usr/bin/chromium'], { CHROME_PATH: '/nope' }))).toThrow(/point CHROME_PATH at a Chromium/);
  });
});
