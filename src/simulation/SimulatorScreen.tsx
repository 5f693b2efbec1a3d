import { Screen } from '../app/Screen.tsx';
import { useNavigate } from '../app/routing/Router.tsx';
import type { ExampleLibrary } from '../examples/exampleLibrary.ts';
import { ExampleBrowser, type ExampleChoice } from '../examples/ExampleBrowser.tsx';

/** The simulator: a bundled example situation and script, replayed by the engine. The choice lives in the URL. */
export function SimulatorScreen({ library, choice }: { library: ExampleLibrary; choice: ExampleChoice }) {
  const navigate = useNavigate();
  return (
    <Screen
      title="Simulator"
      description="Replay a scripted conversation against its Workflows and see where and why each run stops."
      loading="Loading the examples…"
    >
      <ExampleBrowser library={library} choice={choice} onChoose={(next) => navigate({ screen: 'simulator', ...next }, { replace: true })} />
    </Screen>
  );
}
