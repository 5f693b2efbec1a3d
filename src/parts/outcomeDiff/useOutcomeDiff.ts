import { useEffect, useState } from 'react';
import type { OutcomeDiff } from '../../../simulator/schema/outcomeDiff.ts';
import type { InputProblem } from '../../../simulator/schema/result.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { createOutcomeDiffClient } from '../../engine/outcomeDiffClient.ts';

/** Changed runs listed at most; the counts above the table stay whole. */
export const OUTCOME_DIFF_ROWS = 200;

/** Where an outcome diff stands: still working, the diff, the request refused, or the worker failed. */
export type OutcomeDiffState =
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly diff: OutcomeDiff }
  | { readonly status: 'refused'; readonly problems: readonly InputProblem[] }
  | { readonly status: 'failed'; readonly message: string };

export interface OutcomeDiffInput {
  /** The older version first (the published one), then the other Workflows the simulation needs… */
  readonly before: readonly Workflow[];
  /** …and the newer one first (the draft), with the same others. */
  readonly after: readonly Workflow[];
  readonly scripts: readonly Script[];
}

/**
 * Every script simulated on both sides, in a worker of its own started for the input and ended
 * with it, so the screen stays responsive while a population of a thousand contacts plays twice
 * (the publish dialog's impact, Compare versions' outcomes). A newer input makes an older answer
 * stale: only the newest is shown; no input, nothing asked.
 */
export function useOutcomeDiff(input: OutcomeDiffInput | null): OutcomeDiffState {
  const [state, setState] = useState<{ readonly input: OutcomeDiffInput | null; readonly impact: OutcomeDiffState }>({ input: null, impact: { status: 'working' } });
  useEffect(() => {
    if (!input) return;
    let current = true;
    const client = createOutcomeDiffClient();
    client.diff({ before: [...input.before], after: [...input.after], scripts: [...input.scripts], maxDifferences: OUTCOME_DIFF_ROWS }).then(
      (outcome) => current && setState({ input, impact: outcome.ok ? { status: 'done', diff: outcome.result } : { status: 'refused', problems: outcome.problems } }),
      (error: unknown) => current && setState({ input, impact: { status: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
      client.dispose();
    };
  }, [input]);
  // An answer to an earlier input is not this input's: working until its own comes.
  return state.input === input ? state.impact : { status: 'working' };
}
