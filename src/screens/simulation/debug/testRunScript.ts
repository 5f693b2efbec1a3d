import { formatOffset } from '../../../../simulator/schema/duration.ts';
import type { Script, ScriptEvent } from '../../../../simulator/schema/script.ts';

/** A test run as the form describes it: who, started where, with what set up first. */
export interface TestRun {
  /** The contact's id: one of the script's, or a new one (`newContactName` given). */
  readonly contact: string;
  /** Set for a contact the script does not have yet: it is added to `contacts` with the tags and fields. */
  readonly newContactName?: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  /** The Workflow's id. */
  readonly workflow: string;
  /** The step to start at; absent: at the trigger. */
  readonly atStep?: string;
  /** The instant (ms since the start): written to the second, never later than it. */
  readonly at: number;
}

/**
 * The script with a test run appended at the instant: a `workflow.start` event (with `atStep` and
 * the fields set up first). A new contact is added with its tags and fields; an existing one gets
 * its tags from `tag.add` events at the same instant, just before the start, since the start event
 * carries fields only.
 *
 * @example appendTestRun(script, { contact: 'dana', fields: {}, tags: [], workflow: 'follow-up', atStep: 'wait', at: 3_600_000 }).events.at(-1)
 *          // { at: '+1h', contact: 'dana', type: 'workflow.start', workflow: 'follow-up', atStep: 'wait' }
 */
export function appendTestRun(script: Script, run: TestRun): Script {
  const at = formatOffset(Math.floor(run.at / 1000) * 1000);
  const isNew = run.newContactName !== undefined;
  const contacts = isNew ? [...script.contacts, { id: run.contact, name: run.newContactName ?? '', tags: [...run.tags], fields: { ...run.fields } }] : script.contacts;
  const tagEvents: ScriptEvent[] = isNew ? [] : run.tags.map((tag) => ({ at, contact: run.contact, type: 'tag.add', tag }));
  const start: ScriptEvent = {
    at,
    contact: run.contact,
    type: 'workflow.start',
    workflow: run.workflow,
    ...(run.atStep === undefined ? {} : { atStep: run.atStep }),
    ...(!isNew && Object.keys(run.fields).length > 0 ? { fields: { ...run.fields } } : {}),
  };
  return { ...script, contacts, events: [...script.events, ...tagEvents, start] };
}

/** A free contact id for a new test contact, from its name: `test-contact`, `test-contact-2`, … */
export function newContactId(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'test-contact';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
