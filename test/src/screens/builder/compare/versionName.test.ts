import { describe, expect, it } from 'vitest';
import { versionName, versionNote, versionTimeFormat } from '../../../../../src/screens/builder/compare/versionName.ts';

const restoredAt = Date.UTC(2026, 11, 7, 15, 16);
// What restoreVersion stores (src/persistence/workflowRepository.ts).
const restore = { kind: 'restore' as const, createdAt: restoredAt + 60_000, note: `Restored the version of ${new Date(restoredAt).toISOString()}` };

describe('versionNote', () => {
  it('names the restored version by the time the history shows, not the stored ISO instant', () => {
    expect(versionNote(restore)).toBe(`Restored the version of ${versionTimeFormat.format(restoredAt)}`);
    expect(versionNote(restore)).not.toContain('2026-12-07T15:16:00.000Z');
  });

  it('leaves a person’s own note as they wrote it, even one that reads like a restore', () => {
    expect(versionNote({ kind: 'manual', note: 'Before the 2 h wait' })).toBe('Before the 2 h wait');
    expect(versionNote({ kind: 'manual', note: restore.note })).toBe(restore.note);
    expect(versionNote({ kind: 'restore', note: 'Restored the version of yesterday' })).toBe('Restored the version of yesterday');
  });
});

describe('versionName', () => {
  it('shows a restore’s note with the readable time too', () => {
    const name = versionName(restore);
    expect(name).toMatch(/^Restored · /);
    expect(name).not.toContain('T15:16');
    expect(name).toContain('Restored the version of');
  });
});
