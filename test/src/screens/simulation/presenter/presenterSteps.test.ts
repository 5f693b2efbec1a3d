import { describe, expect, it } from 'vitest';
import type { TimelineMark } from '../../../../../simulator/schema/playback.ts';
import { previousEventInstant, stopsAt } from '../../../../../src/screens/simulation/presenter/presenterSteps.ts';

const marks: TimelineMark[] = [
  { t: 0, kind: 'event', count: 2 },
  { t: 120_000, kind: 'event', count: 1 },
  { t: 180_000, kind: 'event', count: 1 },
  { t: 180_000, kind: 'stop', count: 1 },
  { t: 3_600_000, kind: 'event', count: 1 },
];

describe('previousEventInstant', () => {
  it('is the last mark strictly before the instant', () => {
    expect(previousEventInstant(marks, 3_600_000)).toBe(180_000);
    expect(previousEventInstant(marks, 180_000)).toBe(120_000);
    expect(previousEventInstant(marks, 150_000)).toBe(120_000);
  });

  it('is the start when nothing comes before', () => {
    expect(previousEventInstant(marks, 120_000)).toBe(0);
    expect(previousEventInstant(marks, 0)).toBe(0);
    expect(previousEventInstant([], 5000)).toBe(0);
  });
});

describe('stopsAt', () => {
  it('is true only at an instant the engine marked a stop', () => {
    expect(stopsAt(marks, 180_000)).toBe(true);
    expect(stopsAt(marks, 120_000)).toBe(false);
    expect(stopsAt(marks, 180_001)).toBe(false);
  });
});
