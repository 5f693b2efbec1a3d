import { describe, expect, it } from 'vitest';
import { SCRIPT_FORMAT, scriptSchema } from '../../../simulator/schema/script.ts';
import { clearLiveSession, readLiveSession, saveLiveSession, saveLiveSessionTime } from '../../../src/persistence/liveSessionRepository.ts';
import type { LiveSessionRecord } from '../../../src/persistence/records.ts';
import { freshDb } from '../../harness/fakeBrowserStorage.ts';

const script = scriptSchema.parse({
  format: SCRIPT_FORMAT,
  name: 'Messages session',
  start: '2026-01-05T09:00:00Z',
  contacts: [{ id: 'omar' }],
  events: [{ at: '+0', contact: 'omar', type: 'contact.message', text: 'Hi' }],
});

describe('the kept live session', () => {
  it('is none at first; saved, read back as it was; its clock moves on; Restart forgets it', async () => {
    const db = freshDb();
    expect(await readLiveSession(db)).toBeNull();
    await saveLiveSessionTime(db, 5_000, 1);
    expect(await readLiveSession(db)).toBeNull();

    await saveLiveSession(db, script, 60_000, 2);
    expect(await readLiveSession(db)).toEqual({ key: 'current', script, time: 60_000, savedAt: 2 });
    await saveLiveSessionTime(db, 90_000, 3);
    expect(await readLiveSession(db)).toMatchObject({ script, time: 90_000, savedAt: 3 });

    await clearLiveSession(db);
    expect(await readLiveSession(db)).toBeNull();
  });

  it('is not trusted when damaged: read as none, so a new session starts', async () => {
    const db = freshDb();
    await db.liveSession.put({ key: 'current', script: { ...script, events: 'none' }, time: -1, savedAt: 0 } as unknown as LiveSessionRecord);
    expect(await readLiveSession(db)).toBeNull();
  });
});
