import { useEffect, useState } from 'react';
import type { Coverage, CoverageOutcome, CoverageRequest } from '../../../../simulator/schema/coverage.ts';

export type CoverageState = { readonly coverage: Coverage | null; readonly problem: string | null };

/**
 * The engine's coverage of `request` (every script of the situation against its Workflows), asked
 * of the worker while `wanted` and again when the request changes; an answer for an older request
 * is dropped.
 */
export function useCoverage(request: CoverageRequest, wanted: boolean, ask: (request: CoverageRequest) => Promise<CoverageOutcome | null>): CoverageState {
  const [state, setState] = useState<{ readonly request: CoverageRequest | null } & CoverageState>({ request: null, coverage: null, problem: null });
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    ask(request).then(
      (outcome) => {
        if (!current || outcome === null) return;
        setState(outcome.ok ? { request, coverage: outcome.coverage, problem: null } : { request, coverage: null, problem: outcome.problems[0]?.message ?? 'the engine refused the input' });
      },
      (error: unknown) => current && setState({ request, coverage: null, problem: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [request, wanted, ask]);
  // Until the answer for this request comes, nothing: an older one would mark the wrong steps.
  return state.request === request ? state : { coverage: null, problem: null };
}
