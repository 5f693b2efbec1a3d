import { outcomeDiffOutcomeSchema, type OutcomeDiffOutcome } from '../../simulator/schema/outcomeDiff.ts';
import type { OutcomeDiffRequest } from '../../simulator/service/outcomeDiffService.ts';
import { startEngineWorker } from './engineWorker.ts';

/** Outcome diffs (a publish's impact, two versions compared), in a Web Worker of their own. The answer is parsed before use. */
export interface OutcomeDiffClient {
  diff(request: OutcomeDiffRequest): Promise<OutcomeDiffOutcome>;
  dispose(): void;
}

export function createOutcomeDiffClient(): OutcomeDiffClient {
  const { api, call, terminate } = startEngineWorker('exitflow outcome diff');
  return {
    diff: async (request) => outcomeDiffOutcomeSchema.parse(await call(api.outcomeDiff.diff(request))),
    dispose: terminate,
  };
}
