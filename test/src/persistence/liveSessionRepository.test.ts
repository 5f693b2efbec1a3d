import { describe, expect, it } from 'vitest';
import { SCRIPT_FORMAT, scriptSchema, type Script } from '../../../simulator/schema/script.ts';
import {
  claimLiveSession,
  clearLiveSession,
  KEPT_IDLE_SESSIONS,
  pruneLiveSessions,
  readLiveSession,
  saveLiveSession,
  saveLiveSessionTime,
  saveLiveSessionUser,
} from '../../../src/persistence/liveSessionRepository.ts';
import type { ExitflowDb } from '../../../src/persistence/db.ts';
import type { LiveSessionRecord } from '../../../src/model/records.ts';
import { fakeBrowser, freshDb } from '../../harness/fakeBrowserStorage.ts';
import { fakeTabLocks, type FakeTab } from '../../harness/fakeTabLocks.ts';

const script = scriptSchema.parse({
  format: SCRIPT_FORMAT,
  name: 'Messages session',
  start: '2026-01-05T09:00:00Z',
  contacts: [{ id: 'omar' }],
  events: [{ at: '+0', contact: 'omar', type: 'contact.message', text: 'Hi' }],
});

/** The session with one more contact message, as a tab's command records it. */
const written = (base: Script, text: string): Script => ({ ...base, events: [...base.events, { at: `+${base.events.length}s`, contact: 'omar', type: 'contact.message', text }] });

const keys = (() => {
  let n = 0;
  return () => `key-${++n}`;
})();

describe('the kept live session', () => {
  it('keeps who the person works as, through a later save of the script; a record from before has none', async () => {
    const db = freshDb();
    await saveLiveSession(db, 'tab', script, 0, 1);
    expect((await readLiveSession(db, 'tab'))?.userId).toBeUndefined();
    await saveLiveSessionUser(db, 'tab', 'alice', 2);
    expect((await readLiveSession(db, 'tab'))?.userId).toBe('alice');
    await saveLiveSession(db, 'tab', written(script, 'again'), 1_000, 3, 'alice');
    await saveLiveSessionTime(db, 'tab', 2_000, 4);
    expect(await readLiveSession(db, 'tab')).toMatchObject({ userId: 'alice', time: 2_000 });
  });

  it('is none at first; saved under its key, read back as it was; its clock moves on; Restart forgets it', async () => {
    const db = freshDb();
    expect(await readLiveSession(db, 'tab')).toBeNull();
    await saveLiveSessionTime(db, 'tab', 5_000, 1);
    expect(await readLiveSession(db, 'tab')).toBeNull();

    await saveLiveSession(db, 'tab', script, 60_000, 2);
    expect(await readLiveSession(db, 'tab')).toEqual({ key: 'tab', script, time: 60_000, savedAt: 2 });
    await saveLiveSessionTime(db, 'tab', 90_000, 3);
    expect(await readLiveSession(db, 'tab')).toMatchObject({ script, time: 90_000, savedAt: 3 });

    await clearLiveSession(db, 'tab');
    expect(await readLiveSession(db, 'tab')).toBeNull();
  });

  it('is not trusted when damaged: read as none, so a new session starts', async () => {
    const db = freshDb();
    await db.liveSession.put({ key: 'current', script: { ...script, events: 'none' }, time: -1, savedAt: 0 } as unknown as LiveSessionRecord);
    expect(await readLiveSession(db, 'current')).toBeNull();
  });
});

describe('one live session per tab', () => {
  /** A tab of the Messages view: claims its key as the app does on start, remembering it across reloads. */
  function messagesTab(db: ExitflowDb, manager: ReturnType<typeof fakeTabLocks>) {
    let locks: FakeTab = manager.tab();
    let remembered: string | null = null;
    const tab = {
      key: '',
      async start() {
        tab.key = await claimLiveSession(db, { remembered, locks, newKey: keys });
        remembered = tab.key;
        return readLiveSession(db, tab.key);
      },
      /** The page goes and comes back: its locks are let go, its sessionStorage stays. */
      async reload() {
        locks.close();
        locks = manager.tab();
        return tab.start();
      },
    };
    return tab;
  }

  it('two tabs that each act keep two sessions; after a reload of either, each resumes its own', async () => {
    const browser = fakeBrowser();
    const manager = fakeTabLocks();
    const first = messagesTab(browser.openTab(), manager);
    const second = messagesTab(browser.openTab(), manager);
    const db = browser.openTab();

    expect(await first.start()).toBeNull();
    await saveLiveSession(db, first.key, script, 0, 1);
    // The second tab opens while the first holds its session: a session of its own.
    expect(await second.start()).toBeNull();
    expect(second.key).not.toBe(first.key);
    await saveLiveSession(db, second.key, script, 0, 2);

    const mine = written(script, 'Written in the first tab');
    const theirs = written(script, 'Written in the second tab');
    await saveLiveSession(db, first.key, mine, 1_000, 3);
    await saveLiveSession(db, second.key, theirs, 1_000, 4);
    await saveLiveSessionTime(db, first.key, 5_000, 5);

    expect(await first.reload()).toMatchObject({ script: mine, time: 5_000 });
    expect(await second.reload()).toMatchObject({ script: theirs, time: 1_000 });
    expect(await db.liveSession.count()).toBe(2);

    // Restart in one tab forgets its session only.
    await clearLiveSession(db, first.key);
    expect(await first.reload()).toBeNull();
    expect(await second.reload()).toMatchObject({ script: theirs });
  });

  it('a new tab takes over the most recently kept session no open tab holds (a closed tab’s, or the one an older build kept), never an open tab’s', async () => {
    const db = freshDb();
    const manager = fakeTabLocks();
    await saveLiveSession(db, 'current', written(script, 'Kept by an older build'), 0, 1);
    const open = messagesTab(db, manager);
    await open.start();
    expect(open.key).toBe('current');
    await saveLiveSession(db, 'closed-tab', written(script, 'Kept by a closed tab'), 0, 5);
    await saveLiveSession(db, 'current', written(script, 'Kept by the open tab'), 0, 9);

    const next = messagesTab(db, manager);
    expect(await next.start()).toMatchObject({ key: 'closed-tab' });
    const another = messagesTab(db, manager);
    expect(await another.start()).toBeNull();
    expect([open.key, next.key, another.key]).toEqual(['current', 'closed-tab', expect.stringMatching(/^key-/)]);
  });

  it('two new tabs at once never take the same session; a damaged one is taken by neither', async () => {
    const db = freshDb();
    const manager = fakeTabLocks();
    await saveLiveSession(db, 'left-behind', script, 0, 1);
    await db.liveSession.put({ key: 'damaged', script: 'none', time: 0, savedAt: 9 } as unknown as LiveSessionRecord);
    const [a, b] = [messagesTab(db, manager), messagesTab(db, manager)];
    await Promise.all([a.start(), b.start()]);
    expect([a.key, b.key].sort()).toEqual([expect.stringMatching(/^key-/), 'left-behind']);
  });

  it('a duplicated tab (its remembered key held by the tab it copies) gets a session of its own', async () => {
    const db = freshDb();
    const manager = fakeTabLocks();
    const original = await claimLiveSession(db, { remembered: null, locks: manager.tab(), newKey: keys });
    await saveLiveSession(db, original, script, 0, 1);
    const duplicate = await claimLiveSession(db, { remembered: original, locks: manager.tab(), newKey: keys });
    expect(duplicate).not.toBe(original);
  });

  it('without Web Locks a tab keeps the key it remembers and takes over nothing', async () => {
    const db = freshDb();
    await saveLiveSession(db, 'left-behind', script, 0, 1);
    expect(await claimLiveSession(db, { remembered: 'mine', locks: null, newKey: keys })).toBe('mine');
    expect(await claimLiveSession(db, { remembered: null, locks: null, newKey: keys })).toMatch(/^key-/);
  });

  it(`keeps the ${KEPT_IDLE_SESSIONS} most recent sessions no tab holds, and every session a tab holds`, async () => {
    const db = freshDb();
    const manager = fakeTabLocks();
    const other = manager.tab();
    for (let n = 0; n < KEPT_IDLE_SESSIONS + 3; n++) await saveLiveSession(db, `idle-${n}`, script, 0, 100 + n);
    await db.liveSession.put({ key: 'damaged', script: 'none', time: 0, savedAt: 999 } as unknown as LiveSessionRecord);
    await saveLiveSession(db, 'held', script, 0, 0);
    await other.claim('held');
    await saveLiveSession(db, 'own', script, 0, 0);
    await pruneLiveSessions(db, 'own', manager.tab());
    const kept = (await db.liveSession.toArray()).map((record) => record.key).sort();
    const newest = Array.from({ length: KEPT_IDLE_SESSIONS }, (_, n) => `idle-${n + 3}`);
    expect(kept).toEqual(['held', ...newest, 'own'].sort());
  });
});
