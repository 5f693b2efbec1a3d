import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Breakpoints } from '../../../../simulator/schema/breakpoints.ts';
import { useNavigate, useRoute } from '../../../routing/Router.tsx';

export const NO_BREAKPOINTS: Breakpoints = { steps: [], anyStop: false, stopReasons: [] };

/**
 * The workspace's breakpoints, kept in the simulator's URL (`bp=`): the one place they live, so a
 * reload, a link and the back button all bring the same ones back, and nothing else can disagree
 * with it. A change replaces the history entry (a breakpoint is no page to go back to); changes
 * made faster than the URL is read back (two clicks 50 ms apart) build on each other.
 */
export function useRouteBreakpoints(): { readonly breakpoints: Breakpoints; readonly change: (update: (current: Breakpoints) => Breakpoints) => void } {
  const route = useRoute();
  const navigate = useNavigate();
  const fromRoute = route.screen === 'simulator' ? route.bp : undefined;
  const breakpoints = useMemo(() => fromRoute ?? NO_BREAKPOINTS, [fromRoute]);
  const latest = useRef({ route, breakpoints });
  useEffect(() => {
    latest.current = { route, breakpoints };
  }, [route, breakpoints]);
  const change = useCallback(
    (update: (current: Breakpoints) => Breakpoints) => {
      const { route: now, breakpoints: current } = latest.current;
      if (now.screen !== 'simulator') return;
      const next = update(current);
      latest.current = { route: now, breakpoints: next };
      navigate({ ...now, bp: next }, { replace: true });
    },
    [navigate],
  );
  return { breakpoints, change };
}

/** The breakpoints with the one on `step` of `workflow` added, or removed when it was there. */
export function toggleStepBreakpoint(breakpoints: Breakpoints, workflow: string, step: string): Breakpoints {
  const has = breakpoints.steps.some((candidate) => candidate.workflow === workflow && candidate.step === step);
  return {
    ...breakpoints,
    steps: has ? breakpoints.steps.filter((candidate) => candidate.workflow !== workflow || candidate.step !== step) : [...breakpoints.steps, { workflow, step }],
  };
}
