import { loadOnce } from '../loadOnce.ts';
import { refetchableImport } from '../refetchableImport.ts';
import type { RunTimeline } from './runTimelineSvg.ts';

const importTimeline = refetchableImport(() => import('./runTimelineSvg.ts'));
const timelineCode = loadOnce(importTimeline);

/**
 * A contact's run as a slide (runTimelineSvg), its code fetched on the first export: the transcript
 * is on the first screen of Messages and the simulator, and most visits export nothing.
 */
export async function runTimelinePicture(timeline: RunTimeline): Promise<{ svg: string; width: number; height: number }> {
  const { runTimelineSvg, SLIDE_WIDTH, SLIDE_HEIGHT } = await timelineCode.load();
  return { svg: runTimelineSvg(timeline), width: SLIDE_WIDTH, height: SLIDE_HEIGHT };
}
