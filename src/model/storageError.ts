/** What went wrong with a write or a read, in terms a person can act on. */
export interface StorageFailure {
  readonly kind: 'quota' | 'outdated' | 'closed' | 'unavailable' | 'unknown';
  readonly message: string;
}

interface NamedError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
}

const namesIn = (error: unknown): string[] => {
  const names: string[] = [];
  let current = error as NamedError | undefined;
  // Dexie wraps the browser's error: a QuotaExceededError may arrive as the `inner` of an AbortError.
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (typeof current.name === 'string') names.push(current.name);
    current = current.inner as NamedError | undefined;
  }
  return names;
};

/** Sorts an error from IndexedDB or Dexie into what the person is told. */
export function describeStorageFailure(error: unknown): StorageFailure {
  const names = namesIn(error);
  if (names.includes('QuotaExceededError'))
    return { kind: 'quota', message: 'The browser has no room left for exitflow’s data (storage quota exceeded). Free some space or export a backup.' };
  if (names.includes('VersionError'))
    return { kind: 'outdated', message: 'A newer version of exitflow changed the stored data. Reload this tab to keep working.' };
  if (names.includes('DatabaseClosedError'))
    return { kind: 'closed', message: 'Storage was closed, because exitflow was updated in another tab. Reload this tab to keep working.' };
  if (names.includes('MissingAPIError') || names.includes('OpenFailedError') || names.includes('InvalidStateError'))
    return { kind: 'unavailable', message: 'This browser does not let exitflow store data (private mode, or storage is turned off).' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', message: `Storage failed: ${message}` };
}
