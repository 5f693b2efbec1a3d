import { describe, expect, it } from 'vitest';
import { browserTabLocks } from '../../../src/persistence/tabLocks.ts';

describe('tab locks on the browser’s Web Locks', () => {
  it('grants a name once, for as long as the page lives; a second claim is refused, at once or after waiting', async () => {
    const locks = browserTabLocks(`scope-${crypto.randomUUID()}`);
    if (!locks) throw new Error('Chromium has Web Locks on a secure page');
    expect(await locks.claim('session-a')).toBe(true);
    expect(await locks.claim('session-a')).toBe(false);
    const asked = performance.now();
    expect(await locks.claim('session-a', 300)).toBe(false);
    expect(performance.now() - asked).toBeGreaterThanOrEqual(250);
    expect(await locks.claim('session-b', 300)).toBe(true);
    expect([...(await locks.held())].sort()).toEqual(['session-a', 'session-b']);
  });

  it('keeps scopes apart: another database’s locks are neither listed nor in the way', async () => {
    const mine = browserTabLocks(`scope-${crypto.randomUUID()}`);
    const theirs = browserTabLocks(`scope-${crypto.randomUUID()}`);
    expect(await theirs?.claim('session')).toBe(true);
    expect([...((await mine?.held()) ?? [])]).toEqual([]);
    expect(await mine?.claim('session')).toBe(true);
  });
});
