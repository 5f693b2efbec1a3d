import { CircleAlert, CircleCheck } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { WorkflowProblem } from '../../../simulator/schema/problem.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { RowLimitNote } from '../../ui/RowLimitNote.tsx';
import { canShowProblem, problemText, stepPlaces } from './problemText.ts';

interface Props {
  readonly problems: readonly WorkflowProblem[];
  /** Selects what the problem is about on the canvas and brings it into view, or opens the settings it is about. */
  readonly onShow: (problem: WorkflowProblem) => void;
  /** The Workflow the problems are about: a problem on one of two steps with the same name says which ("step 3"). */
  readonly workflow?: Pick<Workflow, 'steps'>;
}

/** How many problems are listed at first: a 5,000-step Workflow with a problem on every step would otherwise draw 5,000 buttons on each edit. */
export const FIRST_PROBLEMS = 200;

/** Everything that keeps the Workflow from being published; a click shows where. */
export function ProblemsList({ problems, onShow, workflow }: Props) {
  const places = useMemo(() => (workflow ? stepPlaces(workflow) : new Map<string, string>()), [workflow]);
  const [limit, setLimit] = useState(FIRST_PROBLEMS);
  const shown = Math.min(limit, problems.length);
  return (
    <section className="panel problems-panel" aria-label="Problems">
      <h2 className="panel-title">
        Problems <span className="problems-panel__count">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="notice">
          <CircleCheck aria-hidden size={16} /> No problems: this Workflow can be published.
        </p>
      ) : (
        <ul className="problems-panel__list">
          {problems.slice(0, shown).map((problem, i) => (
            <li key={`${problem.code}-${i}`}>
              <button type="button" className="problems-panel__item" onClick={() => onShow(problem)} disabled={!canShowProblem(problem)}>
                <CircleAlert aria-hidden size={14} className="problems-panel__icon" />
                <span>{problemText(problem, places)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <RowLimitNote shown={shown} total={problems.length} what="problems" onMore={(count) => setLimit((current) => Math.min(current, problems.length) + count)} />
    </section>
  );
}
