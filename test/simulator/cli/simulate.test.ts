import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { traceEntrySchema, type TraceEntry } from '../../../simulator/schema/trace.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'public/examples');
const FOLLOW_UP = join(EXAMPLES, 'follow-up');
const HOT_LEAD = join(EXAMPLES, 'hot-lead');
/** Spawning node + tsx takes a moment; a population prints tens of thousands of lines. */
const TIMEOUT = 120_000;

interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function simulate(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT,
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'exitflow-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes `content` (JSON-encoded unless a string) to a fresh file in the temp dir. */
function writeTemp(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function readJson(file: string): Record<string, unknown> & { steps: Record<string, unknown>[]; events: Record<string, unknown>[]; expect: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof readJson>;
}

interface RunLine {
  kind: 'run';
  contact: string;
  workflow: string;
  status: string;
  reason: string | null;
  atStep: string | null;
  at: string | null;
}
interface SummaryLine {
  kind: 'summary';
  runs: number;
  expectations: { passed: number; failed: number; failures?: { message: string }[] };
  traceHash: string;
}

/** Splits `--json` output into its three parts, checking their order and shapes on the way. */
function parseJsonOutput(stdout: string): { trace: TraceEntry[]; runs: RunLine[]; summary: SummaryLine } {
  expect(stdout.endsWith('\n')).toBe(true);
  const lines = stdout.slice(0, -1).split('\n');
  const objects = lines.map((line) => JSON.parse(line) as { kind: string });
  const firstRun = objects.findIndex((object) => object.kind === 'run');
  const traceEnd = firstRun === -1 ? objects.length - 1 : firstRun;
  const trace = objects.slice(0, traceEnd).map((object) => traceEntrySchema.parse(object));
  const runs = objects.slice(traceEnd, -1) as RunLine[];
  for (const run of runs) expect(run.kind).toBe('run');
  const summary = objects.at(-1) as SummaryLine;
  expect(summary.kind).toBe('summary');
  return { trace, runs, summary };
}

/** Every example folder with its Workflows and scripts, found on disk so new examples are covered. */
const folders = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(EXAMPLES, entry.name);
    const files = readdirSync(dir).sort();
    return {
      name: entry.name,
      workflows: files.filter((file) => file.endsWith('.workflow.json')).map((file) => join(dir, file)),
      scripts: files.filter((file) => file.endsWith('.script.json')).map((file) => join(dir, file)),
    };
  });
const exampleRuns = folders.flatMap((folder) =>
  folder.scripts.map((script) => ({ label: `${folder.name}/${script.slice(script.lastIndexOf('/') + 1)}`, workflows: folder.workflows, script })),
);

describe('simulate CLI: the examples', () => {
  it('finds example folders, each with Workflows and scripts', () => {
    expect(folders.length).toBeGreaterThanOrEqual(2);
    for (const folder of folders) {
      expect(folder.workflows.length, folder.name).toBeGreaterThan(0);
      expect(folder.scripts.length, folder.name).toBeGreaterThan(0);
    }
  });

  it.each(exampleRuns)('$label exits 0 against its folder’s Workflows, every expectation holding', ({ workflows, script }) => {
    const expectations = ((readJson(script).expect as unknown[] | undefined) ?? []).length;
    const result = simulate(...workflows, '--script', script);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${expectations} of ${expectations} expectations hold`);
    expect(result.stdout).not.toContain('✗');
  }, TIMEOUT);
});

describe('simulate CLI: --json', () => {
  const workflows = [join(HOT_LEAD, 'lead-nurture.workflow.json'), join(HOT_LEAD, 'vip-routing.workflow.json')];
  const script = join(HOT_LEAD, 'agent-takes-over.script.json');

  it('prints trace entries, then one line per run, then the summary last', () => {
    const result = simulate(...workflows, '--script', script, '--json');
    expect(result.status).toBe(0);
    const { trace, runs, summary } = parseJsonOutput(result.stdout);

    expect(trace.map((entry) => entry.seq)).toEqual(trace.map((_, i) => i));
    for (let i = 1; i < trace.length; i++) expect((trace[i] as TraceEntry).t).toBeGreaterThanOrEqual((trace[i - 1] as TraceEntry).t);
    expect(trace[0]).toMatchObject({ t: 0, kind: 'event', contact: 'dana', event: 'contact.message', text: 'Hi! Pricing?' });
    expect(trace.some((entry) => entry.kind === 'run.stopped' && entry.reason === 'outgoing_message')).toBe(true);

    for (const run of runs) expect(Object.keys(run)).toEqual(expect.arrayContaining(['kind', 'contact', 'workflow', 'status', 'reason', 'atStep', 'at']));
    const nurture = runs.find((run) => run.workflow === 'lead-nurture' || run.workflow === 'Lead nurture');
    expect(nurture).toMatchObject({ contact: 'dana', status: 'stopped', reason: 'outgoing_message' });
    expect(['wait-24h', 'Wait 24h']).toContain(nurture?.atStep);
    // Stopped by Alice's message at +3m.
    expect(nurture?.at).toBe('2026-01-05T09:03:00.000Z');
    const vip = runs.find((run) => run.workflow === 'vip-routing' || run.workflow === 'VIP routing');
    expect(vip).toMatchObject({ contact: 'dana', status: 'completed', reason: null });

    expect(summary).toMatchObject({ kind: 'summary', runs: runs.length, expectations: { passed: 3, failed: 0 } });
    expect(summary.traceHash).toMatch(/^\S+$/);
  });

  it('prints the same bytes and trace hash for the same input', () => {
    const population = join(FOLLOW_UP, 'population.script.json');
    const workflow = join(FOLLOW_UP, 'follow-up.workflow.json');
    const first = simulate(workflow, '--script', population, '--json');
    const second = simulate(workflow, '--script', population, '--json');
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const hash = parseJsonOutput(first.stdout).summary.traceHash;
    expect(parseJsonOutput(second.stdout).summary.traceHash).toBe(hash);
  }, TIMEOUT);

  it('gives another trace hash when the input changes (another seed)', () => {
    const workflow = join(FOLLOW_UP, 'follow-up.workflow.json');
    const original = readJson(join(FOLLOW_UP, 'population.script.json'));
    const population = original.population as { seed: number };
    const reseeded = writeTemp('reseeded.script.json', { ...original, population: { ...population, seed: population.seed + 1 } });
    const a = parseJsonOutput(simulate(workflow, '--script', join(FOLLOW_UP, 'population.script.json'), '--json').stdout).summary.traceHash;
    const b = parseJsonOutput(simulate(workflow, '--script', reseeded, '--json').stdout).summary.traceHash;
    expect(b).not.toBe(a);
  }, TIMEOUT);
});

describe('simulate CLI: failing expectations', () => {
  const workflow = join(FOLLOW_UP, 'follow-up.workflow.json');

  it('exits 1 and names the expectation that failed', () => {
    const script = readJson(join(FOLLOW_UP, 'nobody-answers.script.json'));
    const wrong = writeTemp('wrong-expectation.script.json', {
      ...script,
      expect: [
        { contact: 'omar', workflow: '24h follow-up', status: 'stopped', reason: 'incoming_message', atStep: 'Wait 24h' },
        { contact: 'omar', sent: 'Just checking in' },
      ],
    });
    const readable = simulate(workflow, '--script', wrong);
    expect(readable.status).toBe(1);
    expect(readable.stdout).toContain('1 of 2 expectations hold');
    const failedLines = readable.stdout.split('\n').filter((line) => line.includes('✗'));
    expect(failedLines).toHaveLength(1);
    expect(failedLines[0]).toMatch(/24h follow-up/);
    expect(failedLines[0]).toMatch(/stopped|incoming/);

    const json = simulate(workflow, '--script', wrong, '--json');
    expect(json.status).toBe(1);
    const { summary } = parseJsonOutput(json.stdout);
    expect(summary.expectations).toMatchObject({ passed: 1, failed: 1 });
    expect(summary.expectations.failures?.[0]?.message).toMatch(/24h follow-up/);
  }, TIMEOUT);

  it('exits 1 when a message expected never to be sent is sent', () => {
    const script = readJson(join(FOLLOW_UP, 'nobody-answers.script.json'));
    const wrong = writeTemp('never-sent.script.json', { ...script, expect: [{ contact: 'omar', neverSent: 'Just checking in' }] });
    const result = simulate(workflow, '--script', wrong);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✗.*Just checking in/);
  }, TIMEOUT);
});

describe('simulate CLI: bad input exits 2 and says where and what', () => {
  const workflowFile = join(FOLLOW_UP, 'follow-up.workflow.json');
  const scriptFile = join(FOLLOW_UP, 'nobody-answers.script.json');

  /** Runs with a bad input and returns stderr, checking exit code 2 and that nothing was simulated. */
  function rejected(...args: string[]): string {
    const result = simulate(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  }

  it('a missing workflow file', () => {
    const missing = join(tmp, 'no-such.workflow.json');
    expect(rejected(missing, '--script', scriptFile)).toContain(`${missing}: $: Cannot read: no such file`);
  });

  it('a missing script file', () => {
    const missing = join(tmp, 'no-such.script.json');
    expect(rejected(workflowFile, '--script', missing)).toContain(`${missing}: $: Cannot read: no such file`);
  });

  it('a file that is not JSON', () => {
    const broken = writeTemp('broken.workflow.json', '{ "format": "exitflow.workflow/1", ');
    expect(rejected(broken, '--script', scriptFile)).toMatch(new RegExp(`${escape(broken)}: \\$: Not valid JSON`));
  });

  it('a wrong type at a nested path', () => {
    const doc = readJson(workflowFile);
    (doc.steps[1] as Record<string, unknown>).type = 'send_message';
    delete (doc.steps[1] as Record<string, unknown>).delay;
    (doc.steps[1] as Record<string, unknown>).text = 42;
    const file = writeTemp('wrong-type.workflow.json', doc);
    expect(rejected(file, '--script', scriptFile)).toMatch(new RegExp(`${escape(file)}: \\$\\.steps\\[1\\]\\.text: .*Expected text`));
  });

  it('an unknown step type', () => {
    const doc = readJson(workflowFile);
    (doc.steps[2] as Record<string, unknown>).type = 'send_fax';
    const file = writeTemp('unknown-step.workflow.json', doc);
    expect(rejected(file, '--script', scriptFile)).toMatch(new RegExp(`${escape(file)}: \\$\\.steps\\[2\\]\\.type: Unknown type`));
  });

  it('a Workflow of a newer format', () => {
    const file = writeTemp('newer.workflow.json', { ...readJson(workflowFile), format: 'exitflow.workflow/3' });
    expect(rejected(file, '--script', scriptFile)).toMatch(new RegExp(`${escape(file)}: \\$\\.format: .*made by a newer version`));
  });

  it('a Workflow of an older format it cannot migrate (reported, not a crash)', () => {
    // Bad input exits 2 with the file, the JSON path and what is wrong; exit 1 means "an expectation failed".
    const file = writeTemp('older.workflow.json', { ...readJson(workflowFile), format: 'exitflow.workflow/0' });
    expect(rejected(file, '--script', scriptFile)).toContain(`${file}: $.format: `);
  });

  it('an invalid Workflow: an unreachable step, at $.steps[i]', () => {
    const doc = readJson(workflowFile);
    doc.steps.push({ id: 'orphan', type: 'send_message', label: 'Orphan', text: 'Nobody gets me' });
    const file = writeTemp('unreachable.workflow.json', doc);
    expect(rejected(file, '--script', scriptFile)).toMatch(new RegExp(`${escape(file)}: \\$\\.steps\\[4\\]: .*Orphan.*cannot be reached`));
  });

  it('a script naming an unknown Workflow in workflow.stop, at $.events[i].workflow', () => {
    const script = readJson(scriptFile);
    script.events.push({ at: '+1h', contact: 'omar', type: 'workflow.stop', user: 'bob', workflow: 'Lead nurture' });
    const file = writeTemp('unknown-workflow.script.json', script);
    expect(rejected(workflowFile, '--script', file)).toMatch(new RegExp(`${escape(file)}: \\$\\.events\\[1\\]\\.workflow: .*Lead nurture`));
  });

  it('a script event for an unknown contact, at $.events[i].contact', () => {
    const script = readJson(scriptFile);
    script.events.push({ at: '+1h', contact: 'zoe', type: 'contact.message', text: 'Hi' });
    const file = writeTemp('unknown-contact.script.json', script);
    expect(rejected(workflowFile, '--script', file)).toMatch(new RegExp(`${escape(file)}: \\$\\.events\\[1\\]\\.contact: .*zoe`));
  });

  it('lists the problems of every input file', () => {
    const workflow = writeTemp('multi.workflow.json', { ...readJson(workflowFile), name: 7 });
    const script = writeTemp('multi.script.json', { ...readJson(scriptFile), start: 'tomorrow' });
    const stderr = rejected(workflow, '--script', script);
    expect(stderr).toContain(`${workflow}: $.name: `);
    expect(stderr).toContain(`${script}: $.start: `);
  });

  it('an unknown option', () => {
    expect(rejected(workflowFile, '--script', scriptFile, '--fast')).toMatch(/Unknown option --fast[\s\S]*Usage:/);
  });

  it('a missing --script', () => {
    expect(rejected(workflowFile)).toMatch(/Missing --script[\s\S]*Usage:/);
  });

  it('--script without a file', () => {
    expect(rejected(workflowFile, '--script')).toMatch(/--script needs a file/);
  });

  it('no workflow file', () => {
    expect(rejected('--script', scriptFile)).toMatch(/at least one workflow file/i);
  });

  it.each(['soon', '-1h', '1.5h'])('an --until that is not an offset (%s)', (until) => {
    expect(rejected(workflowFile, '--script', scriptFile, '--until', until)).toMatch(new RegExp(`--until needs .*"${escape(until)}"`));
  });
});

describe('simulate CLI: --until', () => {
  const workflow = join(FOLLOW_UP, 'follow-up.workflow.json');

  it('stops the 24h follow-up before the follow-up is sent, leaving the run active', () => {
    const script = writeTemp('until.script.json', { ...readJson(join(FOLLOW_UP, 'nobody-answers.script.json')), expect: [] });

    const until = simulate(workflow, '--script', script, '--until', '+1h', '--json');
    expect(until.status).toBe(0);
    const cut = parseJsonOutput(until.stdout);
    expect(cut.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'active', at: null })]);
    expect(['wait', 'Wait 24h']).toContain(cut.runs[0]?.atStep);
    expect(cut.trace.every((entry) => entry.t <= 3_600_000)).toBe(true);
    expect(cut.trace.some((entry) => entry.kind === 'timer.set' && entry.due === 86_400_000)).toBe(true);
    expect(cut.trace.some((entry) => entry.kind === 'timer.fired')).toBe(false);
    expect(cut.trace.filter((entry) => entry.kind === 'message.sent').map((entry) => entry.text)).toEqual([
      "Thanks for your message, Omar! We'll get back to you shortly.",
    ]);

    const full = parseJsonOutput(simulate(workflow, '--script', script, '--json').stdout);
    expect(full.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'completed' })]);
    expect(full.trace.some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith('Just checking in'))).toBe(true);
  }, TIMEOUT);

  it('accepts --until=+1h and an offset without its plus sign', () => {
    const script = writeTemp('until-forms.script.json', { ...readJson(join(FOLLOW_UP, 'nobody-answers.script.json')), expect: [] });
    const forms = [
      simulate(workflow, '--script', script, '--until=+1h', '--json'),
      simulate(workflow, '--script', script, '--until', '1h', '--json'),
    ];
    for (const result of forms) {
      expect(result.status).toBe(0);
      expect(parseJsonOutput(result.stdout).runs.map((run) => run.status)).toEqual(['active']);
    }
  }, TIMEOUT);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
