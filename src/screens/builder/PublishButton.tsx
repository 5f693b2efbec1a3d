import { Send } from 'lucide-react';
import { useRef, useState } from 'react';
import type { PublishPolicy } from '../../../simulator/schema/script.ts';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { PublishDialog } from './publish/PublishDialog.tsx';
import { RefusedDialog, type Refusal } from './RefusedDialog.tsx';

/**
 * Publish: refused with every problem when the Workflow is not valid, else a dialog asks what
 * happens to the runs in flight and shows whose runs the draft changes, and its Publish stores it
 * as published with a version that keeps the choice.
 */
export function PublishButton() {
  const { checkPublishable, publish } = useVersionActions();
  const store = useAppStoreApi();
  const showProblem = useAppStore((state) => state.showProblem);
  const workflowId = useAppStore((state) => state.document?.workflowId);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // A second click before the first one's render (clicks 50 ms apart) must not check, or open, twice.
  const pressed = useRef(false);

  const refuse = (outcome: Awaited<ReturnType<typeof checkPublishable>>) => {
    const workflow = store.getState().document?.workflow;
    if (!outcome.ok && outcome.problems && workflow) setRefused({ problems: outcome.problems, workflow });
  };

  const confirm = async (policy: PublishPolicy) => {
    const outcome = await publish(policy);
    // Published, or refused (the problems say why): either way this dialog's question is answered.
    if (outcome.ok || outcome.problems) setAsking(false);
    refuse(outcome);
  };

  return (
    <>
      <button
        type="button"
        className="ui-button ui-button--primary"
        aria-busy={busy}
        // Not `disabled`: a disabled button loses focus, and the refusal's dialog would then give it back to the page.
        aria-disabled={busy}
        onClick={async () => {
          if (pressed.current) return;
          pressed.current = true;
          setBusy(true);
          try {
            const outcome = await checkPublishable();
            if (outcome.ok) setAsking(true);
            else refuse(outcome);
          } finally {
            pressed.current = false;
            setBusy(false);
          }
        }}
      >
        <Send aria-hidden size={16} /> Publish
      </button>
      {workflowId !== undefined && <PublishDialog workflowId={workflowId} open={asking} onOpenChange={setAsking} onPublish={confirm} />}
      <RefusedDialog title="Not published" purpose="to fix first" refusal={refused} onClose={() => setRefused(null)} onShow={showProblem} />
    </>
  );
}
