import { describe, expect, it } from 'vitest';
import { describeDiffSummary } from '../../../../src/parts/outcomeDiff/describeDiffSummary.ts';

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
