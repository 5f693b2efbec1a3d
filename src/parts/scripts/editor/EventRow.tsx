import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { publishPolicySchema, scriptEventTypeSchema, type PublishPolicy, type ScriptEventType } from '../../../../simulator/schema/script.ts';
import { IconButton } from '../../../ui/Tooltip.tsx';
import type { DraftIssue } from './checkScriptDraft.ts';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { eventFieldSpecs, type EventFieldSpec } from './eventFieldSpecs.ts';
import { EVENT_TYPE_LABELS } from './eventTypeLabels.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import { SelectField, type Choice } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const TYPE_CHOICES: readonly Choice[] = scriptEventTypeSchema.options.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] }));
const isEventType = (value: unknown): value is ScriptEventType => scriptEventTypeSchema.safeParse(value).success;
/** What a publish does to the runs in flight, in words (a Record, so a new policy fails to compile until it is named). */
const POLICY_LABELS: Readonly<Record<PublishPolicy, string>> = {
  finish: 'Let them finish on their version',
  stop: 'Stop them',
  move: 'Move them to the new version',
};
const POLICY_CHOICES: readonly Choice[] = publishPolicySchema.options.map((policy) => ({ value: policy, label: POLICY_LABELS[policy] }));

/** One of an event's move and remove buttons; EventList moves focus to one after the list changes. */
export type EventAction = 'up' | 'down' | 'remove';

interface Props {
  readonly index: number;
  readonly count: number;
  readonly event: Readonly<Record<string, unknown>>;
  readonly contacts: readonly Choice[];
  readonly users: readonly Choice[];
  /** The id of the datalist of Workflow names. */
  readonly workflowList: string;
  /** The id of one of an event's buttons, so EventList can focus it. */
  readonly buttonId: (index: number, action: EventAction) => string;
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
  readonly onAction: (index: number, action: EventAction) => void;
}

/** One event of the timeline: its time, contact and type, then the fields its type has (read from the schema). */
export function EventRow({ index, count, event, contacts, users, workflowList, buttonId, issuesAt, onEdit, onAction }: Props) {
  const n = index + 1;
  const path = ['events', index] as const;
  const set = (key: string, value: unknown) => onEdit({ kind: 'set', path: [...path, key], value });
  const issuesId = useId();
  const eventIssues = issuesAt(path);
  return (
    <li className="script-event">
      <fieldset className="script-event__group" aria-describedby={eventIssues.length > 0 ? issuesId : undefined}>
        <legend className="script-event__legend">Event {n}</legend>
        <FieldIssues id={issuesId} issues={eventIssues} />
        <div className="script-event__fields">
          <TextField label="Time" issues={issuesAt([...path, 'at'])} value={event.at} placeholder="+5m" className="script-event__time" onChange={(value) => set('at', value)} />
          {event.type !== 'workflow.publish' && (
            <SelectField label="Contact" issues={issuesAt([...path, 'contact'])} value={event.contact} choices={contacts} onChange={(value) => set('contact', value)} />
          )}
          <SelectField
            label="Type"
            issues={issuesAt([...path, 'type'])}
            value={event.type}
            choices={TYPE_CHOICES}
            onChange={(type) => {
              if (isEventType(type)) onEdit({ kind: 'changeEventType', index, type });
            }}
          />
          {isEventType(event.type) &&
            eventFieldSpecs(event.type).map((spec) => (
              <EventField key={spec.key} spec={spec} value={event[spec.key]} issues={issuesAt([...path, spec.key])} users={users} workflowList={workflowList} onChange={(value) => set(spec.key, value)} />
            ))}
        </div>
        <div className="script-event__actions">
          <IconButton id={buttonId(index, 'up')} label={`Move event ${n} up`} icon={<ArrowUp size={16} />} disabled={index === 0} onClick={() => onAction(index, 'up')} />
          <IconButton id={buttonId(index, 'down')} label={`Move event ${n} down`} icon={<ArrowDown size={16} />} disabled={index === count - 1} onClick={() => onAction(index, 'down')} />
          <IconButton id={buttonId(index, 'remove')} label={`Remove event ${n}`} icon={<Trash2 size={16} />} onClick={() => onAction(index, 'remove')} />
        </div>
      </fieldset>
    </li>
  );
}

interface FieldProps {
  readonly spec: EventFieldSpec;
  readonly value: unknown;
  readonly issues: readonly DraftIssue[];
  readonly users: readonly Choice[];
  readonly workflowList: string;
  /** `undefined` leaves an optional field out: the schema has no "empty user". */
  readonly onChange: (value: string | undefined) => void;
}

/** One of an event type's own fields: users are picked, Workflows suggested, fields shown, the rest typed. */
function EventField({ spec, value, issues, users, workflowList, onChange }: FieldProps) {
  if (spec.kind === 'fields') return <FieldsSummary label={spec.label} value={value} issues={issues} />;
  if (spec.kind === 'policy') return <SelectField label="Runs in flight" issues={issues} value={value ?? 'finish'} choices={POLICY_CHOICES} onChange={onChange} />;
  if (spec.kind === 'user')
    return <SelectField label={spec.label} issues={issues} value={value} choices={users} none={spec.optional ? '— automatic —' : undefined} onChange={onChange} />;
  return (
    <TextField
      label={spec.label}
      issues={issues}
      value={value}
      list={spec.kind === 'workflow' ? workflowList : undefined}
      className={spec.key === 'text' ? 'script-event__message' : undefined}
      onChange={(text) => onChange(spec.optional && text === '' ? undefined : text)}
    />
  );
}

/** A test run's fields, read-only: "plan = pro, stage = lead", or "none"; the JSON view edits them. */
function FieldsSummary({ label, value, issues }: { readonly label: string; readonly value: unknown; readonly issues: readonly DraftIssue[] }) {
  const id = useId();
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  const text = entries.length === 0 ? 'none' : entries.map(([name, field]) => `${name} = ${String(field)}`).join(', ');
  return (
    <div className="script-editor__field">
      <span className="script-editor__label" id={id}>
        {label}
      </span>
      <output aria-labelledby={id} title="Edit them in the JSON view">
        {text}
      </output>
      <FieldIssues issues={issues} />
    </div>
  );
}
