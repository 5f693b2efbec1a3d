import type { Script } from '../../simulator/schema/script.ts';
import type { ExitflowDb } from './db.ts';
import { liveSessionRecordSchema, type LiveSessionRecord } from './records.ts';

/** The live session saved last, or `null` when none is stored (or the stored one is damaged: it is not trusted). */
export async function readLiveSession(db: ExitflowDb): Promise<LiveSessionRecord | null> {
  const parsed = liveSessionRecordSchema.safeParse(await db.liveSession.get('current'));
  return parsed.success ? parsed.data : null;
}

/** Keeps the live session's script and clock, over the one kept before. */
export async function saveLiveSession(db: ExitflowDb, script: Script, time: number, now: number): Promise<void> {
  await db.liveSession.put({ key: 'current', script, time, savedAt: now });
}

/** Moves the kept session's clock on (time passes without commands); nothing when none is kept. */
export async function saveLiveSessionTime(db: ExitflowDb, time: number, now: number): Promise<void> {
  await db.liveSession.update('current', { time, savedAt: now });
}

/** Forgets the live session (Restart). */
export async function clearLiveSession(db: ExitflowDb): Promise<void> {
  await db.liveSession.delete('current');
}
