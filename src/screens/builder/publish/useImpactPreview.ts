import { useEffect, useState } from 'react';
import type { OutcomeDiff } from '../../../../simulator/schema/outcomeDiff.ts';
import type { InputProblem } from '../../../../simulator/schema/result.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { createOutcomeDiffClient } from '../../../engine/outcomeDiffClient.ts';

/** Changed runs listed at most; the counts above the table stay whole. */
export const IMPACT_ROWS = 200;

/** What the impact preview shows: still working, the diff, the request refused, or the worker failed. */
export type ImpactState =
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly diff: OutcomeDiff }
  | { readonly status: 'refused'; readonly problems: readonly InputProblem[] }
  | { readonly status: 'failed'; readonly message: string };

export interface ImpactInput {
  /** The published version first, then the other Workflows the simulation needs… */
  readonly before: readonly Workflow[];
  /** …and the draft first, with the same others. */
  readonly after: readonly Workflow[];
  readonly scripts: readonly Script[];
}

/**
 * Every script simulated on the published version and on the draft, in a worker of its own
 * started with the preview and ended with it, so the dialog stays responsive while a population
 * of a thousand contacts plays twice. A newer input makes an older answer stale: only the
 * newest is shown.
 */
export function useImpactPreview(input: ImpactInput | null): ImpactState {
  const [state, setState] = useState<{ readonly input: ImpactInput | null; readonly impact: ImpactState }>({ input: null, impact: { status: 'working' } });
  useEffect(() => {
    if (!input) return;
    let current = true;
    const client = createOutcomeDiffClient();
    client.diff({ before: [...input.before], after: [...input.after], scripts: [...input.scripts], maxDifferences: IMPACT_ROWS }).then(
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
