import { lazy } from 'react';
import { Screen } from '../../ui/Screen.tsx';
import { useNavigate, useRoute } from '../../routing/Router.tsx';
import type { ExampleLibrary } from '../../parts/examples/exampleLibrary.ts';
import { ExampleBrowser, type ExampleChoice } from './examples/ExampleBrowser.tsx';
import './simulator.css';

// A stored Workflow's simulation (with the script editor) and a share link's are each their own
// chunk: the examples, the simulator's usual first screen, load neither.
const StoredWorkflowSimulation = lazy(() => import('./stored/StoredWorkflowSimulation.tsx').then((module) => ({ default: module.StoredWorkflowSimulation })));
const SharedSimulation = lazy(() => import('./share/SharedSimulation.tsx').then((module) => ({ default: module.SharedSimulation })));

interface Props {
  readonly library: ExampleLibrary;
  readonly choice: ExampleChoice;
  /** A stored Workflow to simulate (from the builder's Simulate); the bundled examples otherwise. */
  readonly workflowId?: string | null | undefined;
}

/** The simulator: a script replayed by the engine against a bundled example or a stored Workflow. The choice lives in the URL. */
export function SimulatorScreen({ library, choice, workflowId = null }: Props) {
  const navigate = useNavigate();
  const route = useRoute();
  // Breakpoints are on steps, not on a script: they stay when another script is chosen.
  const bp = route.screen === 'simulator' && route.bp ? { bp: route.bp } : {};
  return (
    <Screen
      title="Simulator"
      layout="workspace"
      description="Replay a scripted conversation against its Workflows and see where and why each run stops."
      loading={route.screen === 'simulator' && route.shared ? 'Loading the shared simulation…' : workflowId ? 'Loading the simulation…' : 'Loading the examples…'}
    >
      {route.screen === 'simulator' && route.shared ? (
        <SharedSimulation />
      ) : workflowId ? (
        <StoredWorkflowSimulation
          library={library}
          workflowId={workflowId}
          scriptKey={choice.script}
          onScriptChange={(script) => navigate({ screen: 'simulator', example: null, script, workflow: workflowId, ...bp }, { replace: true })}
        />
      ) : (
        <ExampleBrowser library={library} choice={choice} onChoose={(next) => navigate({ screen: 'simulator', ...next, ...bp }, { replace: true })} />
      )}
    </Screen>
  );
}
