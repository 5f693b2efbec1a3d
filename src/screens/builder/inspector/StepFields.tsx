import type { Step } from '../../../../simulator/schema/step.ts';
import { BranchFields } from './BranchFields.tsx';
import { InspectorField } from './InspectorField.tsx';
import type { SchemaDraft } from './useSchemaDraft.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const VARIABLES_HELP = 'Variables: {{contact.name}}, {{contact.id}}, {{contact.fields.<field>}}';

interface Props {
  readonly form: SchemaDraft<Step>;
  /** The other steps, for Jump to. */
  readonly stepChoices: readonly { readonly id: string; readonly label: string }[];
  /** The names of the other stored Workflows, for Trigger Workflow. */
  readonly workflowNames: readonly string[];
}

/** The fields of one kind of step (the label is edited above them, for every kind). */
export function StepFields({ form, stepChoices, workflowNames }: Props) {
  const step = form.draft;
  switch (step.type) {
    case 'send_message':
    case 'add_comment':
      return (
        <InspectorField label={step.type === 'send_message' ? 'Message' : 'Comment'} help={step.type === 'send_message' ? VARIABLES_HELP : 'Only your team sees it.'} error={form.errorAt(['text'])}>
          {(control) => <textarea {...control} rows={5} value={step.text} onChange={(event) => form.change(['text'], event.target.value)} />}
        </InspectorField>
      );
    case 'ask_question':
      return (
        <>
          <InspectorField label="Question" help={VARIABLES_HELP} error={form.errorAt(['text'])}>
            {(control) => <textarea {...control} rows={4} value={step.text} onChange={(event) => form.change(['text'], event.target.value)} />}
          </InspectorField>
          <InspectorField label="Save the reply in field" help="A contact field; empty uses the step’s id." error={form.errorAt(['field'])}>
            {(control) => <input {...control} value={step.field} onChange={(event) => form.change(['field'], event.target.value)} />}
          </InspectorField>
          {/* An explicit switch, not an empty field: clearing a field while retyping it must not drop the Timed out output and its edge. */}
          <label className="inspector-check">
            <input type="checkbox" checked={step.timeout !== undefined} onChange={(event) => form.change(['timeout'], event.target.checked ? '24h' : undefined)} />
            Stop waiting after a while (adds a Timed out output)
          </label>
          {step.timeout !== undefined && (
            <InspectorField label="Timeout" help="e.g. 30m, 24h, 1d2h" error={form.errorAt(['timeout'])}>
              {(control) => <input {...control} value={step.timeout ?? ''} onChange={(event) => form.change(['timeout'], event.target.value)} />}
            </InspectorField>
          )}
        </>
      );
    case 'wait':
      return (
        <>
          <InspectorField label="Wait">
            {(control) => (
              <select
                {...control}
                value={step.delay.kind}
                onChange={(event) => form.change(['delay'], event.target.value === 'duration' ? { kind: 'duration', duration: '1h' } : { kind: 'time_of_day', time: '09:00' })}
              >
                <option value="duration">For a while</option>
                <option value="time_of_day">Until a time of day</option>
              </select>
            )}
          </InspectorField>
          {step.delay.kind === 'duration' ? (
            <InspectorField label="Duration" help="e.g. 30m, 24h, 1d2h" error={form.errorAt(['delay', 'duration'])}>
              {(control) => <input {...control} value={step.delay.kind === 'duration' ? step.delay.duration : ''} onChange={(event) => form.change(['delay', 'duration'], event.target.value)} />}
            </InspectorField>
          ) : (
            <InspectorField label="Time of day" help="24-hour clock, in the workspace time zone" error={form.errorAt(['delay', 'time'])}>
              {(control) => <input {...control} value={step.delay.kind === 'time_of_day' ? step.delay.time : ''} onChange={(event) => form.change(['delay', 'time'], event.target.value)} />}
            </InspectorField>
          )}
        </>
      );
    case 'branch':
      return <BranchFields form={form as SchemaDraft<Extract<Step, { type: 'branch' }>>} />;
    case 'datetime_branch':
      return (
        <>
          <fieldset className="inspector-fieldset">
            <legend className="field-label">Days</legend>
            {DAYS.map((day, index) => (
              <label key={day} className="inspector-check">
                <input
                  type="checkbox"
                  checked={step.days.includes(index)}
                  onChange={(event) => form.change(['days'], event.target.checked ? [...step.days, index].sort() : step.days.filter((d) => d !== index))}
                />
                {day}
              </label>
            ))}
            {form.errorAt(['days']) && <p className="field-problem" role="alert">{form.errorAt(['days'])}</p>}
          </fieldset>
          <InspectorField label="From" help="HH:MM" error={form.errorAt(['from'])}>
            {(control) => <input {...control} value={step.from} onChange={(event) => form.change(['from'], event.target.value)} />}
          </InspectorField>
          <InspectorField label="To" help="HH:MM, not included" error={form.errorAt(['to'])}>
            {(control) => <input {...control} value={step.to} onChange={(event) => form.change(['to'], event.target.value)} />}
          </InspectorField>
        </>
      );
    case 'assign':
      return (
        <>
          <InspectorField label="Assign to">
            {(control) => (
              <select {...control} value={step.assignee.kind} onChange={(event) => form.change(['assignee', 'kind'], event.target.value)}>
                <option value="user">A user</option>
                <option value="team">A team</option>
              </select>
            )}
          </InspectorField>
          <InspectorField label={step.assignee.kind === 'user' ? 'User' : 'Team'} help="Its id, e.g. alice or sales" error={form.errorAt(['assignee', 'id'])}>
            {(control) => <input {...control} value={step.assignee.id} onChange={(event) => form.change(['assignee', 'id'], event.target.value)} />}
          </InspectorField>
        </>
      );
    case 'update_field':
      return (
        <>
          <InspectorField label="Contact field" error={form.errorAt(['field'])}>
            {(control) => <input {...control} value={step.field} onChange={(event) => form.change(['field'], event.target.value)} />}
          </InspectorField>
          <InspectorField label="Value" error={form.errorAt(['value'])}>
            {(control) => <input {...control} value={step.value} onChange={(event) => form.change(['value'], event.target.value)} />}
          </InspectorField>
        </>
      );
    case 'update_tag':
      return (
        <>
          <InspectorField label="Action">
            {(control) => (
              <select {...control} value={step.action} onChange={(event) => form.change(['action'], event.target.value)}>
                <option value="add">Add the tag</option>
                <option value="remove">Remove the tag</option>
              </select>
            )}
          </InspectorField>
          <InspectorField label="Tag" error={form.errorAt(['tag'])}>
            {(control) => <input {...control} value={step.tag} onChange={(event) => form.change(['tag'], event.target.value)} />}
          </InspectorField>
        </>
      );
    case 'trigger_workflow':
      return (
        <InspectorField label="Workflow to start" help="Its trigger must be “Started by another Workflow”." error={form.errorAt(['workflow'])}>
          {(control) => (
            <>
              <input {...control} list={`${control.id}-choices`} value={step.workflow} onChange={(event) => form.change(['workflow'], event.target.value)} />
              <datalist id={`${control.id}-choices`}>
                {workflowNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </InspectorField>
      );
    case 'jump_to':
      return (
        <InspectorField label="Continue at" error={form.errorAt(['target'])}>
          {(control) => (
            <select {...control} value={step.target} onChange={(event) => form.change(['target'], event.target.value)}>
              <option value="">Choose a step…</option>
              {stepChoices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </InspectorField>
      );
    case 'open_conversation':
    case 'close_conversation':
    case 'end':
      return <p className="notice">This step has nothing else to set.</p>;
    case 'stop_reason_branch':
      return <p className="notice">On the When stopped path, it goes on at the output of the reason the run stopped; a reason whose output has no edge goes on at Else.</p>;
  }
}
