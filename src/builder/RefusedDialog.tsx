import type { WorkflowProblem } from '../../simulator/schema/problem.ts';
import { Dialog } from '../ui/Dialog.tsx';

interface Props {
  /** What was refused ("Not published"); the dialog is open while `problems` is not null. */
  readonly title: string;
  /** What the problems stand in the way of, ending the lead sentence ("to fix first"). */
  readonly purpose: string;
  readonly problems: readonly WorkflowProblem[] | null;
  readonly onClose: () => void;
}

/** Says why an action on the Workflow was refused: every problem the validator found. */
export function RefusedDialog({ title, purpose, problems, onClose }: Props) {
  const count = problems?.length ?? 0;
  return (
    <Dialog open={problems !== null} onOpenChange={(open) => !open && onClose()} title={title} description={`This Workflow has ${count === 1 ? '1 problem' : `${count} problems`} ${purpose}.`}>
      <ul className="problems-list" aria-label="Problems">
        {problems?.map((problem, i) => (
          <li key={i}>{problem.message}</li>
        ))}
      </ul>
    </Dialog>
  );
}
