import { describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../../../simulator/trace/transcript.ts';
import { runTimelinePicture } from '../../../../src/common/slides/runTimelinePicture.ts';
import { runTimelineSvg, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../../src/common/slides/runTimelineSvg.ts';

const items: TranscriptItem[] = [
  { kind: 'workflow', seq: 1, t: 0, text: 'Hi Dana, still interested?', workflow: 'Lead nurture' },
  { kind: 'activity', seq: 2, t: 120_000, text: 'Workflow Lead nurture stopped: incoming message', tone: 'stop' },
];
const timeline = { contactName: 'Dana', items, startEpochMs: Date.UTC(2026, 0, 5, 9), timeZone: 'UTC', cancelledSteps: ['Follow-up'] };

describe('runTimelinePicture', () => {
  it('is the run’s slide as runTimelineSvg draws it, at the slide’s size, for every export asked at once', async () => {
    const pictures = await Promise.all([runTimelinePicture(timeline), runTimelinePicture({ ...timeline, contactName: 'Lee' })]);
    expect(pictures[0]).toEqual({ svg: runTimelineSvg(timeline), width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
    expect(pictures[1]?.svg).toBe(runTimelineSvg({ ...timeline, contactName: 'Lee' }));
  });
});
