/**
 * Runs in Chromium (test/bench/impactBench.ts builds this page with the app's Vite config and opens
 * it as `impact.html?contacts=N`): the publish dialog's impact preview of the follow-up population
 * — public/examples/follow-up/population.script.json with N contacts — on the published 24 h
 * follow-up and a draft whose Wait is 2 h, through the app's own worker client
 * (`createOutcomeDiffClient()`, the answer parsed with zod) and with the dialog's row cap, as
 * src/parts/outcomeDiff/useOutcomeDiff.ts asks for it.
 *
 * Two requests on one worker: the first as the dialog makes it (the worker started with it), the
 * second on the worker already running, so the engine's own time shows apart from the worker's
 * start. Meanwhile a PerformanceObserver records the main thread's long tasks (any of 50 ms or
 * more) and a requestAnimationFrame loop the gaps between frames: the dialog must stay responsive.
 */
import type { OutcomeDiffRequest } from '../../../simulator/service/outcomeDiffService.ts';
import { createOutcomeDiffClient } from '../../../src/engine/outcomeDiffClient.ts';
import { OUTCOME_DIFF_ROWS } from '../../../src/parts/outcomeDiff/useOutcomeDiff.ts';
import { collectLongTasks, longTasksBetween, populationInput, settle, watchFrames } from './pageMeasures.ts';

/** What one page load measured; times in ms. */
export interface ImpactFigures {
  readonly contacts: number;
  /** From starting the worker to the parsed answer: what a person waits for when the dialog opens. */
  readonly firstAnswerMs: number;
  /** The same request again on the running worker: the diff itself, with its way across and the parse. */
  readonly diffMs: number;
  readonly runs: number;
  readonly changed: number;
  readonly listed: number;
  /** The longest main-thread long task from the worker's start to the second answer (0 if none), and how many. */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly maxFrameGapMs: number;
}

declare global {
  interface Window {
    __impactBench?: { readonly result: Promise<ImpactFigures> };
  }
}

async function run(contacts: number): Promise<ImpactFigures> {
  const { workflows, script } = await populationInput(contacts);
  const published = workflows[0];
  if (!published) throw new Error('no Workflow');
  const draft = { ...published, steps: published.steps.map((step) => (step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration' as const, duration: '2h' } } : step)) };
  const request: OutcomeDiffRequest = { before: [published], after: [draft], scripts: [script], maxDifferences: OUTCOME_DIFF_ROWS };
  await settle();

  const gaps = watchFrames();
  const start = performance.now();
  const client = createOutcomeDiffClient();
  const first = await client.diff(request);
  const firstEnd = performance.now();
  const second = await client.diff(request);
  const end = performance.now();
  const frameGaps = gaps.stop();
  await settle();
  collectLongTasks();
  client.dispose();
  if (!first.ok || !second.ok) throw new Error(`diff refused: ${(first.ok ? second : first).ok ? '' : JSON.stringify(first)}`);

  const during = longTasksBetween(start, end);
  return {
    contacts,
    firstAnswerMs: firstEnd - start,
    diffMs: end - firstEnd,
    runs: second.result.runs,
    changed: second.result.changed,
    listed: second.result.rows.reduce((sum, row) => sum + (row.ok ? row.differences.length : 0), 0),
    longestTaskMs: during.longest,
    longTasks: during.count,
    maxFrameGapMs: Math.max(0, ...frameGaps),
  };
}

const contacts = Number(new URLSearchParams(location.search).get('contacts') ?? '1000');
if (!Number.isInteger(contacts) || contacts < 1) throw new Error('impact.html?contacts= takes a whole number of contacts');
window.__impactBench = { result: run(contacts) };
