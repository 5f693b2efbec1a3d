import { useState } from 'react';
import { workflowsToSimulate } from '../../../../simulator/graph/workflowsToSimulate.ts';
import type { OutcomeDifference } from '../../../../simulator/schema/outcomeDiff.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { ScriptRecord } from '../../../model/records.ts';
import { OutcomeDiffTable } from '../../../parts/outcomeDiff/OutcomeDiffTable.tsx';
import { useOutcomeDiff, type OutcomeDiffInput } from '../../../parts/outcomeDiff/useOutcomeDiff.ts';
import { useWorkflowDocuments, useWorkflowScripts } from '../../../persistence/storedWorkflowHooks.ts';
import { Checkbox } from '../../../ui/Checkbox.tsx';

/** What was asked last: the two sides and the scripts, with their records to open a run from. */
interface Asked {
  readonly input: OutcomeDiffInput;
  readonly scripts: readonly ScriptRecord[];
}

interface Props {
  readonly workflowId: string;
  readonly older: Workflow;
  readonly newer: Workflow;
  /** The two sides' names, for a script that could not be played on one of them. */
  readonly sideNames: { readonly before: string; readonly after: string };
  /** A changed run chosen in the table, with the saved script it came from; absent when the newer side is not what the simulator plays. */
  readonly onOpen?: ((difference: OutcomeDifference, script: ScriptRecord) => void) | undefined;
}

/**
 * What the two versions do differently on the scripts the person picks: the worker plays each
 * script on the older version and on the newer one, each beside the stored Workflows it starts or
 * is started by (as the simulator plays it), and reports the runs whose outcome changes, in a
 * worker of its own per comparison; the view stays responsive meanwhile.
 */
export function OutcomeComparison({ workflowId, older, newer, sideNames, onOpen }: Props) {
  const scripts = useWorkflowScripts(workflowId);
  const documents = useWorkflowDocuments();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [asked, setAsked] = useState<Asked | null>(null);
  const outcome = useOutcomeDiff(asked?.input ?? null);
  const running = asked !== null && outcome.status === 'working';

  if (scripts === undefined || documents === undefined) return <p className="loading">Reading the saved scripts…</p>;
  if (scripts.scripts.length === 0)
    return <p className="notice">No scripts are saved with this Workflow. Save one in the simulator to compare what the two versions do with it.</p>;

  const picked = scripts.scripts.filter((record) => chosen.has(record.id));
  const compare = () => {
    if (picked.length === 0 || running) return;
    setAsked({ input: { before: workflowsToSimulate(older, documents), after: workflowsToSimulate(newer, documents), scripts: picked.map((record) => record.document) }, scripts: picked });
  };

  return (
    <section className="compare-outcomes" aria-label="Outcomes">
      <fieldset className="compare-outcomes__scripts">
        <legend>Play on both versions:</legend>
        {scripts.scripts.map((record) => (
          <Checkbox
            key={record.id}
            label={record.document.name}
            checked={chosen.has(record.id)}
            // From the state React holds, not this render's: two quick clicks on two boxes keep both.
            onCheckedChange={(checked) =>
              setChosen((current) => {
                const next = new Set(current);
                if (checked) next.add(record.id);
                else next.delete(record.id);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      {/* Disabled until a script is picked (focus is then on a checkbox); busy, not disabled, while
          playing, so the focus stays on the button. */}
      <button
        type="button"
        className="ui-button ui-button--small compare-outcomes__run"
        disabled={picked.length === 0}
        aria-disabled={running}
        aria-busy={running}
        onClick={compare}
      >
        Compare outcomes
      </button>
      {picked.length === 0 && <span className="compare-outcomes__hint">Pick a script to see whose run the change alters.</span>}
      <div className="compare-outcomes__result" aria-live="polite">
        {running && <p className="loading">Playing the scripts on both versions…</p>}
        {asked !== null && (outcome.status === 'refused' || outcome.status === 'failed') && (
          <div role="alert" className="notice">
            <p>The outcomes could not be compared:</p>
            <ul>
              {outcome.status === 'failed' ? <li>{outcome.message}</li> : outcome.problems.map((problem, i) => <li key={i}>{`${problem.path}: ${problem.message}`}</li>)}
            </ul>
          </div>
        )}
        {asked !== null && outcome.status === 'done' && (
          <OutcomeDiffTable
            diff={outcome.diff}
            scriptNames={asked.scripts.map((record) => record.document.name)}
            sideNames={sideNames}
            onOpen={
              onOpen &&
              ((difference) => {
                const script = asked.scripts[difference.script];
                if (script) onOpen(difference, script);
              })
            }
            label="Runs that change between the two versions"
          />
        )}
      </div>
    </section>
  );
}
