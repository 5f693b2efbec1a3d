import { useLiveQuery } from 'dexie-react-hooks';
import { usePersistence } from './PersistenceProvider.tsx';
import { listPublishesSince, type StoredPublish } from './publishedVersions.ts';

const NONE: readonly StoredPublish[] = [];

/**
 * The publishes stored after version `since`, oldest first, as they are made (in this tab or
 * another); nothing while `since` is undefined. A read that fails reads as none: the live session
 * goes on without them.
 */
export function usePublishesSince(since: number | undefined): readonly StoredPublish[] {
  const { db } = usePersistence();
  return useLiveQuery(() => (since === undefined ? NONE : listPublishesSince(db, since).catch(() => NONE)), [db, since], NONE);
}
