import { Send } from 'lucide-react';
import { useState } from 'react';
import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import { useWorkflowActions } from '../persistence/useWorkflowActions.ts';
import { RefusedDialog } from './RefusedDialog.tsx';

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
        // Not `disabled`: a disabled button loses focus, and the refusal's dialog would then give it back to the page.
        aria-disabled={busy}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          const outcome = await publish();
          setBusy(false);
          if (!outcome.ok && outcome.problems) setRefused(outcome.problems);
        }}
      >
        <Send aria-hidden size={16} /> Publish
      </button>
      <RefusedDialog title="Not published" purpose="to fix first" problems={refused} onClose={() => setRefused(null)} />
    </>
  );
}
