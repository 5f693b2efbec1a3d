import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_EXIT, parseDiffArgs, runDiff } from '../../../simulator/cli/runDiff.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FOLLOW_UP = join(ROOT, 'public/examples/follow-up');
const HOT_LEAD = join(ROOT, 'public/examples/hot-lead');
const WORKFLOW = join(FOLLOW_UP, 'follow-up.workflow.json');
const REPLIES = join(FOLLOW_UP, 'contact-replies.script.json');
const NOBODY = join(FOLLOW_UP, 'nobody-answers.script.json');
const ASSIGNED = join(FOLLOW_UP, 'assigned.script.json');
const NEW_VERSION = join(ROOT, 'public/examples/new-version');

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run diff -- …args`, in-process. */
function run(...args: string[]): Result {
  let stdout = '';
  let stderr = '';
  const code = runDiff(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'exitflow-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeTemp(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

type Doc = Record<string, unknown> & { id: string; name: string; steps: Record<string, unknown>[] };

const followUp = (): Doc => JSON.parse(readFileSync(WORKFLOW, 'utf8')) as Doc;

/** The example follow-up waiting 2h instead of 24h (its Wait's label says so). */
const TWO_HOURS = writeTemp('follow-up-2h.workflow.json', {
  ...followUp(),
  steps: followUp().steps.map((step) => (step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step)),
});

/** No line of `text` looks like a stack frame. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/node:internal/);
}

describe('runDiff: what changes for the runs of the example scripts', () => {
  it('two identical files: exit 0, nothing listed, the runs counted', () => {
    const result = run(WORKFLOW, WORKFLOW, '--script', REPLIES, NOBODY, ASSIGNED);
    expect(result.code).toBe(DIFF_EXIT.same);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('No outcome changes: 3 runs in 3 scripts end the same\n');
  });

  it('the follow-up waiting 2h instead of 24h: exit 1, each changed run on one line with where the traces part', () => {
    const result = run(WORKFLOW, TWO_HOURS, '--script', REPLIES, NOBODY, ASSIGNED);
    expect(result.code).toBe(DIFF_EXIT.changed);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    // Nobody answers: completed at End either way, only sooner; not listed.
    expect(result.stdout).not.toContain('nobody-answers');
    expect(lines).toContain(`Incoming message: the contact writes again, the follow-up is pointless (${REPLIES})`);
    expect(lines).toContain('  Omar · 24h follow-up: stopped (incoming message) at Wait 24h → completed at End; now sends "Just checking in — did we answer your q…"');
    expect(lines).toContain(
      '  Omar · 24h follow-up (run 2): no run → completed at End; now sends "Thanks for your message, Omar! We\'ll ge…", "Just checking in — did we answer your q…"',
    );
    expect(lines).toContain('    parts at +0 — before: Timer set for +1d ("Wait 24h"); after: Timer set for +2h ("Wait 2h")');
    expect(lines).toContain('  Omar · 24h follow-up: stopped (manual assignment) at Wait 24h → completed at End; now sends "Just checking in — did we answer your q…"');
    expect(lines.at(-2)).toBe('3 of 4 runs change (in 2 of 3 scripts)');
  });

  it('scripts that publish: each publish plays on both sides with the version file beside its script; the new-version example exits 1', () => {
    const v1 = join(NEW_VERSION, 'trial-follow-up.workflow.json');
    const v2 = join(NEW_VERSION, 'versions/trial-follow-up-v2.workflow.json');
    const scripts = ['finish', 'stop', 'move', 'move-step-removed'].map((name) => join(NEW_VERSION, `${name}.script.json`));
    const changed = run(v1, v2, '--script', ...scripts);
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(DIFF_EXIT.changed);
    expect(changed.stdout).toContain('Dana · Trial follow-up: completed at End → completed at End; no longer sends "Just checking in: how is the trial goin…"');
    expect(run(v1, v1, '--script', ...scripts).code).toBe(DIFF_EXIT.same);
    // Without the version file beside the script: the file it names cannot be read, and nothing is compared.
    const alone = writeTemp('finish.script.json', readFileSync(scripts[0] as string, 'utf8'));
    const refused = run(v1, v2, '--script', alone);
    expect(refused.code).toBe(DIFF_EXIT.badInput);
    expect(refused.stderr).toContain(`${join(tmp, 'versions/trial-follow-up-v2.workflow.json')}: $: Cannot read`);
    expect(refused.stdout).toBe('');
  });

  it('the other way round, the runs no longer send the follow-up', () => {
    const result = run(TWO_HOURS, WORKFLOW, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.changed);
    expect(result.stdout).toContain('  Omar · 24h follow-up: completed at End → stopped (incoming message) at Wait 24h; no longer sends "Just checking in — did we answer your q…"\n');
    expect(result.stdout).toContain('  Omar · 24h follow-up (run 2): completed at End → no run; no longer sends');
  });

  it('--json: one line per changed run, then the summary, every line JSON', () => {
    const result = run(WORKFLOW, TWO_HOURS, '--script', REPLIES, NOBODY, '--json');
    expect(result.code).toBe(DIFF_EXIT.changed);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.kind)).toEqual(['diff', 'diff', 'summary']);
    expect(lines[0]).toEqual({
      kind: 'diff',
      contact: 'omar',
      workflow: 'follow-up',
      script: REPLIES,
      occurrence: 0,
      before: { run: 0, status: 'stopped', reason: 'incoming_message', atStep: 'wait', at: '2026-01-05T12:00:00.000Z', sent: ["Thanks for your message, Omar! We'll get back to you shortly."] },
      after: {
        run: 0,
        status: 'completed',
        reason: null,
        atStep: 'done',
        at: '2026-01-05T11:00:00.000Z',
        sent: ["Thanks for your message, Omar! We'll get back to you shortly.", 'Just checking in — did we answer your question?'],
      },
      changes: ['status', 'reason', 'step', 'messages'],
      noLongerSent: [],
      newlySent: ['Just checking in — did we answer your question?'],
      divergesAt: { at: '2026-01-05T09:00:00.000Z', offset: '+0', before: { seq: 6, what: 'Timer set for +1d ("Wait 24h")' }, after: { seq: 6, what: 'Timer set for +2h ("Wait 2h")' } },
    });
    expect(lines[1]).toMatchObject({ occurrence: 1, before: null, after: { run: 1, status: 'completed' }, changes: ['run'] });
    expect(lines[2]).toEqual({ kind: 'summary', runs: 3, changed: 2, scripts: 2 });
    expect(run(WORKFLOW, WORKFLOW, '--script', REPLIES, '--json').stdout).toBe('{"kind":"summary","runs":1,"changed":0,"scripts":1}\n');
  });

  it('other Workflows are simulated beside both versions, unchanged', () => {
    const nurture = join(HOT_LEAD, 'lead-nurture.workflow.json');
    const routing = join(HOT_LEAD, 'vip-routing.workflow.json');
    const same = run(nurture, nurture, routing, '--script', join(HOT_LEAD, 'agent-takes-over.script.json'));
    expect(same.code, same.stderr).toBe(DIFF_EXIT.same);
    expect(same.stdout).toMatch(/^No outcome changes: \d+ runs in 1 script end the same\n$/);
  });

  it('a renamed new version is compared: expectations, which name it by its old name, play no part', () => {
    const renamed = writeTemp('renamed-2h.workflow.json', { ...JSON.parse(readFileSync(TWO_HOURS, 'utf8')), name: 'Quick follow-up' });
    const result = run(WORKFLOW, renamed, '--script', REPLIES);
    expect(result.code, result.stderr).toBe(DIFF_EXIT.changed);
    expect(result.stdout).toContain('  Omar · Quick follow-up: stopped (incoming message) at Wait 24h → completed at End;');
  });

  it('names and texts from the files are escaped: a name cannot forge a line', () => {
    const forged = writeTemp('forged.workflow.json', { ...JSON.parse(readFileSync(TWO_HOURS, 'utf8')), name: 'Evil\n3 of 3 runs change\u202e' });
    const result = run(WORKFLOW, forged, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.changed);
    expect(result.stdout).toContain('Omar · Evil\\u{a}3 of 3 runs change\\u{202e}: stopped');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('3 of 3'))).toEqual([]);
  });

  it('is the same bytes and exit code as the spawned npm run diff', () => {
    const args = [WORKFLOW, TWO_HOURS, '--script', REPLIES, '--json'];
    const inProcess = run(...args);
    const spawned = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/diff.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(spawned.status).toBe(inProcess.code);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stderr).toBe('');
  }, 60_000);
});

describe('runDiff: bad input exits 2 with the file and the JSON path', () => {
  it('a broken file: its path and what is wrong, nothing compared', () => {
    const broken = writeTemp('broken.workflow.json', { ...followUp(), steps: 'none' });
    const result = run(WORKFLOW, broken, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${broken.replaceAll('/', '\\/').replaceAll('.', '\\.')}: \\$\\.steps: `, 'm'));
    expect(result.stderr).toMatch(/problems?: nothing was compared\.\n$/);
    const notJson = writeTemp('not-json.workflow.json', '{ "id": ');
    expect(run(notJson, WORKFLOW, '--script', REPLIES).stderr).toContain(`${notJson}: $`);
    expect(run(WORKFLOW, join(tmp, 'missing.workflow.json'), '--script', REPLIES).stderr).toContain(`${join(tmp, 'missing.workflow.json')}: $: Cannot read: no such file`);
  });

  it('a new version the simulator refuses (valid JSON, invalid Workflow) is named by its file, not the old one', () => {
    const doc = followUp();
    const unreachable = writeTemp('unreachable.workflow.json', { ...doc, edges: (doc.edges as { source: string }[]).filter((edge) => edge.source !== 'trigger') });
    const result = run(WORKFLOW, unreachable, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.badInput);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((line) => line.startsWith(`${unreachable}: $.`))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('a broken other Workflow is said once, though both sides load it', () => {
    const doc = followUp();
    const other = writeTemp('other.workflow.json', { ...doc, id: 'other', edges: (doc.edges as { source: string }[]).filter((edge) => edge.source !== 'trigger') });
    const result = run(WORKFLOW, TWO_HOURS, other, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.badInput);
    const lines = result.stderr.trimEnd().split('\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.startsWith(`${other}: `))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('old and new with different ids: both files and $.id named', () => {
    const renamed = writeTemp('renamed.workflow.json', { ...followUp(), id: 'another' });
    const result = run(WORKFLOW, renamed, '--script', REPLIES);
    expect(result.code).toBe(DIFF_EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${renamed}: $.id: "another" is not the id of ${WORKFLOW} ("follow-up"): the old and new files must be two versions of one Workflow\n1 problem: nothing was compared.\n`,
    );
  });

  it('a broken script is named by its file', () => {
    const script = writeTemp('broken.script.json', { ...JSON.parse(readFileSync(REPLIES, 'utf8')), events: [{ at: 'soon', contact: 'omar', type: 'contact.message', text: 'hi' }] });
    const result = run(WORKFLOW, TWO_HOURS, '--script', REPLIES, script);
    expect(result.code).toBe(DIFF_EXIT.badInput);
    expect(result.stderr).toContain(`${script}: $.events[0].at: `);
  });

  it('arguments: usage on every mistake, exit 2', () => {
    for (const args of [[WORKFLOW, '--script', REPLIES], [WORKFLOW, TWO_HOURS], [WORKFLOW, TWO_HOURS, '--script'], [WORKFLOW, TWO_HOURS, '--script', REPLIES, '--until', '+1d'], [WORKFLOW, TWO_HOURS, '--script', REPLIES, '--json', '--json']]) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(DIFF_EXIT.badInput);
      expect(result.stderr, args.join(' ')).toMatch(/\nUsage: npm run diff -- <old\.workflow\.json> <new\.workflow\.json>/);
      expect(result.stdout).toBe('');
    }
    expect(parseDiffArgs([WORKFLOW, TWO_HOURS, '--script', REPLIES, NOBODY, '--json', `--script=${ASSIGNED}`])).toEqual({
      old: WORKFLOW,
      new: TWO_HOURS,
      others: [],
      scripts: [REPLIES, NOBODY, ASSIGNED],
      json: true,
    });
    expect(parseDiffArgs([WORKFLOW, '--script', REPLIES, TWO_HOURS])).toMatch(/old and the new version/);
    expect(parseDiffArgs([WORKFLOW, TWO_HOURS, '--script', ...Array.from({ length: 201 }, () => REPLIES)])).toBe('At most 200 scripts can be diffed at once (201 given)');
  });
});

describe('runDiff: an internal error is one line and exit 3, never a stack trace', () => {
  it('an exception while printing becomes "internal error: …"', () => {
    let stderr = '';
    const code = runDiff([WORKFLOW, TWO_HOURS, '--script', REPLIES], {
      stdout: () => {
        throw new RangeError('Invalid time value\n    at Date.toISOString (<anonymous>)');
      },
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(DIFF_EXIT.internalError);
    expect(stderr).toBe('internal error: RangeError: Invalid time value\n');
    expectNoStackTrace(stderr);
  });
});
