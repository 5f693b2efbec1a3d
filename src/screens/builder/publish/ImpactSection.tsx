import { useMemo, useState } from 'react';
import type { OutcomeDifference } from '../../../../simulator/schema/outcomeDiff.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { workflowsToSimulate } from '../../../../simulator/graph/workflowsToSimulate.ts';
import { describeDiffSummary, hasRowsToList } from '../../../parts/outcomeDiff/describeDiffSummary.ts';
import { OutcomeDiffTable } from '../../../parts/outcomeDiff/OutcomeDiffTable.tsx';
import { savedScriptKey } from '../../../parts/scripts/scriptChoice.ts';
import { useWorkflowDocuments, useWorkflowScripts } from '../../../persistence/storedWorkflowHooks.ts';
import { useNavigate } from '../../../routing/Router.tsx';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { LIVE_SESSION_NAME, liveSessionScript } from './liveSessionScript.ts';
import { useOutcomeDiff, type OutcomeDiffInput } from '../../../parts/outcomeDiff/useOutcomeDiff.ts';

interface Props {
  readonly workflowId: string;
  /** The newest published version… */
  readonly published: Workflow;
  /** …and the open document, about to be published. */
  readonly draft: Workflow;
}

const SIDES = { before: 'the published version', after: 'the draft' } as const;

/**
 * The impact of publishing: every script saved with the Workflow played on the published version
 * and on the draft (each beside the other stored Workflows it needs, as the simulator plays it),
 * and the runs whose outcome changes. A row opens the simulator on the draft at the instant the
 * two sides part.
 */
export function ImpactSection({ workflowId, published, draft }: Props) {
  const saved = useWorkflowScripts(workflowId);
  const documents = useWorkflowDocuments();
  const navigate = useNavigate();
  const records = saved?.scripts;
  // Read once when the dialog opens: the session's later commands do not re-run the preview.
  const store = useAppStoreApi();
  const [live] = useState(() => liveSessionScript(store.getState().live, workflowId));
  const scripts = useMemo(() => (records ? [...records.map((record) => record.document), ...(live ? [live] : [])] : undefined), [records, live]);
  const input = useMemo<OutcomeDiffInput | null>(
    () => (scripts && documents && scripts.length > 0 ? { before: workflowsToSimulate(published, documents), after: workflowsToSimulate(draft, documents), scripts } : null),
    [scripts, documents, published, draft],
  );
  const impact = useOutcomeDiff(input);

  const open = (difference: OutcomeDifference) => {
    const record = records?.[difference.script];
    if (!record) return;
    navigate({
      screen: 'simulator',
      example: null,
      workflow: workflowId,
      script: savedScriptKey(record.id),
      contact: difference.contact.id,
      ...(difference.divergesAt ? { at: difference.divergesAt.t } : {}),
    });
  };

  return (
    <section className="publish-dialog__impact" aria-labelledby="publish-impact-heading">
      <h3 id="publish-impact-heading" className="publish-dialog__heading">
        Impact on the saved scripts
      </h3>
      {saved && saved.unreadable.length > 0 && (
        <p className="notice" role="alert">
          {saved.unreadable.length === 1 ? 'A saved script cannot be read and is left out' : `${saved.unreadable.length} saved scripts cannot be read and are left out`}.
        </p>
      )}
      {records === undefined || scripts === undefined || documents === undefined ? (
        <p role="status">Reading the saved scripts…</p>
      ) : scripts.length === 0 ? (
        <p className="publish-dialog__note">
          This Workflow has no saved scripts, so there is nothing to preview. The preview plays the scripts saved with the Workflow (in the simulator: New script, then Save with this Workflow) on the published version and on this draft.
        </p>
      ) : (
        <>
          <p className="publish-dialog__note">
            {describePlayed(records.length, live !== null)}, played on the published version and on this draft.
            {/* No rows (no run changes), so nothing to open: the table below decides alike. */}
            {!(impact.status === 'done' && !hasRowsToList(impact.diff)) && ` ${live ? 'A saved script’s row' : 'A row'} opens the simulator on the draft where the two part.`}
          </p>
          {/* One live line from "Working out…" to the totals, so a screen reader hears when the answer comes. */}
          <p role="status" aria-busy={impact.status === 'working'} className={impact.status === 'done' ? 'publish-dialog__summary' : 'publish-dialog__working'}>
            {impact.status === 'working' ? 'Working out the impact…' : impact.status === 'done' ? describeDiffSummary(impact.diff) : ''}
          </p>
          {impact.status === 'done' ? (
            <OutcomeDiffTable
              diff={impact.diff}
              scriptNames={[...records.map((record) => record.document.name), ...(live ? [LIVE_SESSION_NAME] : [])]}
              sideNames={SIDES}
              onOpen={open}
              // The live session is no saved script: the simulator cannot open it.
              canOpen={(difference) => difference.script < records.length}
              label="Runs that change if you publish"
              showSummary={false}
            />
          ) : (
            impact.status !== 'working' && (
              <p className="notice" role="alert">
                The impact could not be worked out:{' '}
                {impact.status === 'failed' ? impact.message : impact.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}. You can still publish.
              </p>
            )
          )}
        </>
      )}
    </section>
  );
}

/** "The 2 saved scripts and the Messages view's live session", as the note before the table says it. */
function describePlayed(saved: number, live: boolean): string {
  const scripts = saved === 0 ? '' : saved === 1 ? 'the saved script' : `the ${saved} saved scripts`;
  const said = live ? (scripts === '' ? 'the Messages view’s live session' : `${scripts} and the Messages view’s live session`) : scripts;
  return said.charAt(0).toUpperCase() + said.slice(1);
}
