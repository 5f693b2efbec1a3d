import { runStatusSchema } from '../../../../simulator/schema/script.ts';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { expectationKindOf, type ExpectationKind } from './expectationKindOf.ts';
import type { IssuesAt } from './issuesByPath.ts';
import { REASON_CHOICES } from './reasonChoices.ts';
import { RowList } from './RowList.tsx';
import { SelectField, type Choice } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const KIND_CHOICES: readonly { readonly value: ExpectationKind; readonly label: string }[] = [
  { value: 'status', label: 'Run status' },
  { value: 'sent', label: 'Message sent' },
  { value: 'neverSent', label: 'Message never sent' },
  { value: 'hasTag', label: 'Has tag' },
  { value: 'lacksTag', label: 'Lacks tag' },
  { value: 'fieldEquals', label: 'Field equals' },
];
const isKind = (value: string | undefined): value is ExpectationKind => KIND_CHOICES.some((choice) => choice.value === value);

const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');
const STATUS_CHOICES: readonly Choice[] = runStatusSchema.options.map((status) => ({ value: status, label: words(status) }));

interface Props {
  readonly expectations: readonly Readonly<Record<string, unknown>>[];
  readonly contacts: readonly Choice[];
  readonly workflowList: string;
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/**
 * What the script's author expects after the run: a run's status (and why it stopped, where), a message
 * sent or never sent, or the contact at the end (a tag it has or lacks, a field's value).
 */
export function ExpectationRows({ expectations, contacts, workflowList, issuesAt, onEdit }: Props) {
  return (
    <RowList title="Expectations" itemName="Expectation" list="expect" rows={expectations} issuesAt={issuesAt} onEdit={onEdit}>
      {(expectation, index) => {
        const kind = expectationKindOf(expectation);
        const at = (key: string) => issuesAt(['expect', index, key]);
        const set = (key: string, value: unknown) => onEdit({ kind: 'set', path: ['expect', index, key], value });
        return (
          <>
            <SelectField
              label="Kind"
              issues={[]}
              value={kind}
              choices={KIND_CHOICES}
              onChange={(value) => {
                if (isKind(value)) onEdit({ kind: 'changeExpectationKind', index, expectationKind: value });
              }}
            />
            <SelectField label="Contact" issues={at('contact')} value={expectation.contact} choices={contacts} onChange={(value) => set('contact', value)} />
            {kind === 'status' ? (
              <>
                <TextField label="Workflow" issues={at('workflow')} value={expectation.workflow} list={workflowList} onChange={(value) => set('workflow', value)} />
                <SelectField label="Status" issues={at('status')} value={expectation.status} choices={STATUS_CHOICES} onChange={(value) => set('status', value)} />
                <SelectField label="Reason" issues={at('reason')} value={expectation.reason} choices={REASON_CHOICES} none="— any —" onChange={(value) => set('reason', value)} />
                {/* Empty means "any step": the schema wants the key left out rather than an empty name. */}
                <TextField label="At step" issues={at('atStep')} value={expectation.atStep} onChange={(value) => set('atStep', value === '' ? undefined : value)} />
              </>
            ) : kind === 'sent' || kind === 'neverSent' ? (
              <TextField label="Message contains" issues={at(kind)} value={expectation[kind]} onChange={(value) => set(kind, value)} />
            ) : kind === 'fieldEquals' ? (
              <>
                <TextField label="Field" issues={at('field')} value={expectation.field} onChange={(value) => set('field', value)} />
                <TextField label="Value" issues={at('equals')} value={expectation.equals} onChange={(value) => set('equals', value)} />
              </>
            ) : (
              <TextField label="Tag" issues={at(kind)} value={expectation[kind]} onChange={(value) => set(kind, value)} />
            )}
          </>
        );
      }}
    </RowList>
  );
}
