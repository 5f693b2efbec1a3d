import { Send } from 'lucide-react';
import { useState } from 'react';
import { useVersionActions } from '../../persistence/useVersionActions.ts';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { RefusedDialog, type Refusal } from './RefusedDialog.tsx';

/** Publish: refused with every problem when the Workflow is not valid (SPEC §3), else stored as published with a version. */
export function PublishButton() {
  const { publish } = useVersionActions();
  const store = useAppStoreApi();
  const showProblem = useAppStore((state) => state.showProblem);
  const [refused, setRefused] = useState<Refusal | null>(null);
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
          const workflow = store.getState().document?.workflow;
          if (!outcome.ok && outcome.problems && workflow) setRefused({ problems: outcome.problems, workflow });
        }}
      >
        <Send aria-hidden size={16} /> Publish
      </button>
      <RefusedDialog title="Not published" purpose="to fix first" refusal={refused} onClose={() => setRefused(null)} onShow={showProblem} />
    </>
  );
}
