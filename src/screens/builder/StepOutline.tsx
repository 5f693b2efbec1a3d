import { useId } from 'react';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { triggerName } from '../../parts/canvas/steps/triggerName.ts';

/** The Workflow's trigger and steps as a list, in document order. */
export function StepOutline({ workflow }: { workflow: Workflow }) {
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 className="panel-title" id={titleId}>
        Steps
      </h2>
      <ol className="outline">
        <li>
          <span className="outline__kind">Trigger</span> {workflow.trigger.label || triggerName(workflow.trigger.type)}
        </li>
        {workflow.steps.map((step) => (
          <li key={step.id}>
            <span className="outline__kind">{step.type.replaceAll('_', ' ')}</span> {step.label}
          </li>
        ))}
      </ol>
      {workflow.steps.length === 0 && <p className="notice">No steps yet: only the trigger.</p>}
    </section>
  );
}
