import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_FORMAT, WORKFLOW_FORMAT_VERSION, workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';
import { MAX_WORKFLOW_FILE_BYTES, readWorkflowFile, workflowFileName, workflowFileText } from '../../../src/persistence/readWorkflowFile.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const root = join(import.meta.dirname, '../../..');
const FORMATS_DIR = join(root, 'test/fixtures/workflow-formats');
const exampleText = readFileSync(join(root, 'public/examples/follow-up/follow-up.workflow.json'), 'utf8');

interface FileJson {
  [key: string]: unknown;
  steps: Record<string, unknown>[];
  edges: Record<string, unknown>[];
}

/** The valid example file as JSON, to break one thing in. Steps: ack, wait, check-in ("Follow-up"), done. */
const example = (): FileJson => JSON.parse(exampleText) as FileJson;

const read = (json: unknown) => readWorkflowFile(JSON.stringify(json));

/** The issues of a file that must be rejected (fails the test when it is accepted). */
function issuesOf(result: ReturnType<typeof readWorkflowFile>) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('readWorkflowFile: the import corpus', () => {
  it('rejects text that is not JSON, at $', () => {
    for (const text of ['not json {', '', '{"format": "exitflow.workflow/1",}']) {
      const issues = issuesOf(readWorkflowFile(text));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('$');
      expect(issues[0]?.message).toMatch(/^Not valid JSON: /);
    }
  });

  it('rejects JSON that is not an object', () => {
    expect(issuesOf(readWorkflowFile('[1, 2]'))).toEqual([{ path: '$', message: 'Expected a JSON object (an exitflow workflow)' }]);
    expect(issuesOf(readWorkflowFile('null'))).toEqual([{ path: '$', message: 'Expected a JSON object (an exitflow workflow)' }]);
  });

  it('rejects a file that is no exitflow Workflow (a script, or no format)', () => {
    const message = `Not an exitflow workflow: "format" must be "${WORKFLOW_FORMAT}"`;
    expect(issuesOf(read({ ...example(), format: 'exitflow.script/1' }))).toEqual([{ path: '$.format', message }]);
    const { format: _format, ...unformatted } = example();
    expect(issuesOf(read(unformatted))).toEqual([{ path: '$.format', message }]);
  });

  it('reports every field of the wrong type, each at its path', () => {
    expect(issuesOf(read({ ...example(), name: 42, steps: {} }))).toEqual([
      { path: '$.name', message: 'Expected text, not 42' },
      { path: '$.steps', message: 'Expected a list, not an object' },
    ]);
  });

  it('rejects a missing trigger', () => {
    const { trigger: _trigger, ...withoutTrigger } = example();
    expect(issuesOf(read(withoutTrigger))).toEqual([{ path: '$.trigger', message: 'Required: an object' }]);
  });

  it('rejects an edge to a step that does not exist, with its path, and lists no design problems', () => {
    const file = example();
    file.edges[3] = { ...file.edges[3], target: 'nowhere' };
    // The End step is now unreachable too, but that is a draft's design problem, not a broken file.
    expect(issuesOf(read(file))).toEqual([{ path: '$.edges[3].target', message: 'An edge from "Follow-up" leads to "nowhere", which is not a step' }]);
  });

  it('reports every structural problem of a file at once', () => {
    const file = example();
    file.steps.push({ ...file.steps[0] });
    file.edges.push({ id: 'e9', source: 'ack', sourceHandle: 'nope', target: 'trigger' });
    expect(issuesOf(read(file)).map((issue) => issue.path)).toEqual(['$.steps[4].id', '$.edges[4].target', '$.edges[4].sourceHandle']);
  });

  it('rejects an unknown step type, naming the types there are', () => {
    const file = example();
    file.steps[1] = { ...file.steps[1], type: 'teleport' };
    const issues = issuesOf(read(file));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.steps[1].type');
    expect(issues[0]?.message).toMatch(/^Unknown type: .*'send_message'.*'end'/);
  });

  it('rejects an unknown field rather than dropping it', () => {
    expect(issuesOf(read({ ...example(), color: 'red' }))).toEqual([{ path: '$', message: 'Unknown field "color": not part of the format (a typo?)' }]);
  });

  it('says a file from a newer format was made by a newer exitflow', () => {
    const issues = issuesOf(read({ ...example(), format: 'exitflow.workflow/99' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.format');
    expect(issues[0]?.message).toMatch(/newer version of exitflow \(format exitflow\.workflow\/99\).*reads up to exitflow\.workflow\/2/);
  });

  it('rejects a format before the first', () => {
    expect(issuesOf(read({ ...example(), format: 'exitflow.workflow/0' }))[0]?.message).toMatch(/the first format is exitflow\.workflow\/1/);
  });

  it('refuses 5 MB of junk by its size, without reading it', () => {
    const junk = 'x'.repeat(5 * 1024 * 1024);
    expect(issuesOf(readWorkflowFile(junk))).toEqual([{ path: '$', message: 'The file is 5.0 MB; a Workflow file is at most 4.0 MB. Is it the right file?' }]);
  });

  it('measures the size in bytes, not characters', () => {
    // 2.2 million two-byte characters: 4.4 MB on disk, though fewer characters than the limit has bytes.
    const text = 'é'.repeat(2.2 * 1024 * 1024);
    expect(text.length).toBeLessThan(MAX_WORKFLOW_FILE_BYTES);
    expect(issuesOf(readWorkflowFile(text))[0]?.message).toMatch(/^The file is 4\.4 MB/);
  });

  it('carries markup in a name verbatim into its message (escaping is the screen’s job)', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const file = example();
    file.name = markup;
    file.steps[2] = { ...file.steps[2], label: markup };
    file.edges[3] = { ...file.edges[3], target: 'nowhere' };
    expect(issuesOf(read(file))).toEqual([{ path: '$.edges[3].target', message: `An edge from "${markup}" leads to "nowhere", which is not a step` }]);
  });

  it('accepts a valid file as the Workflow it describes', () => {
    // The example is a format-1 file: read as the current format, meaning the same.
    expect(readWorkflowFile(exampleText)).toEqual({ ok: true, value: workflowSchema.parse({ ...JSON.parse(exampleText), format: WORKFLOW_FORMAT }) });
  });

  it('accepts a draft with design problems: they are listed in the builder, not refused', () => {
    const file = example();
    file.steps[0] = { ...file.steps[0], text: '' };
    file.edges.splice(3, 1);
    expect(readWorkflowFile(JSON.stringify(file)).ok).toBe(true);
  });

  it('keeps a name holding markup as it was written', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const result = read({ ...example(), name: markup });
    expect(result.ok && result.value.name).toBe(markup);
  });
});

describe('older formats', () => {
  const fixtures = readdirSync(FORMATS_DIR).filter((file) => file.endsWith('.workflow.json'));

  it('has a fixture for every format version, so a new format comes with one', () => {
    const expected = Array.from({ length: WORKFLOW_FORMAT_VERSION }, (_, i) => `v${i + 1}.workflow.json`);
    expect(fixtures.sort()).toEqual(expected.sort());
  });

  it.each(fixtures)('reads %s and migrates it to the current format', (file) => {
    const text = readFileSync(join(FORMATS_DIR, file), 'utf8');
    const raw = JSON.parse(text) as { format: string; steps: unknown[]; edges: unknown[] };
    // The file says the format its name says: a fixture must be what that format really wrote.
    expect(raw.format).toBe(`exitflow.workflow/${file.match(/^v(\d+)\./)?.[1]}`);
    const result = readWorkflowFile(text);
    expect(result).toMatchObject({ ok: true, value: { format: WORKFLOW_FORMAT } });
    if (!result.ok) return;
    expect(result.value.steps).toHaveLength(raw.steps.length);
    expect(result.value.edges).toHaveLength(raw.edges.length);
  });
});

describe('workflowFileText', () => {
  it('round-trips through readWorkflowFile', () => {
    const workflow = followUpWorkflow();
    expect(readWorkflowFile(workflowFileText(workflow))).toEqual({ ok: true, value: workflow });
  });

  it('round-trips the example and the format fixtures, leaving out the editor-only $schema', () => {
    const documents = [exampleText, readFileSync(join(FORMATS_DIR, `v${WORKFLOW_FORMAT_VERSION}.workflow.json`), 'utf8')].map((text) => {
      const result = readWorkflowFile(text);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.value;
    });
    for (const workflow of documents) {
      const { $schema: _schema, ...withoutSchema } = workflow;
      const text = workflowFileText(workflow);
      expect(readWorkflowFile(text)).toEqual({ ok: true, value: withoutSchema as Workflow });
      expect(JSON.parse(text)).not.toHaveProperty('$schema');
    }
  });

  it('writes pretty-printed JSON with its format version, ending in a newline', () => {
    const text = workflowFileText(followUpWorkflow());
    expect(text).toMatch(/^\{\n {2}"format": "exitflow\.workflow\/2",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('workflowFileName', () => {
  const named = (name: string, id = 'follow-up') => ({ ...followUpWorkflow(), id, name });

  it('makes a lower-case slug of the name', () => {
    expect(workflowFileName(named('Lead nurture'))).toBe('lead-nurture.workflow.json');
    expect(workflowFileName(named('  VIP routing (v2)!  '))).toBe('vip-routing-v2.workflow.json');
  });

  it('drops accents rather than splitting words at them', () => {
    expect(workflowFileName(named('Café crème — Été'))).toBe('cafe-creme-ete.workflow.json');
  });

  it('never lets a name put path separators or markup in the file name', () => {
    expect(workflowFileName(named('../../etc/passwd'))).toBe('etc-passwd.workflow.json');
    expect(workflowFileName(named('<img src=x onerror=alert(1)>'))).toBe('img-src-x-onerror-alert-1.workflow.json');
  });

  it('falls back to the id when nothing of the name is left', () => {
    expect(workflowFileName(named('日本語のワークフロー', 'jp-flow'))).toBe('jp-flow.workflow.json');
    expect(workflowFileName(named('!!!', 'bangs'))).toBe('bangs.workflow.json');
  });
});
