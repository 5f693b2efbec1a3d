import { useMemo, useRef } from 'react';
import type { Script } from '../../simulator/schema/script.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import type { ExitflowDb } from './db.ts';
import { claimLiveSession, clearLiveSession, pruneLiveSessions, readLiveSession, saveLiveSession, saveLiveSessionTime, saveLiveSessionUser, type KeptSessionInputs } from './liveSessionRepository.ts';
import { newestVersionId } from './publishedVersions.ts';
import type { LiveSessionRecord } from '../model/records.ts';
import { usePersistence } from './PersistenceProvider.tsx';
import { describeStorageFailure } from '../model/storageError.ts';
import { browserTabLocks } from './tabLocks.ts';

/** Where a tab remembers its session's key across reloads (per database: stories have their own). */
const rememberedKeyName = (db: ExitflowDb) => `${db.name}.liveSessionKey`;

function remembered(db: ExitflowDb): string | null {
  try {
    return sessionStorage.getItem(rememberedKeyName(db));
  } catch {
    return null;
  }
}

function remember(db: ExitflowDb, key: string): void {
  try {
    sessionStorage.setItem(rememberedKeyName(db), key);
  } catch {
    // Storage refused (disabled): after a reload this tab takes over its session as a new tab would.
  }
}

/**
 * This page's session key, claimed once per database and page: the lock of a key claimed twice by
 * the same page would not be granted the second time (React mounting twice, a remount).
 */
const claims = new WeakMap<ExitflowDb, Promise<string>>();

function claimOnce(db: ExitflowDb): Promise<string> {
  let claim = claims.get(db);
  if (!claim) {
    const locks = browserTabLocks(db.name);
    const before = remembered(db);
    claim = claimLiveSession(db, { remembered: before, locks, newKey: () => crypto.randomUUID() })
      // Storage that cannot be read: a key of this tab's own all the same (the writes then fail, and say so).
      .catch(() => before ?? crypto.randomUUID())
      .then((key) => {
        remember(db, key);
        void pruneLiveSessions(db, key, locks).catch(() => undefined);
        return key;
      });
    claims.set(db, claim);
  }
  return claim;
}

/**
 * Keeps the Messages view's live session in IndexedDB so a reload resumes it — this tab's own
 * session, under a key no other tab writes (the rule is in liveSessionRepository.ts). Best effort:
 * the session goes on in memory when storage refuses, and the person is told once, not on every tick.
 */
export function useLiveSessionStorage() {
  const { db } = usePersistence();
  const store = useAppStoreApi();
  const warned = useRef(false);
  return useMemo(() => {
    const refused = (error: unknown) => {
      if (warned.current) return;
      warned.current = true;
      store.getState().notify({ tone: 'error', title: 'The live session is not kept: a reload will start a new one', description: describeStorageFailure(error).message });
    };
    const own = () => claimOnce(db);
    return {
      /** This tab's session as kept last; `null` when there is none or it cannot be read (a new one starts). */
      read: (): Promise<LiveSessionRecord | null> =>
        own()
          .then((key) => readLiveSession(db, key))
          .catch(() => null),
      save: (script: Script, time: number, userId?: string, inputs?: KeptSessionInputs): Promise<void> =>
        own()
          .then((key) => saveLiveSession(db, key, script, time, Date.now(), userId, inputs))
          .catch(refused),
      /** The newest stored version's id (0 when none, or storage cannot be read): the publishes a new session leaves out. */
      newestVersion: (): Promise<number> => newestVersionId(db).catch(() => 0),
      saveTime: (time: number): Promise<void> =>
        own()
          .then((key) => saveLiveSessionTime(db, key, time, Date.now()))
          .catch(refused),
      saveUser: (userId: string): Promise<void> =>
        own()
          .then((key) => saveLiveSessionUser(db, key, userId, Date.now()))
          .catch(refused),
      clear: (): Promise<void> =>
        own()
          .then((key) => clearLiveSession(db, key))
          .catch(refused),
    };
  }, [db, store]);
}
