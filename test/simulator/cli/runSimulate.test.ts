import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScriptFile, loadWorkflowFile, readTextFile } from '../../../simulator/cli/loadDocuments.ts';
import { USAGE } from '../../../simulator/cli/parseArgs.ts';
import { runSimulate } from '../../../simulator/cli/runSimulate.ts';
import { EXIT, writeResults } from '../../../simulator/cli/writeResults.ts';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { formatOffset } from '../../../simulator/schema/duration.ts';
import { LIMITS } from '../../../simulator/schema/limits.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FOLLOW_UP = join(ROOT, 'public/examples/follow-up');
const HOT_LEAD = join(ROOT, 'public/examples/hot-lead');
const WORKFLOW = join(FOLLOW_UP, 'follow-up.workflow.json');
const SCRIPT = join(FOLLOW_UP, 'nobody-answers.script.json');

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds the call took. */
  readonly ms: number;
}

/** `npm run simulate -- …args`, in-process. */
function run(...args: string[]): Result {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const code = runSimulate(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, ms: performance.now() - started };
}

const tmp = mkdtempSync(join(tmpdir(), 'exitflow-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeTemp(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

type Doc = Record<string, unknown> & { steps: Record<string, unknown>[]; contacts: Record<string, unknown>[]; events: Record<string, unknown>[] };

/** No line of `text` looks like a stack frame, and nothing mentions an uncaught error. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/RangeError|TypeError|node:internal/);
}

describe('runSimulate: the command line in-process', () => {
  it('prints the same bytes and exit code as the spawned command', () => {
    const args = [join(HOT_LEAD, 'lead-nurture.workflow.json'), join(HOT_LEAD, 'vip-routing.workflow.json'), '--script', join(HOT_LEAD, 'agent-takes-over.script.json')];
    for (const extra of [[], ['--json']]) {
      const inProcess = run(...args, ...extra);
      const spawned = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', ...args, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(inProcess.code).toBe(0);
      expect(spawned.status).toBe(inProcess.code);
      expect(spawned.stdout).toBe(inProcess.stdout);
      expect(spawned.stderr).toBe(inProcess.stderr);
    }
  }, 60_000);

  it('exits 0, 1 and 2 as the contract says', () => {
    expect(run(WORKFLOW, '--script', SCRIPT).code).toBe(EXIT.ok);
    const wrong = writeTemp('fails.script.json', { ...readJson<Doc>(SCRIPT), expect: [{ contact: 'omar', neverSent: 'Just checking in' }] });
    expect(run(WORKFLOW, '--script', wrong).code).toBe(EXIT.expectationFailed);
    expect(run(WORKFLOW).code).toBe(EXIT.badInput);
  });
});

describe('runSimulate: --until at most the simulation horizon', () => {
  /** The 24h follow-up with a Wait far past any date: its timer fired inside a huge --until. */
  const longWait = () => {
    const doc = readJson<Doc>(WORKFLOW);
    (doc.steps[1] as { delay: unknown }).delay = { kind: 'duration', duration: '200000000d' };
    return writeTemp('long-wait.workflow.json', doc);
  };

  it('refuses +200000000d with exit 2, naming the limit, where it crashed with a RangeError (exit 1)', () => {
    for (const json of [[], ['--json']]) {
      const result = run(WORKFLOW, '--script', SCRIPT, '--until', '+200000000d', ...json);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^--until \+200000000d is past the simulation horizon: at most \+3650d \(10 years\)/);
      expect(result.stderr).toContain('Usage:');
    }
    // A spawned run with the Wait that crashed: exit 2, no stack trace.
    const spawned = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', longWait(), '--script', SCRIPT, '--until', '+200000000d', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(spawned.status).toBe(2);
    expect(spawned.stdout).toBe('');
    expect(spawned.stderr).toContain('+3650d');
    expectNoStackTrace(spawned.stderr);
  }, 60_000);

  it('accepts the horizon itself and refuses a second more, in both forms', () => {
    expect(LIMITS.horizonMs).toBe(3650 * 86_400_000);
    const script = writeTemp('until-horizon.script.json', { ...readJson<Doc>(SCRIPT), expect: [] });
    expect(run(WORKFLOW, '--script', script, '--until', '+3650d').code).toBe(0);
    expect(run(WORKFLOW, '--script', script, '--until=3650d').code).toBe(0);
    for (const until of ['+3650d1s', '3651d', '--until=+87601h']) {
      const result = until.startsWith('--') ? run(WORKFLOW, '--script', script, until) : run(WORKFLOW, '--script', script, '--until', until);
      expect(result.code, until).toBe(2);
      expect(result.stderr, until).toMatch(/is past the simulation horizon: at most \+3650d/);
    }
  });

  it('refuses an offset of 400 digits (Infinity ms) quickly, quoting it cut short', () => {
    const result = run(WORKFLOW, '--script', SCRIPT, '--until', `${'9'.repeat(400)}d`);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^--until \+9{38}… is past the simulation horizon/);
    expect(result.ms).toBeLessThan(2_000);
  });
});

describe('runSimulate: an internal error is one line and exit 3, never a stack trace', () => {
  it('an exception while printing (here from stdout) becomes "internal error: …"', () => {
    let stderr = '';
    const code = runSimulate([WORKFLOW, '--script', SCRIPT], {
      stdout: () => {
        throw new RangeError('Invalid time value\n    at Date.toISOString (<anonymous>)');
      },
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(EXIT.internalError);
    expect(stderr).toBe('internal error: RangeError: Invalid time value\n');
  });

  it('a thrown non-Error value, with control characters, is one escaped line', () => {
    let stderr = '';
    const code = runSimulate([WORKFLOW, '--script', SCRIPT, '--json'], {
      stdout: () => {
        throw 'bad\u001b[2Jthing';
      },
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(3);
    expect(stderr).toBe('internal error: bad\\u{1b}[2Jthing\n');
  });
});

describe('runSimulate: an option given twice is an error', () => {
  const other = join(FOLLOW_UP, 'contact-replies.script.json');
  it.each([
    ['--script twice', ['--script', SCRIPT, '--script', other], '--script'],
    ['--script and --script=', ['--script', SCRIPT, `--script=${other}`], '--script'],
    ['the same --script twice', ['--script', SCRIPT, '--script', SCRIPT], '--script'],
    ['--until twice', ['--script', SCRIPT, '--until', '+1h', '--until=+2h'], '--until'],
    ['--json twice', ['--script', SCRIPT, '--json', '--json'], '--json'],
  ])('%s: exit 2, nothing simulated', (_label, args, option) => {
    const result = run(WORKFLOW, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${option} is given twice; give it once\\nUsage:`));
  });
});

describe('runSimulate: at most LIMITS.workflows workflow files, said before any is read', () => {
  it('1,001 workflow files: exit 2 at once', () => {
    const result = run(...Array.from({ length: LIMITS.workflows + 1 }, () => '/dev/zero'), '--script', SCRIPT);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^At most 1,000 Workflows can be simulated together \(1,001 workflow files given\)\nUsage:/);
  });
});

describe('runSimulate: only regular files, at most LIMITS.scriptFileBytes / workflowFileBytes', () => {
  const refused = (result: Result, file: string, why: string) => {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}: $: Cannot read: ${why}\n`);
    expect(result.ms).toBeLessThan(2_000);
  };

  it('/dev/zero as a Workflow or a script is refused at once (it was read without end)', () => {
    refused(run('/dev/zero', '--script', SCRIPT), '/dev/zero', 'is not a regular file');
    refused(run(WORKFLOW, '--script', '/dev/zero'), '/dev/zero', 'is not a regular file');
  });

  it('a FIFO with no writer is refused at once (its open hung)', () => {
    const fifo = join(tmp, 'pipe.workflow.json');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here
    refused(run(fifo, '--script', SCRIPT), fifo, 'is not a regular file');
    refused(run(WORKFLOW, '--script', fifo), fifo, 'is not a regular file');
  });

  it('a folder is still "a folder, not a file"', () => {
    const folder = join(tmp, 'folder.workflow.json');
    mkdirSync(folder);
    refused(run(folder, '--script', SCRIPT), folder, 'is a folder, not a file');
  });

  it.each([
    ['script', 'big.script.json', LIMITS.scriptFileBytes, '64 MB'],
    ['Workflow', 'big.workflow.json', LIMITS.workflowFileBytes, '4 MB'],
  ])('a %s file one byte over its cap is refused before it is read; at the cap exactly it is read', (kind, name, cap, words) => {
    const big = join(tmp, name);
    const args = (file: string) => (kind === 'script' ? [WORKFLOW, '--script', file] : [file, '--script', SCRIPT]);
    const fd = openSync(big, 'w');
    ftruncateSync(fd, cap + 1); // sparse: costs no disk
    closeSync(fd);
    refused(run(...args(big)), big, `is larger than ${words}, the most exitflow reads`);

    const fd2 = openSync(big, 'r+');
    ftruncateSync(fd2, cap);
    closeSync(fd2);
    const atCap = run(...args(big));
    expect(atCap.code).toBe(2);
    expect(atCap.stderr).toContain(`${name}: $: Not valid JSON`);
    rmSync(big);
  });

  it('Workflow files together are capped too: reading stops at the file that passes 64 million characters', () => {
    const files = Array.from({ length: 16 }, (_, i) => {
      const file = join(tmp, `many-${i}.workflow.json`);
      const fd = openSync(file, 'w');
      ftruncateSync(fd, LIMITS.workflowFileBytes); // sparse, at the per-file cap
      closeSync(fd);
      return file;
    });
    const result = run(...files, '--script', SCRIPT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${files[15]}: $: Cannot read: the Workflow files up to this one hold more than 64 million characters, the most exitflow reads at once`);
    for (const file of files) rmSync(file);
  });

  it('reads no more than the cap (plus one byte) from a file whose size says less (/proc)', () => {
    const proc = '/proc/self/status';
    if (!existsSync(proc)) return;
    expect(readTextFile(proc, 16)).toEqual({ ok: false, why: 'is larger than 16 bytes, the most exitflow reads' });
    const whole = readTextFile(proc, 1 << 20);
    expect(whole.ok && whole.text.length > 16).toBe(true);
  });

  it('reads a file at the cap whole, and a missing file is "no such file"', () => {
    const file = writeTemp('exact.txt', 'héllo'); // 6 bytes
    expect(readTextFile(file, 6)).toEqual({ ok: true, text: 'héllo' });
    expect(readTextFile(file, 5)).toEqual({ ok: false, why: 'is larger than 5 bytes, the most exitflow reads' });
    expect(readTextFile(join(tmp, 'missing.json'), 6)).toEqual({ ok: false, why: 'no such file' });
  });
});

describe('runSimulate: names and texts are escaped in every line printed as text', () => {
  const FORGED = '/etc/forged.json: $.steps[0]: forged problem';

  it('a step label holding a newline cannot forge a second problem line', () => {
    const doc = readJson<Doc>(WORKFLOW);
    doc.steps.push({ id: 'orphan', type: 'send_message', label: `Orphan\n${FORGED}\r\u001b[2K`, text: 'Nobody gets me' });
    const file = writeTemp('forge.workflow.json', doc);
    const result = run(file, '--script', SCRIPT);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -2).every((line) => line.startsWith(`${file}: $.`))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\d+ problems?: nothing was simulated\.$/);
    expect(result.stderr).not.toMatch(/^\/etc\/forged/m);
    expect(result.stderr).toContain(`Orphan\\u{a}${FORGED}\\u{d}\\u{1b}[2K`);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).not.toContain('\u001b');
  });

  it('a file name and an unknown option holding controls are escaped too', () => {
    const missing = join(tmp, 'evil\nname.json');
    const result = run(missing, '--script', SCRIPT);
    expect(result.stderr).toContain(`${join(tmp, 'evil\\u{a}name.json')}: $: Cannot read: no such file\n`);
    expect(result.stderr.split('\n')).toHaveLength(3);
    const option = run(WORKFLOW, '--script', SCRIPT, '--x\u202e\n--json');
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(`Unknown option --x\\u{202e}\\u{a}--json\n${USAGE}\n`);
    expect(USAGE).toMatch(/^Usage: npm run simulate -- <workflow\.json>\.\.\. --script <script\.json> \[--until \+30d\] \[--json\] \[--coverage \[--script <script\.json>\]\.\.\.\]\n {3}or: npm run simulate -- <folder or script\.json>\.\.\. \[--shard K\/N\]/);
  });

  /** The hot-lead script with NUL, a newline and a right-to-left override in names and texts. */
  const hostileScript = () => {
    const doc = readJson<Doc>(join(HOT_LEAD, 'agent-takes-over.script.json'));
    (doc.contacts[0] as { name: string }).name = 'Da\u202ena\0';
    (doc.events[0] as { text: string }).text = 'Hi!\nfile.json: $: forged\u2066 Pricing?\u0085';
    return writeTemp('hostile.script.json', doc);
  };
  const workflows = [join(HOT_LEAD, 'lead-nurture.workflow.json'), join(HOT_LEAD, 'vip-routing.workflow.json')];

  it('the readable trace writes NUL, newlines, C1 and bidi controls of names and messages as \\u{…}', () => {
    const result = run(...workflows, '--script', hostileScript());
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\0\u0085\u202e\u2066\r]/);
    expect(result.stdout).not.toMatch(/^file\.json/m);
    expect(result.stdout).toContain('Da\\u{202e}na\\u{0}');
    expect(result.stdout).toContain('"Hi!\\u{a}file.json: $: forged\\u{2066} Pricing?\\u{85}"');
    // Every trace row still has its columns: the escaped name is padded, not a line break.
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('+'));
    expect(rows.length).toBeGreaterThan(3);
    for (const line of rows) expect(line.slice(10, 11)).toBe(' ');
  });

  it('--json keeps the texts exact when parsed, with no raw bidi or C1 character on the terminal', () => {
    const result = run(...workflows, '--script', hostileScript(), '--json');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\0\u0085\u202e\u2066\r]/);
    const first = JSON.parse(result.stdout.split('\n')[0] as string) as { text: string };
    expect(first.text).toBe('Hi!\nfile.json: $: forged\u2066 Pricing?\u0085');
  });
});

describe('runSimulate: a simulation stopped short at a work cap', () => {
  const inputs = () => {
    const workflow = loadWorkflowFile(WORKFLOW).value as Workflow;
    const script = loadScriptFile(SCRIPT).value as Script;
    return { workflows: [workflow], script };
  };
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) } };
  };

  it('prints everything it has, then says where it stopped on stderr, and exits 2', () => {
    const { workflows, script } = inputs();
    const prepared = prepareSimulation({ workflows, script });
    if (!prepared.ok) throw new Error('the example is valid');
    const sim = prepared.simulation.runToEnd();
    const at = 12 * 86_400_000 + 3 * 3_600_000;
    sim.stoppedShort = { reason: 'trace_limit', entries: 10_000_000, at };

    const text = capture();
    expect(writeResults(sim, { workflows, script, json: false }, text.io)).toBe(2);
    expect(text.out.stdout).toContain('2 of 2 expectations hold');
    expect(text.out.stderr).toBe('The simulation stopped after 10,000,000 trace entries at +12d3h, the most one simulation records — narrow the script or the horizon (--until)\n');

    const json = capture();
    expect(writeResults(sim, { workflows, script, json: true }, json.io)).toBe(2);
    const lines = json.out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(sim.trace.length + 2);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ kind: 'summary', stoppedShort: { reason: 'trace_limit', entries: 10_000_000, at } });
    expect(json.out.stderr).toBe(text.out.stderr);
  });

  it('a finished simulation has no stoppedShort in its summary', () => {
    const result = run(WORKFLOW, '--script', SCRIPT, '--json');
    expect(result.stdout.trimEnd().split('\n').at(-1)).not.toContain('stoppedShort');
  });

  it('a real cap (SimulationInput.maxTraceEntries) stops a population short: what it has, the message, exit 2', () => {
    const workflow = loadWorkflowFile(WORKFLOW).value as Workflow;
    const script = loadScriptFile(join(FOLLOW_UP, 'population.script.json')).value as Script;
    const sim = new Simulation({ workflows: [workflow], script, maxTraceEntries: 100 }).runToEnd();
    expect(sim.stoppedShort).toMatchObject({ reason: 'trace_limit' });
    const { entries, at } = sim.stoppedShort as NonNullable<typeof sim.stoppedShort>;
    expect(entries).toBeGreaterThanOrEqual(100);

    const json = capture();
    expect(writeResults(sim, { workflows: [workflow], script, json: true }, json.io)).toBe(2);
    const lines = json.out.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string });
    expect(lines.filter((line) => line.kind !== 'run' && line.kind !== 'summary')).toHaveLength(sim.trace.length);
    expect(lines.at(-1)).toMatchObject({ kind: 'summary', stoppedShort: { reason: 'trace_limit', entries, at } });
    expect(json.out.stderr).toBe(`The simulation stopped after ${entries} trace entries at ${formatOffset(at)}, the most one simulation records — narrow the script or the horizon (--until)\n`);
  });
});

describe('runSimulate: paused runs and the contact expectations', () => {
  it('prints a paused run with since when and when it resumes, in text and in JSON lines', () => {
    const workflow = readJson<Doc>(WORKFLOW);
    workflow.settings = {
      manualStop: true,
      exitConditions: { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } },
      pause: { resume: { on: 'silence', after: '2h' } },
    };
    const script = readJson<Doc>(SCRIPT);
    const contact = String(script.contacts[0]?.id);
    const users = [{ id: 'alice', name: 'Alice' }];
    const events = [
      { at: '+0', contact, type: 'contact.message', text: 'Hi' },
      { at: '+1h', contact, type: 'agent.message', user: 'alice', text: 'On it' },
    ];
    const expect_ = [
      { contact, workflow: String(workflow.id), status: 'paused', reason: 'outgoing_message' },
      { contact, lacksTag: 'nurture' },
    ];
    const pausedScript = writeTemp('paused.script.json', { ...script, users, events, expect: expect_ });
    const pausedWorkflow = writeTemp('paused.workflow.json', workflow);
    const text = run(pausedWorkflow, '--script', pausedScript, '--until', '+2h');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/: paused: outgoing message at "?Wait 24h"? \(since \+1h; resumes at \+3h if your team stays quiet\)/);
    expect(text.stdout).toContain('2 of 2 expectations hold');
    const json = run(pausedWorkflow, '--script', pausedScript, '--until', '+2h', '--json');
    const runLine = json.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.kind === 'run');
    expect(runLine).toMatchObject({ status: 'paused', reason: 'outgoing_message', at: null, resumesAt: expect.stringMatching(/T1[0-9]:/) });
    expect(runLine?.pausedAt).toEqual(expect.any(String));
  });
});

describe('runSimulate: a script that publishes a new version', () => {
  it('reads the new version from a file beside the script and moves the run in flight to it', () => {
    const folder = join(tmp, 'publish');
    mkdirSync(folder, { recursive: true });
    const v1 = readJson<Doc>(WORKFLOW);
    const v2 = { ...v1, steps: v1.steps.map((step) => (step.id === 'check-in' ? { ...step, text: 'Version two checks in.' } : step)) };
    writeFileSync(join(folder, 'follow-up-v2.workflow.json'), JSON.stringify(v2));
    const script = readJson<Doc>(SCRIPT);
    const contact = String(script.contacts[0]?.id);
    const events = [
      { at: '+0', contact, type: 'contact.message', text: 'Hi' },
      { at: '+1h', type: 'workflow.publish', workflow: String(v1.id), file: 'follow-up-v2.workflow.json', policy: 'move' },
    ];
    const scriptFile = join(folder, 'publish.script.json');
    writeFileSync(scriptFile, JSON.stringify({ ...script, events, expect: [{ contact, sent: 'Version two checks in.' }] }));
    const result = run(WORKFLOW, '--script', scriptFile);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('New version of 24h follow-up published ("follow-up-v2.workflow.json"): runs in flight move to it');
    expect(result.stdout).toContain('moved to the new version at "Wait 24h"');
  });

  it('names a missing new version by its path, and nothing is simulated', () => {
    const folder = join(tmp, 'publish-missing');
    mkdirSync(folder, { recursive: true });
    const script = readJson<Doc>(SCRIPT);
    const scriptFile = join(folder, 'publish.script.json');
    writeFileSync(scriptFile, JSON.stringify({ ...script, events: [{ at: '+1h', type: 'workflow.publish', workflow: 'follow-up', file: 'nowhere.workflow.json', policy: 'stop' }], expect: [] }));
    const result = run(WORKFLOW, '--script', scriptFile);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toContain(join(folder, 'nowhere.workflow.json'));
    expectNoStackTrace(result.stderr);
  });
});
