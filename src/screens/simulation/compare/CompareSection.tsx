import { useEffect, useRef, useState } from 'react';
import { exitConfigurationIdSchema, type CompareOutcome } from '../../../../simulator/schema/compare.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { createPlaybackClient } from '../../../engine/playbackClient.ts';
import { CompareGrid } from './CompareGrid.tsx';

interface Props {
  readonly workflows: readonly Workflow[];
  readonly scripts: readonly Script[];
  /** The Workflow whose exit conditions vary (the one on the canvas). */
  readonly workflow: Workflow;
  /** The new versions the scripts' publishes name, by file. */
  readonly versions?: Readonly<Record<string, Workflow>>;
}

/**
 * "Compare": on request, every script under each exit-condition setting of one Workflow, run in
 * the engine's worker (a population script is many simulations), shown as the grid.
 */
export function CompareSection({ workflows, scripts, workflow, versions }: Props) {
  const [outcome, setOutcome] = useState<CompareOutcome | 'running' | null>(null);
  // Nothing runs after the section is gone (another script or situation was chosen).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const compare = () => {
    const client = createPlaybackClient();
    setOutcome('running');
    client
      .compare({ workflows: [...workflows], scripts: [...scripts], workflow: workflow.id, ...(versions ? { versions: { ...versions } } : {}) })
      .then(
        (answer) => mounted.current && setOutcome(answer),
        (error: unknown) => mounted.current && setOutcome({ ok: false, problems: [{ source: 'workflow', index: 0, path: '$', message: error instanceof Error ? error.message : String(error) }] }),
      )
      .finally(() => client.dispose());
  };

  return (
    <section className="compare-section" aria-label="Compare exit conditions">
      <h2 className="compare-section__title">Compare exit conditions</h2>
      <p className="compare-section__hint">
        Every script of this situation, with {workflow.name}&apos;s exit conditions off, on for one condition at a time (stopping the run, then
        pausing it instead), and all on.
      </p>
      <button type="button" className="ui-button" onClick={compare} aria-busy={outcome === 'running'} disabled={outcome === 'running'}>
        {outcome === null ? 'Compare' : 'Compare again'}
      </button>
      {outcome === 'running' && <p role="status">Simulating {scripts.length * exitConfigurationIdSchema.options.length} runs of the scripts…</p>}
      {outcome !== null && outcome !== 'running' && !outcome.ok && (
        <ul role="alert">
          {outcome.problems.map((problem, index) => (
            <li key={index}>
              {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      )}
      {outcome !== null && outcome !== 'running' && outcome.ok && <CompareGrid result={outcome.result} caption={`${workflow.name} under each exit-condition setting`} />}
    </section>
  );
}
