import { describe, expect, it } from 'vitest';
import type { OutcomeDiffRow, OutcomeDifference } from '../../../../simulator/schema/outcomeDiff.ts';
import { describeDiffSummary, hasRowsToList } from '../../../../src/parts/outcomeDiff/describeDiffSummary.ts';

describe('describeDiffSummary', () => {
  it('counts the changed runs of all runs, with thousands separated', () => {
    expect(describeDiffSummary({ runs: 12, changed: 3, rows: [] })).toBe('3 of 12 runs change');
    expect(describeDiffSummary({ runs: 2_858, changed: 2_607, rows: [] })).toBe('2,607 of 2,858 runs change');
    expect(describeDiffSummary({ runs: 1, changed: 1, rows: [] })).toBe('1 of 1 run changes');
  });

  it('says when nothing changes', () => {
    expect(describeDiffSummary({ runs: 4, changed: 0, rows: [] })).toBe('No run changes: 4 runs end the same');
    expect(describeDiffSummary({ runs: 1, changed: 0, rows: [] })).toBe('No run changes: 1 run ends the same');
  });
});

describe('hasRowsToList', () => {
  const difference: OutcomeDifference = {
    script: 0,
    contact: { id: 'omar', name: 'Omar' },
    workflow: { id: 'follow-up', name: 'Follow-up' },
    occurrence: 0,
    before: { run: 0, status: 'stopped', reason: 'incoming_message', startedAt: 0, at: 60_000, sent: [] },
    after: { run: 0, status: 'completed', startedAt: 0, at: 86_400_000, sent: ['Just checking in'] },
    changes: ['status'],
    noLongerSent: [],
    newlySent: ['Just checking in'],
    divergesAt: null,
  };
  const compared = (changed: number, differences: OutcomeDifference[] = []): OutcomeDiffRow => ({ ok: true, script: 0, name: 'Script', runs: 12, changed, differences });
  const notSimulated: OutcomeDiffRow = { ok: false, script: 1, name: 'Broken', problems: [{ side: 'after', source: 'workflow', index: 0, path: '$.steps[0].text', message: 'Message needs text' }] };

  it('is false when every script was compared and no run changes: the summary alone, no empty table', () => {
    expect(hasRowsToList({ runs: 12, changed: 0, rows: [compared(0)] })).toBe(false);
    expect(hasRowsToList({ runs: 0, changed: 0, rows: [] })).toBe(false);
  });

  it('is true for a listed change, a change counted past the cap ("and 3 more") and a script that could not be simulated', () => {
    expect(hasRowsToList({ runs: 12, changed: 1, rows: [compared(1, [difference])] })).toBe(true);
    expect(hasRowsToList({ runs: 12, changed: 3, rows: [compared(3)] })).toBe(true);
    expect(hasRowsToList({ runs: 12, changed: 0, rows: [compared(0), notSimulated] })).toBe(true);
  });

  it('follows the rows the table draws, not the totals', () => {
    // Totals that say nothing changed must not hide a listed change…
    expect(hasRowsToList({ runs: 12, changed: 0, rows: [compared(0, [difference])] })).toBe(true);
    // …and totals that count changes do not make a table of no rows.
    expect(hasRowsToList({ runs: 12, changed: 3, rows: [compared(0)] })).toBe(false);
  });
});
