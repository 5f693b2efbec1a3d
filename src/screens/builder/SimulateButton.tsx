import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { useNavigate } from '../../routing/Router.tsx';
import { usePersistence } from '../../persistence/PersistenceProvider.tsx';
import { useWorkflowDocuments } from '../../persistence/storedWorkflowHooks.ts';
import { useAppStore, useAppStoreApi } from '../../state/StoreProvider.tsx';
import { RefusedDialog, type Refusal } from './RefusedDialog.tsx';

/**
 * Simulate: play the Workflow in the simulator workspace, with the scripts saved with it and those
 * of the example it came from. Refused with every problem while it is not valid.
 */
export function SimulateButton() {
  const store = useAppStoreApi();
  const documents = useWorkflowDocuments();
  const navigate = useNavigate();
  const { flush } = usePersistence();
  const showProblem = useAppStore((state) => state.showProblem);
  const [refused, setRefused] = useState<Refusal | null>(null);
  return (
    <>
      <button
        type="button"
        className="ui-button"
        disabled={documents === undefined}
        onClick={async () => {
          const open = store.getState().document;
          if (!open) return;
          const others = (documents ?? []).filter((workflow) => workflow.id !== open.workflowId);
          const problems = validateWorkflow(open.workflow, { workflows: others });
          if (problems.length > 0) setRefused({ problems, workflow: open.workflow });
          else {
            // The simulator plays what is stored: save the last edit first.
            await flush();
            navigate({ screen: 'simulator', example: null, script: null, workflow: open.workflowId });
          }
        }}
      >
        <FlaskConical aria-hidden size={16} /> Simulate
      </button>
      <RefusedDialog title="Not simulated" purpose="to fix before it can run" refusal={refused} onClose={() => setRefused(null)} onShow={showProblem} />
    </>
  );
}
