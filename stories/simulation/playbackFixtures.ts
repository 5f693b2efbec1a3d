import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import type { PlaybackInfo } from '../../simulator/schema/playback.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import contactRepliesScript from '../../public/examples/follow-up/contact-replies.script.json';
import populationScript from '../../public/examples/follow-up/population.script.json';
import { followUp } from '../fixtures/exampleDocuments.ts';

export const startEpochMs = Date.parse('2026-01-05T09:00:00Z');
export const timeZone = 'UTC';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

function script(file: string, raw: unknown): Script {
  const parsed = parseScriptDocument(raw);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** A bundled follow-up example's timeline, as the real engine's playback reports it to the workspace. */
function timelineOf(file: string, raw: unknown): PlaybackInfo {
  const loaded = new PlaybackService().load({ workflows: followUp.workflows.map((document) => document.value), script: script(file, raw) });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  if (loaded.info.startEpochMs !== startEpochMs || loaded.info.timeZone !== timeZone) throw new Error(`${file}: expected to start at 2026-01-05 09:00 UTC`);
  return loaded.info;
}

/** One contact who replies after three hours: the follow-up stops (`+0` a message; `+3h` the reply and a stop). */
export const contactReplies = timelineOf('follow-up/contact-replies.script.json', contactRepliesScript);

/** 1,000 contacts whose replies, answers and assignments race the follow-up, over two days and more. */
export const population = timelineOf('follow-up/population.script.json', populationScript);
