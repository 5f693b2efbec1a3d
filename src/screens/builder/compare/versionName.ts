import type { VersionKind, VersionRecord } from '../../../model/records.ts';

export const VERSION_KIND_NAMES: Record<VersionKind, string> = { auto: 'Automatic', publish: 'Published', manual: 'Saved', restore: 'Restored' };
export const versionTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const LONGEST_NOTE = 40;

/** A restore's note, as stored: the restored version's time as an ISO instant, for any reader to format. */
const RESTORE_NOTE = /^Restored the version of (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/;

/**
 * A version's note as a person reads it: a restore names the version it brought back by the time
 * the history shows beside that version ("Restored the version of 20 Nov 2026, 09:31:00"), in this
 * browser's words and time zone, never as the ISO instant it is stored with.
 */
export function versionNote(version: Pick<VersionRecord, 'kind' | 'note'>): string {
  const restored = version.kind === 'restore' ? RESTORE_NOTE.exec(version.note.trim()) : null;
  const time = restored ? Date.parse(restored[1] as string) : Number.NaN;
  return Number.isNaN(time) ? version.note : `Restored the version of ${versionTimeFormat.format(time)}`;
}

/**
 * A version as a person tells it from the others: its kind, its time and the start of its note
 * ("Saved · 20 Nov 2026, 09:31:00 · Before the 2 h wait") — two saved in one second differ by the note.
 */
export function versionName(version: Pick<VersionRecord, 'kind' | 'createdAt' | 'note'>): string {
  const note = versionNote(version).trim();
  const shown = note.length > LONGEST_NOTE ? `${note.slice(0, LONGEST_NOTE - 1)}…` : note;
  return [VERSION_KIND_NAMES[version.kind], versionTimeFormat.format(version.createdAt), ...(shown ? [shown] : [])].join(' · ');
}

/** One side of a comparison: a version from the history, or the Workflow as it is now. */
export type CompareSide = { readonly kind: 'current' } | { readonly kind: 'version'; readonly id: number };

export const CURRENT: CompareSide = { kind: 'current' };
export const CURRENT_NAME = 'Current draft';

/** The side as a select's value, and back. */
export const sideValue = (side: CompareSide): string => (side.kind === 'current' ? 'current' : `version-${side.id}`);
export function sideFromValue(value: string): CompareSide {
  const id = Number(value.replace(/^version-/, ''));
  return value === 'current' || !Number.isInteger(id) ? CURRENT : { kind: 'version', id };
}
