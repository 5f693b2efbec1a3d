import { Send } from 'lucide-react';
import { useState } from 'react';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import { useWorkflowActions } from '../persistence/useWorkflowActions.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** Publish: refused with every problem when the Workflow is not valid (SPEC §3), else stored as published with a version. */
export function PublishButton() {
  const { publish } = useWorkflowActions();
  const [refused, setRefused] = useState<readonly WorkflowProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="ui-button ui-button--primary"
        aria-busy={busy}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const outcome = await publish();
          setBusy(false);
          if (!outcome.ok && outcome.problems) setRefused(outcome.problems);
        }}
      >
        <Send aria-hidden size={16} /> Publish
      </button>
      <Dialog
        open={refused !== null}
        onOpenChange={(open) => !open && setRefused(null)}
        title="Not published"
        description={`This Workflow has ${refused?.length === 1 ? '1 problem' : `${refused?.length ?? 0} problems`} to fix first.`}
      >
        <ul className="problems-list" aria-label="Problems">
          {refused?.map((problem, i) => (
            <li key={i}>{problem.message}</li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
