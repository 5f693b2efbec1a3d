import type { Script } from '../../simulator/schema/script.ts';
import type { ExitflowDb } from './db.ts';
import { liveSessionRecordSchema, type LiveSessionRecord } from '../model/records.ts';
import type { TabLocks } from './tabLocks.ts';

/*
 * Each tab of the Messages view keeps its own live session, in a record under a key of its own,
 * so two tabs never write the same record and neither overwrites the other's session:
 *
 * - A tab remembers its key in its sessionStorage (which a reload keeps, and which is the tab's
 *   own) and holds a Web Lock named after it for as long as it lives (tabLocks.ts).
 * - On start, a tab takes back its remembered key (waiting briefly for the page it reloaded from
 *   to let go of the lock) and resumes that session.
 * - A tab with no key of its own (a new tab, or a duplicate whose key the original holds) takes
 *   over the most recently kept session that no open tab holds — one left by a closed tab or a
 *   closed browser, so reopening resumes it as before — else starts a new one under a new key.
 * - Sessions no open tab holds beyond the KEPT_IDLE_SESSIONS most recent are deleted.
 *
 * Without Web Locks (a page not on HTTPS or localhost) a tab keeps its remembered key, adopts
 * nothing (it cannot tell which sessions are open elsewhere) and starts new sessions otherwise.
 */

/** Sessions no open tab holds that are kept to be taken over, most recent first. */
export const KEPT_IDLE_SESSIONS = 10;
/** How long a tab waits for its own session's lock after a reload, in ms. */
export const RECLAIM_WAIT_MS = 2_000;

/** The session kept under `key`, or `null` when none is (or the stored one is damaged: it is not trusted). */
export async function readLiveSession(db: ExitflowDb, key: string): Promise<LiveSessionRecord | null> {
  const parsed = liveSessionRecordSchema.safeParse(await db.liveSession.get(key));
  return parsed.success ? parsed.data : null;
}

/** What a session is replayed from besides its script: the Workflows it started on, the versions its publishes name, and since which stored version publishes are played into it. */
export type KeptSessionInputs = Pick<LiveSessionRecord, 'workflows' | 'versions' | 'publishedSince'>;

/** Keeps a session's script, clock and who the person works as under `key`, over the one kept there before. */
export async function saveLiveSession(db: ExitflowDb, key: string, script: Script, time: number, now: number, userId?: string, inputs: KeptSessionInputs = {}): Promise<void> {
  const { workflows, versions, publishedSince } = inputs;
  await db.liveSession.put({
    key,
    script,
    time,
    savedAt: now,
    ...(userId ? { userId } : {}),
    ...(workflows ? { workflows: [...workflows] } : {}),
    ...(versions ? { versions: { ...versions } } : {}),
    ...(publishedSince !== undefined ? { publishedSince } : {}),
  });
}

/** Moves the clock of the session kept under `key` on (time passes without commands); nothing when none is kept. */
export async function saveLiveSessionTime(db: ExitflowDb, key: string, time: number, now: number): Promise<void> {
  await db.liveSession.update(key, { time, savedAt: now });
}

/** Keeps who the person works as in the session kept under `key`; nothing when none is kept. */
export async function saveLiveSessionUser(db: ExitflowDb, key: string, userId: string, now: number): Promise<void> {
  await db.liveSession.update(key, { userId, savedAt: now });
}

/** Forgets the session kept under `key` (Restart). */
export async function clearLiveSession(db: ExitflowDb, key: string): Promise<void> {
  await db.liveSession.delete(key);
}

/** The keys of the sessions that can be resumed, most recently kept first. */
async function resumableKeys(db: ExitflowDb): Promise<string[]> {
  const records = (await db.liveSession.toArray()).flatMap((raw) => {
    const parsed = liveSessionRecordSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return records.sort((a, b) => b.savedAt - a.savedAt).map((record) => record.key);
}

export interface ClaimOptions {
  /** The key this tab used before a reload (its sessionStorage), if any. */
  readonly remembered: string | null;
  /** `null` where the browser has no Web Locks. */
  readonly locks: TabLocks | null;
  /** A key no session has (a fresh UUID). */
  readonly newKey: () => string;
}

/**
 * The key under which this tab keeps its live session (see the rule above): its own from before a
 * reload, else the most recently kept session no open tab holds, else a new one. The lock of the
 * key returned is held by this tab from then on.
 */
export async function claimLiveSession(db: ExitflowDb, { remembered, locks, newKey }: ClaimOptions): Promise<string> {
  if (remembered !== null && (locks === null || (await locks.claim(remembered, RECLAIM_WAIT_MS)))) return remembered;
  if (locks !== null) {
    const held = await locks.held();
    // Taking a lock is atomic: of two new tabs reaching for the same session, one gets it.
    for (const key of await resumableKeys(db)) if (!held.has(key) && (await locks.claim(key))) return key;
  }
  const key = newKey();
  await locks?.claim(key);
  return key;
}

/**
 * Deletes the sessions no open tab holds beyond the KEPT_IDLE_SESSIONS most recent (damaged ones
 * first). Without Web Locks, every session but this tab's counts as one no tab holds.
 */
export async function pruneLiveSessions(db: ExitflowDb, own: string, locks: TabLocks | null): Promise<void> {
  const held = locks ? await locks.held() : new Set<string>();
  const savedAt = (raw: unknown) => {
    const parsed = liveSessionRecordSchema.safeParse(raw);
    return parsed.success ? parsed.data.savedAt : -Infinity;
  };
  const idle = (await db.liveSession.toArray())
    .filter((raw) => raw.key !== own && !held.has(raw.key))
    .sort((a, b) => savedAt(b) - savedAt(a))
    .slice(KEPT_IDLE_SESSIONS);
  if (idle.length > 0) await db.liveSession.bulkDelete(idle.map((raw) => raw.key));
}
