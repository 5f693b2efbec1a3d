import { useId, useState, type FormEvent } from 'react';
import { scriptSchema, type Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import { Dialog, DialogClose } from '../../../ui/Dialog.tsx';
import { FieldText, describedBy } from '../../../ui/FieldText.tsx';
import { appendTestRun, newContactId } from './testRunScript.ts';

/** Where the test run is kept: added to the script itself, or to a copy of a script that cannot be changed. */
export interface ScriptKeeper {
  /** `add`: the script is saved with the run; `copy`: a new saved script, "<name> (copy)", holds it. */
  readonly kind: 'add' | 'copy';
  /** Keeps the script with the run; false when it was not kept (the reason already told). */
  readonly keep: (script: Script) => Promise<boolean>;
}

interface Props {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly workflow: Workflow;
  /** The step (or the trigger) the run starts at, and its name. */
  readonly node: string;
  readonly nodeName: string;
  readonly script: Script;
  /** The clock now (ms since the start): the run starts at this instant. */
  readonly at: number;
  /** The contact selected in the workspace: the form's first choice. */
  readonly contact: string;
  readonly keeper: ScriptKeeper;
  /** The run was kept: the contact it is for, to follow it. */
  readonly onStarted: (contact: string) => void;
}

const NEW = '\u0000new';

/** `plan = pro` lines, one field a line; a line without `=` is a problem the person is told about. */
function parseFields(text: string): { fields: Record<string, string> } | { problem: string } {
  const entries: [string, string][] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    if (equals < 0) return { problem: `Line ${index + 1}: write a field as name = value` };
    entries.push([line.slice(0, equals).trim(), line.slice(equals + 1).trim()]);
  }
  // Own keys, even "__proto__", so the script's schema sees and refuses it rather than a prototype being set.
  return { fields: Object.fromEntries(entries) };
}

/**
 * "Start a test run here": a small form — which contact (one of the script's, or a new one), the
 * fields and tags it has first — that appends a `workflow.start` event at this step and this
 * instant to the script, so the test is kept with the script and replays from the command line.
 * What the script's format refuses is said here, at the field it concerns, and nothing is kept.
 */
export function TestRunDialog({ open, onOpenChange, workflow, node, nodeName, script, at, contact, keeper, onStarted }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState(script.contacts.some((candidate) => candidate.id === contact) ? contact : (script.contacts[0]?.id ?? NEW));
  const [name, setName] = useState('Test contact');
  const [fieldsText, setFieldsText] = useState('');
  const [tagsText, setTagsText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = chosen === NEW;
  const atStep = node === workflow.trigger.id ? undefined : node;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parseFields(fieldsText);
    if ('problem' in parsed) return setProblem(parsed.problem);
    const tags = tagsText.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
    const contactId = isNew ? newContactId(name, new Set(script.contacts.map((candidate) => candidate.id))) : chosen;
    const next = appendTestRun(script, {
      contact: contactId,
      ...(isNew ? { newContactName: name.trim() } : {}),
      fields: parsed.fields,
      tags,
      workflow: workflow.id,
      ...(atStep === undefined ? {} : { atStep }),
      at,
    });
    const checked = scriptSchema.safeParse(next);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return setProblem(`${issue?.message ?? 'The script refuses this test run'} (at ${['$', ...(issue?.path ?? [])].join('.')})`);
    }
    setProblem(null);
    setBusy(true);
    try {
      if (await keeper.keep(checked.data)) {
        onStarted(contactId);
        onOpenChange(false);
      }
    } finally {
      setBusy(false);
    }
  };

  const formId = `${id}-form`;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Start a test run at ${nodeName}`}
      description={`A run of ${workflow.name} starts at ${nodeName} at ${formatOffset(Math.floor(at / 1000) * 1000)}, as if triggered. ${
        keeper.kind === 'add' ? 'It is added to the script, so it replays with it.' : 'This script cannot be changed: a copy of it, with the run, is saved with the Workflow.'
      }`}
      footer={
        <>
          <DialogClose asChild>
            <button type="button" className="ui-button">
              Cancel
            </button>
          </DialogClose>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={busy}>
            {keeper.kind === 'add' ? 'Add the test run to the script' : 'Save a copy with the test run'}
          </button>
        </>
      }
    >
      <form id={formId} className="test-run-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="test-run-form__field">
          <FieldText id={`${id}-contact`} label="Contact" />
          <select id={`${id}-contact`} className="form-control" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {script.contacts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name || candidate.id}
              </option>
            ))}
            <option value={NEW}>A new contact…</option>
          </select>
        </div>
        {isNew && (
          <div className="test-run-form__field">
            <FieldText id={`${id}-name`} label="New contact’s name" />
            <input id={`${id}-name`} className="form-control" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
          </div>
        )}
        <div className="test-run-form__field">
          <FieldText id={`${id}-fields`} label="Fields" description="One a line: name = value. Set before the run starts; they start nothing." />
          <textarea
            id={`${id}-fields`}
            className="form-control"
            rows={3}
            value={fieldsText}
            aria-describedby={describedBy(`${id}-fields`, 'yes')}
            onChange={(event) => setFieldsText(event.target.value)}
          />
        </div>
        <div className="test-run-form__field">
          <FieldText id={`${id}-tags`} label="Tags" description={isNew ? 'Separated by commas: the new contact has them.' : 'Separated by commas: added just before the run starts.'} />
          <input id={`${id}-tags`} className="form-control" value={tagsText} aria-describedby={describedBy(`${id}-tags`, 'yes')} onChange={(event) => setTagsText(event.target.value)} />
        </div>
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
