import { stepSchema, type Step } from '../../../../simulator/schema/step.ts';
import { triggerSchema, type Trigger } from '../../../../simulator/schema/trigger.ts';
import { whenStoppedSchema, type WhenStopped, type Workflow } from '../../../../simulator/schema/workflow.ts';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { updateStep } from '../../../model/workflowEdits.ts';
import { stepKind } from '../../../parts/canvas/steps/stepKinds.ts';
import { WHEN_STOPPED_HINT, WHEN_STOPPED_NAME } from '../../../parts/canvas/WhenStoppedNode.tsx';
import { InspectorField } from './InspectorField.tsx';
import { StepFields } from './StepFields.tsx';
import { TriggerFields } from './TriggerFields.tsx';
import { useSchemaDraft } from './useSchemaDraft.ts';

interface Props {
  readonly workflow: Workflow;
  /** Names of the other stored Workflows, offered by Trigger Workflow. */
  readonly workflowNames: readonly string[];
}

/** The set-up of the one selected step (or the trigger), checked by its schema as you type. */
export function Inspector({ workflow, workflowNames }: Props) {
  const selection = useAppStore((state) => state.selection);
  const [only] = selection.nodeIds;
  const step = only === undefined ? undefined : workflow.steps.find((candidate) => candidate.id === only);
  let body;
  if (selection.nodeIds.length > 1) body = <p className="notice">{selection.nodeIds.length} steps selected. Select one to set it up.</p>;
  else if (only === workflow.trigger.id) body = <TriggerInspector key={only} trigger={workflow.trigger} />;
  else if (workflow.whenStopped && only === workflow.whenStopped.id) body = <WhenStoppedInspector key={only} whenStopped={workflow.whenStopped} />;
  else if (step)
    body = (
      <StepInspector
        key={step.id}
        step={step}
        stepChoices={workflow.steps.filter((other) => other.id !== step.id).map((other) => ({ id: other.id, label: other.label || other.id }))}
        workflowNames={workflowNames}
      />
    );
  else body = <p className="notice">Select a step on the canvas to set it up.</p>;
  return (
    <section className="panel inspector" aria-label="Inspector">
      <h2 className="panel-title">{step ? stepKind(step.type).name : only === workflow.trigger.id ? 'Trigger' : only !== undefined && only === workflow.whenStopped?.id ? WHEN_STOPPED_NAME : 'Inspector'}</h2>
      {body}
    </section>
  );
}

function StepInspector({ step, stepChoices, workflowNames }: { step: Step; stepChoices: readonly { id: string; label: string }[]; workflowNames: readonly string[] }) {
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const form = useSchemaDraft<Step>(step, stepSchema, (next, path) => editWorkflow((current) => updateStep(current, next), { key: `inspect:${step.id}:${path.join('.')}` }));
  return (
    <form className="inspector-form" aria-label={`${stepKind(step.type).name} set-up`} onSubmit={(event) => event.preventDefault()}>
      <InspectorField label="Label" help="How the step is named on the canvas and in traces." error={form.errorAt(['label'])}>
        {(control) => <input {...control} value={form.draft.label} onChange={(event) => form.change(['label'], event.target.value)} />}
      </InspectorField>
      <StepFields form={form} stepChoices={stepChoices} workflowNames={workflowNames} />
    </form>
  );
}

function TriggerInspector({ trigger }: { trigger: Trigger }) {
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const form = useSchemaDraft<Trigger>(trigger, triggerSchema, (next, path) =>
    editWorkflow((current) => (current.trigger === next ? current : { ...current, trigger: next }), { key: `inspect:trigger:${path.join('.')}` }),
  );
  return (
    <form className="inspector-form" aria-label="Trigger set-up" onSubmit={(event) => event.preventDefault()}>
      <TriggerFields form={form} />
    </form>
  );
}

function WhenStoppedInspector({ whenStopped }: { whenStopped: WhenStopped }) {
  const editWorkflow = useAppStore((state) => state.editWorkflow);
  const form = useSchemaDraft<WhenStopped>(whenStopped, whenStoppedSchema, (next, path) =>
    editWorkflow((current) => (current.whenStopped === undefined || current.whenStopped === next ? current : { ...current, whenStopped: next }), { key: `inspect:when-stopped:${path.join('.')}` }),
  );
  return (
    <form className="inspector-form" aria-label="When stopped set-up" onSubmit={(event) => event.preventDefault()}>
      <p className="notice">{WHEN_STOPPED_HINT}. Nothing on its path may wait or jump: no Wait, Ask a question or Jump to.</p>
      <InspectorField label="Label" help="How the entry is named on the canvas." error={form.errorAt(['label'])}>
        {(control) => <input {...control} value={form.draft.label} onChange={(event) => form.change(['label'], event.target.value)} />}
      </InspectorField>
    </form>
  );
}
