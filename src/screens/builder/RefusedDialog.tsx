import { CircleAlert } from 'lucide-react';
import { useMemo } from 'react';
import type { WorkflowProblem } from '../../../simulator/schema/problem.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { canShowProblem, problemText, stepPlaces } from './problemText.ts';

/** Why an action was refused: the problems, and the Workflow they are about (to name their steps). */
export interface Refusal {
  readonly problems: readonly WorkflowProblem[];
  readonly workflow: Pick<Workflow, 'steps'>;
}

interface Props {
  /** What was refused ("Not published"); the dialog is open while `refusal` is not null. */
  readonly title: string;
  /** What the problems stand in the way of, ending the lead sentence ("to fix first"). */
  readonly purpose: string;
  readonly refusal: Refusal | null;
  readonly onClose: () => void;
  /** Shows a problem where it can be fixed (its step on the canvas, or the settings); the dialog closes first. */
  readonly onShow: (problem: WorkflowProblem) => void;
}

/**
 * Says why an action on the Workflow was refused: every problem the validator found, each a
 * button that closes the dialog and shows where to fix it, as the Problems list does.
 */
export function RefusedDialog({ title, purpose, refusal, onClose, onShow }: Props) {
  const count = refusal?.problems.length ?? 0;
  const places = useMemo(() => (refusal ? stepPlaces(refusal.workflow) : new Map<string, string>()), [refusal]);
  return (
    <Dialog
      open={refusal !== null}
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={`This Workflow has ${count === 1 ? '1 problem' : `${count} problems`} ${purpose}. Choose one to see where it is.`}
    >
      <ul className="problems-panel__list" aria-label="Problems">
        {refusal?.problems.map((problem, i) => (
          <li key={i}>
            <button
              type="button"
              className="problems-panel__item"
              disabled={!canShowProblem(problem)}
              onClick={() => {
                onClose();
                onShow(problem);
              }}
            >
              <CircleAlert aria-hidden size={14} className="problems-panel__icon" />
              <span>{problemText(problem, places)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
