import { useMemo, useRef } from 'react';
import type { Script } from '../../simulator/schema/script.ts';
import { useAppStoreApi } from '../state/StoreProvider.tsx';
import { clearLiveSession, readLiveSession, saveLiveSession, saveLiveSessionTime } from './liveSessionRepository.ts';
import type { LiveSessionRecord } from './records.ts';
import { usePersistence } from './PersistenceProvider.tsx';
import { describeStorageFailure } from './storageError.ts';

/**
 * Keeps the Messages view's live session in IndexedDB so a reload resumes it. Best effort: the
 * session goes on in memory when storage refuses, and the person is told once, not on every tick.
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
    return {
      /** The session kept last; `null` when there is none or it cannot be read (a new one starts). */
      read: (): Promise<LiveSessionRecord | null> => readLiveSession(db).catch(() => null),
      save: (script: Script, time: number): Promise<void> => saveLiveSession(db, script, time, Date.now()).catch(refused),
      saveTime: (time: number): Promise<void> => saveLiveSessionTime(db, time, Date.now()).catch(refused),
      clear: (): Promise<void> => clearLiveSession(db).catch(refused),
    };
  }, [db, store]);
}
