/**
 * What the benchmark pages in this folder measure in Chromium, shared: the main thread's long
 * tasks (the browser reports any task of 50 ms or more), the gaps between animation frames, and
 * the follow-up population they play. Importing this module starts observing long tasks.
 */
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { PlaybackLoad } from '../../../simulator/schema/playback.ts';

// Observed from the module's start; `buffered` also hands over any entry from before it.
const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};

/** Long tasks overlapping [from, to]: the longest (0 if none) and how many. */
export function longTasksBetween(from: number, to: number): { longest: number; count: number } {
  const within = longTasks.filter((task) => task.startTime < to && task.startTime + task.duration > from);
  return { longest: Math.max(0, ...within.map((task) => task.duration)), count: within.length };
}

async function fetchJson(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The follow-up Workflow and its population script with `contacts` contacts, parsed as the app parses them. */
export async function populationInput(contacts: number): Promise<PlaybackLoad> {
  const [workflowRaw, scriptRaw] = await Promise.all([
    fetchJson('/examples/follow-up/follow-up.workflow.json'),
    fetchJson('/examples/follow-up/population.script.json'),
  ]);
  const population = { ...(scriptRaw.population as Record<string, unknown>), contacts };
  const workflow = parseWorkflowDocument(workflowRaw);
  const script = parseScriptDocument({ ...scriptRaw, population });
  if (!workflow.ok || !script.ok) throw new Error('the follow-up example does not parse');
  return { workflows: [workflow.value], script: script.value };
}

/** Gaps between animation frames from now until `stop()`. */
export function watchFrames(): { stop(): number[] } {
  const times: number[] = [];
  let frame = requestAnimationFrame(function record(time) {
    times.push(time);
    frame = requestAnimationFrame(record);
  });
  return {
    stop() {
      cancelAnimationFrame(frame);
      return times.slice(1).map((time, i) => time - (times[i] as number));
    },
  };
}

/** Takes the long tasks the observer holds but has not reported yet. */
export function collectLongTasks(): void {
  for (const entry of longTaskObserver.takeRecords()) longTasks.push(entry);
}

/** Two animation frames and a task: whatever the last answer started has run and been observed. */
export const settle = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))));
