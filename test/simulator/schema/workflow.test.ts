import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { formatJsonPath, parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import { STEP_TYPES, type Step, type StepOf, type stepSchema } from '../../../simulator/schema/step.ts';
import { migrateWorkflow, workflowDocumentSchema } from '../../../simulator/schema/workflowMigrations.ts';
import { WORKFLOW_FORMAT, workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';

const EXAMPLES = join(import.meta.dirname, '../../../public/examples');

/** Every `*.workflow.json` under public/examples, as [relative path, parsed JSON]. */
function exampleWorkflows(): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  for (const folder of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(EXAMPLES, folder.name))) {
      if (file.endsWith('.workflow.json'))
        found.push([`${folder.name}/${file}`, JSON.parse(readFileSync(join(EXAMPLES, folder.name, file), 'utf8')) as Record<string, unknown>]);
    }
  }
  return found;
}

/** A small valid Workflow document as plain JSON, to break in one place per test. */
function minimalDoc(): Record<string, unknown> & { steps: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  return {
    format: WORKFLOW_FORMAT,
    id: 'wf',
    name: 'Minimal',
    trigger: { id: 'trigger', type: 'incoming_message' },
    steps: [
      { id: 'hello', type: 'send_message', label: 'Hello', text: 'Hi there' },
      { id: 'wait', type: 'wait', label: 'Wait', delay: { kind: 'duration', duration: '1h' } },
      { id: 'again', type: 'send_message', label: 'Again', text: 'Still there?' },
      { id: 'end', type: 'end', label: 'End' },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'wait' },
      { id: 'e3', source: 'wait', target: 'again' },
      { id: 'e4', source: 'again', target: 'end' },
    ],
  };
}

function issuePaths(raw: unknown): (PropertyKey[])[] {
  const result = workflowSchema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
}

describe('workflowSchema', () => {
  const examples = exampleWorkflows();

  it('finds the example Workflows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('accepts the example %s (a format-1 file, migrated)', (_file, raw) => {
    const result = workflowSchema.safeParse(migrateWorkflow(raw));
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data?.id).toBe(raw.id);
    expect(result.data?.steps).toHaveLength((raw.steps as unknown[]).length);
  });

  it('accepts a minimal document and fills in the defaults', () => {
    const workflow: Workflow = workflowSchema.parse(minimalDoc());
    expect(workflow.settings).toEqual({ manualStop: false, exitConditions: { enabled: false, on: [] } });
    expect(workflow.trigger.oncePerContact).toBe(false);
    expect(workflow.trigger.label).toBe('');
    expect(workflow.edges.map((edge) => edge.sourceHandle)).toEqual(['next', 'next', 'next', 'next']);
  });

  it('accepts one step of every kind', () => {
    const steps: z.input<typeof stepSchema>[] = [
      { id: 's1', type: 'send_message', label: '', text: 'Hi' },
      { id: 's2', type: 'ask_question', label: '', text: 'Why?', field: 'why', timeout: '1h' },
      { id: 's3', type: 'wait', label: '', delay: { kind: 'time_of_day', time: '09:00' } },
      { id: 's4', type: 'branch', label: '', paths: [{ id: 'p', label: 'P', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }] },
      { id: 's5', type: 'datetime_branch', label: '', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      { id: 's6', type: 'assign', label: '', assignee: { kind: 'user', id: 'alice' } },
      { id: 's7', type: 'update_field', label: '', field: 'plan', value: 'pro' },
      { id: 's8', type: 'update_tag', label: '', action: 'remove', tag: 'lead' },
      { id: 's9', type: 'add_comment', label: '', text: 'note' },
      { id: 's10', type: 'open_conversation', label: '' },
      { id: 's11', type: 'close_conversation', label: '' },
      { id: 's12', type: 'trigger_workflow', label: '', workflow: 'other' },
      { id: 's13', type: 'jump_to', label: '', target: 's1' },
      { id: 's14', type: 'end', label: '' },
      { id: 's15', type: 'stop_reason_branch', label: '' },
    ];
    expect(new Set(steps.map((step) => step.type))).toEqual(new Set(STEP_TYPES));
    const result = workflowSchema.safeParse({ ...minimalDoc(), steps, edges: [] });
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('types are inferred from the schema', () => {
    expectTypeOf<Workflow>().toEqualTypeOf<z.infer<typeof workflowSchema>>();
    expectTypeOf<Step>().toEqualTypeOf<z.infer<typeof stepSchema>>();
    expectTypeOf<StepOf<'wait'>['delay']>().toExtend<{ kind: 'duration' | 'time_of_day' }>();
    const workflow = workflowSchema.parse(minimalDoc());
    const wait = workflow.steps.find((step): step is StepOf<'wait'> => step.type === 'wait');
    expect(wait?.delay).toEqual({ kind: 'duration', duration: '1h' });
  });

  it('rejects an unknown step type at its type field', () => {
    const doc = minimalDoc();
    doc.steps[1] = { id: 'wait', type: 'teleport', label: 'Beam me up' };
    expect(issuePaths(doc)).toEqual([['steps', 1, 'type']]);
  });

  it('rejects a missing step type', () => {
    const doc = minimalDoc();
    delete doc.steps[0]?.type;
    expect(issuePaths(doc)).toEqual([['steps', 0, 'type']]);
  });

  it.each([
    ['the document', (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc, { color: 'red' }), []],
    ['a step', (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc.steps[0] as object, { colour: 'red' }), ['steps', 0]],
    ['an edge', (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc.edges[2] as object, { weight: 1 }), ['edges', 2]],
    ['the trigger', (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc.trigger as object, { when: 'now' }), ['trigger']],
    ['the settings', (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc, { settings: { manualStop: true, autoStop: true } }), ['settings']],
    [
      'the exit conditions',
      (doc: ReturnType<typeof minimalDoc>) => Object.assign(doc, { settings: { exitConditions: { enabled: true, on: ['incoming_message'], also: [] } } }),
      ['settings', 'exitConditions'],
    ],
    ['a wait delay', (doc: ReturnType<typeof minimalDoc>) => Object.assign((doc.steps[1] as { delay: object }).delay, { jitter: '5m' }), ['steps', 1, 'delay']],
  ])('rejects an unknown field on %s (strict objects)', (_where, mutate, path) => {
    const doc = minimalDoc();
    mutate(doc);
    const result = workflowSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => ({ code: issue.code, path: issue.path }))).toEqual([{ code: 'unrecognized_keys', path }]);
  });

  it.each([
    ['a numeric name', (doc: ReturnType<typeof minimalDoc>) => void (doc.name = 42), ['name']],
    ['an empty name', (doc: ReturnType<typeof minimalDoc>) => void (doc.name = '   '), ['name']],
    ['steps as an object', (doc: ReturnType<typeof minimalDoc>) => void Object.assign(doc, { steps: {} }), ['steps']],
    ['a numeric message text', (doc: ReturnType<typeof minimalDoc>) => void ((doc.steps[2] as { text: unknown }).text = 7), ['steps', 2, 'text']],
    ['a step id with a space', (doc: ReturnType<typeof minimalDoc>) => void ((doc.steps[0] as { id: unknown }).id = 'say hello'), ['steps', 0, 'id']],
    ['a text duration', (doc: ReturnType<typeof minimalDoc>) => void ((doc.steps[1] as { delay: unknown }).delay = { kind: 'duration', duration: '24 hours' }), ['steps', 1, 'delay', 'duration']],
    ['a position that is not a number', (doc: ReturnType<typeof minimalDoc>) => void ((doc.steps[3] as { position: unknown }).position = { x: '1', y: 0 }), ['steps', 3, 'position', 'x']],
    ['an unknown trigger type', (doc: ReturnType<typeof minimalDoc>) => void (doc.trigger = { id: 'trigger', type: 'full_moon' }), ['trigger', 'type']],
    ['a string oncePerContact', (doc: ReturnType<typeof minimalDoc>) => void (doc.trigger = { id: 'trigger', type: 'shortcut', oncePerContact: 'yes' }), ['trigger', 'oncePerContact']],
    ['a numeric edge target', (doc: ReturnType<typeof minimalDoc>) => void ((doc.edges[0] as { target: unknown }).target = 3), ['edges', 0, 'target']],
    ['an unknown exit condition', (doc: ReturnType<typeof minimalDoc>) => void (doc.settings = { exitConditions: { enabled: true, on: ['carrier_pigeon'] } }), ['settings', 'exitConditions', 'on', 0]],
    ['an exit condition listed twice', (doc: ReturnType<typeof minimalDoc>) => void (doc.settings = { exitConditions: { enabled: true, on: ['incoming_message', 'incoming_message'] } }), ['settings', 'exitConditions', 'on']],
    ['manualStop as a string', (doc: ReturnType<typeof minimalDoc>) => void (doc.settings = { manualStop: 'true' }), ['settings', 'manualStop']],
    ['several triggers', (doc: ReturnType<typeof minimalDoc>) => void (doc.trigger = [{ id: 't1', type: 'shortcut' }, { id: 't2', type: 'shortcut' }]), ['trigger']],
  ])('rejects %s', (_what, mutate, path) => {
    const doc = minimalDoc();
    mutate(doc);
    expect(issuePaths(doc)).toEqual([path]);
  });

  it.each(['trigger', 'steps', 'edges', 'id', 'name', 'format'])('rejects a document without %s', (field) => {
    const doc = minimalDoc();
    delete doc[field];
    expect(issuePaths(doc)).toEqual([[field]]);
  });
});

describe('formatJsonPath', () => {
  it.each([
    [[], '$'],
    [['steps', 2, 'text'], '$.steps[2].text'],
    [['settings', 'exitConditions', 'on', 0], '$.settings.exitConditions.on[0]'],
    [['fields', 'first name'], '$.fields["first name"]'],
    [['$schema'], '$.$schema'],
  ] as [PropertyKey[], string][])('formats %j as %s', (path, text) => {
    expect(formatJsonPath(path)).toBe(text);
  });
});

describe('parseWorkflowDocument', () => {
  it.each(exampleWorkflows())('reads the example %s', (_file, raw) => {
    const result = parseWorkflowDocument(raw);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each([
    ['null', null],
    ['an array', [minimalDoc()]],
    ['a string', 'exitflow.workflow/1'],
    ['a number', 1],
  ])('rejects %s at $ as not an object', (_what, raw) => {
    const result = parseWorkflowDocument(raw);
    expect(result).toEqual({ ok: false, issues: [{ path: '$', message: expect.stringMatching(/object/) }] });
  });

  it.each([
    ['missing', undefined],
    ['a script format', 'exitflow.script/1'],
    ['another product', 'acme.workflow/1'],
    ['not a string', 1],
    ['without a version', 'exitflow.workflow'],
  ])('rejects a format that is %s at $.format', (_what, format) => {
    const doc = { ...minimalDoc(), format };
    if (format === undefined) delete doc.format;
    const result = parseWorkflowDocument(doc);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([{ path: '$.format', message: expect.stringContaining(WORKFLOW_FORMAT) }]);
  });

  it('says a newer format was made by a newer version, at $.format', () => {
    const doc = { ...minimalDoc(), format: 'exitflow.workflow/3', somethingNew: true };
    const result = parseWorkflowDocument(doc);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.format');
    expect(issues[0]?.message).toMatch(/made by a newer version/);
    expect(issues[0]?.message).toContain('exitflow.workflow/3');
  });

  it('reports an older format it has no migration for as a problem at $.format instead of throwing', () => {
    // A bad file is rejected with the exact problem; on the command line bad input is exit code 2, not a crash.
    const doc = { ...minimalDoc(), format: 'exitflow.workflow/0' };
    let result: ReturnType<typeof parseWorkflowDocument> | undefined;
    expect(() => {
      result = parseWorkflowDocument(doc);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    expect(result?.ok === false ? result.issues.map((issue) => issue.path) : []).toEqual(['$.format']);
  });

  it('formats issue paths as JSON paths such as $.steps[2].text', () => {
    const doc = minimalDoc();
    (doc.steps[2] as { text: unknown }).text = 7;
    const result = parseWorkflowDocument(doc);
    expect(result).toEqual({ ok: false, issues: [{ path: '$.steps[2].text', message: 'Expected text, not 7' }] });
  });

  it('names the unknown step type and the unknown field', () => {
    const doc = minimalDoc();
    doc.steps[0] = { id: 'x', type: 'teleport', label: '' };
    (doc.steps[1] as Record<string, unknown>).colour = 'red';
    const result = parseWorkflowDocument(doc);
    expect(result.ok ? [] : result.issues).toEqual([
      { path: '$.steps[0].type', message: expect.stringMatching(/^Unknown type.*send_message/) },
      { path: '$.steps[1]', message: 'Unknown field "colour": not part of the format (a typo?)' },
    ]);
  });

  it('reports every problem of a document, not just the first', () => {
    const doc = minimalDoc();
    doc.name = '';
    (doc.steps[2] as { text: unknown }).text = 7;
    (doc.edges[3] as { target: unknown }).target = null;
    delete doc.trigger;
    const result = parseWorkflowDocument(doc);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path).sort()).toEqual(['$.edges[3].target', '$.name', '$.steps[2].text', '$.trigger']);
    for (const issue of result.ok ? [] : result.issues) expect(issue.message).not.toBe('');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as the field of Update contact field and Ask a question, at the step’s path, as a script does', (name) => {
    const doc = minimalDoc();
    doc.steps[0] = { id: 'hello', type: 'update_field', label: 'Set', field: name, value: 'x' };
    doc.steps[2] = { id: 'again', type: 'ask_question', label: 'Ask', text: 'Which plan?', field: name };
    const message = "JavaScript's own names (__proto__, constructor, prototype) cannot name a field";
    expect(parseWorkflowDocument(doc)).toEqual({
      ok: false,
      issues: [
        { path: '$.steps[0].field', message },
        { path: '$.steps[2].field', message },
      ],
    });
    // The same words a script uses for a field it sets.
    const script = parseScriptDocument({ format: 'exitflow.script/1', name: 's', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'dana' }], events: [{ at: '+0', contact: 'dana', type: 'field.set', field: name, value: 'x' }] });
    expect(script.ok ? [] : script.issues).toEqual([{ path: '$.events[0].field', message }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as the field a Branch condition reads and a field-updated trigger watches', (name) => {
    const doc = minimalDoc();
    doc.trigger = { id: 'trigger', type: 'field_updated', field: name };
    doc.steps[0] = { id: 'hello', type: 'branch', label: 'Plan?', paths: [{ id: 'pro', label: 'Pro', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }, { subject: 'field', field: name, operator: 'is', value: 'pro' }] }] };
    const message = "JavaScript's own names (__proto__, constructor, prototype) cannot name a field";
    expect(parseWorkflowDocument(doc)).toEqual({
      ok: false,
      issues: [
        { path: '$.trigger.field', message },
        { path: '$.steps[0].paths[0].conditions[1].field', message },
      ],
    });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses an Ask step with no field whose id, %s, would name the field', (id) => {
    const doc = minimalDoc();
    doc.steps[2] = { id, type: 'ask_question', label: 'Ask', text: 'Which plan?', field: '' };
    (doc.edges[2] as { target: string }).target = id;
    (doc.edges[3] as { source: string }).source = id;
    expect(parseWorkflowDocument(doc)).toEqual({
      ok: false,
      issues: [{ path: '$.steps[2].field', message: `Name the field: the answer would be saved under this step's id, ${id}, and JavaScript's own names cannot name a field` }],
    });
    // Named, the field is the step's own and the id is only an id.
    doc.steps[2] = { id, type: 'ask_question', label: 'Ask', text: 'Which plan?', field: 'plan' };
    expect(parseWorkflowDocument(doc).ok).toBe(true);
  });

  it('takes field names that only look like those (a prefix, another case, an empty Ask field)', () => {
    const doc = minimalDoc();
    doc.steps[0] = { id: 'hello', type: 'update_field', label: 'Set', field: 'Constructor', value: 'x' };
    doc.steps[2] = { id: 'again', type: 'ask_question', label: 'Ask', text: 'Which plan?', field: '' };
    doc.steps[3] = { id: 'end', type: 'update_field', label: 'Set', field: '__proto__x', value: 'x' };
    expect(parseWorkflowDocument(doc).ok).toBe(true);
  });

  it('returns the parsed Workflow with defaults applied', () => {
    const result = parseWorkflowDocument(minimalDoc());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<Workflow>();
      expect(result.value.settings.exitConditions).toEqual({ enabled: false, on: [] });
    }
  });
});

describe('migrateWorkflow', () => {
  const fixture = (version: number) =>
    JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/workflow-formats/v${version}.workflow.json`), 'utf8')) as Record<string, unknown>;

  it('passes a current-format document through unchanged', () => {
    const doc = minimalDoc();
    expect(migrateWorkflow(doc)).toEqual(minimalDoc());
  });

  it('reads a format-1 file as format 2 meaning the same: no When stopped path, no after-the-stop settings', () => {
    const v1 = fixture(1);
    const migrated = migrateWorkflow(v1);
    expect(migrated).toEqual({ ...v1, format: 'exitflow.workflow/2' });
    const parsed = parseWorkflowDocument(v1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.format).toBe(WORKFLOW_FORMAT);
    expect(parsed.value.whenStopped).toBeUndefined();
    expect(parsed.value.settings).toEqual({ manualStop: true, exitConditions: { enabled: true, on: ['outgoing_message', 'manual_assignment'] } });
  });

  it('reads the format-2 fixture with its When stopped entry and every after-the-stop setting', () => {
    const parsed = parseWorkflowDocument(fixture(2));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.value.whenStopped).toEqual({ id: 'when-stopped', label: 'When stopped', position: { x: 400, y: 0 } });
    expect(parsed.value.settings.afterStop).toEqual({ reentry: 'after', wait: '7d', reasons: ['incoming_message', 'manual'] });
    expect(parsed.value.settings.pause).toEqual({ resume: { on: 'silence', after: '2h' } });
    expect(parsed.value.settings.exitConditions.actions).toEqual({ outgoing_message: 'pause', manual_assignment: 'stop' });
  });
});

describe('workflowDocumentSchema (what the worker services parse Workflows with)', () => {
  const v1 = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/workflow-formats/v1.workflow.json'), 'utf8')) as Record<string, unknown>;

  it('reads a format-1 Workflow as the current format instead of refusing it', () => {
    const parsed = workflowDocumentSchema.safeParse(v1);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data?.format).toBe(WORKFLOW_FORMAT);
  });

  it.each([['a newer format', 'exitflow.workflow/99'], ['format 0', 'exitflow.workflow/0'], ['no format', undefined], ['another document', 'exitflow.script/1']])(
    'refuses %s at $.format, as the plain schema does',
    (_name, format) => {
      const parsed = workflowDocumentSchema.safeParse({ ...v1, format });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('format');
    },
  );
});

describe('after-the-stop settings', () => {
  const withSettings = (settings: Record<string, unknown>) => ({ ...minimalDoc(), settings: { manualStop: true, ...settings } });

  it.each([
    ['"after" without a wait', { afterStop: { reentry: 'after' } }, ['settings', 'afterStop', 'wait']],
    ['a wait without "after"', { afterStop: { reentry: 'never', wait: '1d' } }, ['settings', 'afterStop', 'wait']],
    ['a wait that is no duration', { afterStop: { reentry: 'after', wait: 'a week' } }, ['settings', 'afterStop', 'wait']],
    ['an unknown reentry rule', { afterStop: { reentry: 'sometimes' } }, ['settings', 'afterStop', 'reentry']],
    ['an unknown stop reason', { afterStop: { reentry: 'never', reasons: ['paused'] } }, ['settings', 'afterStop', 'reasons', 0]],
    ['a reason listed twice', { afterStop: { reentry: 'never', reasons: ['manual', 'manual'] } }, ['settings', 'afterStop', 'reasons']],
    ['an empty reason list', { afterStop: { reentry: 'never', reasons: [] } }, ['settings', 'afterStop', 'reasons']],
    ['an unknown action', { exitConditions: { enabled: true, on: ['incoming_message'], actions: { incoming_message: 'ignore' } } }, ['settings', 'exitConditions', 'actions', 'incoming_message']],
    ['an action for no condition', { exitConditions: { enabled: true, on: ['incoming_message'], actions: { broadcast: 'stop' } } }, ['settings', 'exitConditions', 'actions']],
    ['a silence resume without its duration', { pause: { resume: { on: 'silence' } } }, ['settings', 'pause', 'resume', 'after']],
  ])('refuses %s at its path', (_what, settings, path) => {
    expect(issuePaths(withSettings(settings))).toContainEqual(path);
  });

  it('takes a When stopped entry with an id and fills in its label', () => {
    const parsed = workflowSchema.parse({ ...minimalDoc(), whenStopped: { id: 'when-stopped' } });
    expect(parsed.whenStopped).toEqual({ id: 'when-stopped', label: '' });
    expect(issuePaths({ ...minimalDoc(), whenStopped: [{ id: 'a' }, { id: 'b' }] })).toEqual([['whenStopped']]);
  });
});
