import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Breakpoints } from '../../../../simulator/schema/breakpoints.ts';
import { useKeptBreakpoints } from '../../../persistence/useKeptBreakpoints.ts';
import { useNavigate, useRoute } from '../../../routing/Router.tsx';
import { breakpointsOf, breakpointsParam, type Route } from '../../../routing/routes.ts';

export const NO_BREAKPOINTS: Breakpoints = { steps: [], anyStop: false, stopReasons: [] };

/** Whose breakpoints these are: a stored Workflow's simulator, or the bundled examples'. */
// A shared link's breakpoints are the link's: none are kept for it, nor put back into it.
const workspaceOf = (route: Route): string | null =>
  route.screen !== 'simulator' || route.shared ? null : route.workflow ? `workflow:${route.workflow}` : 'examples';

/**
 * The workspace's breakpoints, in the simulator's URL (`bp=`): what the screen shows, so a reload,
 * a link and the back button all bring the same ones back. A change replaces the history entry (a
 * breakpoint is no page to go back to); changes made faster than the URL is read back (two clicks
 * 50 ms apart) build on each other. Each change is also kept in storage for the workspace, and the
 * simulator opened without `bp=` (from the navigation, or Simulate) puts the kept ones back in its
 * URL; a link that has them wins.
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
  const kept = useKeptBreakpoints();
  const workspace = workspaceOf(route);
  // Once per workspace opened: the kept breakpoints, when the address has none.
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (workspace === null || restored.current === workspace) return;
    restored.current = workspace;
    if (fromRoute !== undefined) return;
    let current = true;
    void kept.read(workspace).then((param) => {
      const { bp } = breakpointsOf(param);
      const now = latest.current.route;
      // Not if the person set one meanwhile, or left for another workspace.
      if (!current || !bp || now.screen !== 'simulator' || now.bp !== undefined || workspaceOf(now) !== workspace) return;
      navigate({ ...now, bp }, { replace: true });
    });
    return () => {
      current = false;
    };
  }, [workspace, fromRoute, kept, navigate]);
  const change = useCallback(
    (update: (current: Breakpoints) => Breakpoints) => {
      const { route: now, breakpoints: current } = latest.current;
      const at = workspaceOf(now);
      if (now.screen !== 'simulator' || at === null) return;
      const next = update(current);
      latest.current = { route: now, breakpoints: next };
      navigate({ ...now, bp: next }, { replace: true });
      kept.keep(at, breakpointsParam(next));
    },
    [navigate, kept],
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
