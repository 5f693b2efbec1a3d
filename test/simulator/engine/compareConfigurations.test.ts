import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPARE_DEFAULT_RESUME, compareConfigurations, EXIT_CONFIGURATIONS, withExitConfiguration } from '../../../simulator/engine/compareConfigurations.ts';
import {
  compareResultSchema,
  type CompareCell,
  type CompareResult,
  type CompareRun,
  type ExitConfiguration,
  type ExitConfigurationId,
} from '../../../simulator/schema/compare.ts';
import { LIMITS } from '../../../simulator/schema/limits.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { deepFreeze } from '../../harness/deepFreeze.ts';
import { exampleScript, exampleWorkflow } from '../../harness/exampleDocuments.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { buildWorkflow, everySecondWorkflow, FOLLOW_UP, followUpWorkflow, noExits, pauseOn, steps } from '../../harness/workflowFixtures.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'public/examples');

/** The seed examples as public/examples/index.json lists them. */
const index = JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8')) as {
  situations: { id: string; workflows: string[]; scripts: string[] }[];
};
const situation = (id: string) => {
  const found = index.situations.find((entry) => entry.id === id);
  if (!found) throw new Error(`No situation "${id}" in index.json`);
  return {
    id,
    files: found.workflows,
    workflows: found.workflows.map((file) => exampleWorkflow(`${id}/${file}`)),
    scriptFiles: found.scripts,
    scripts: found.scripts.map((file) => exampleScript(`${id}/${file}`)),
  };
};
const followUp = situation('follow-up');
const hotLead = situation('hot-lead');

/** The cell of the script named `scriptName` (or at that index) under a configuration. */
function cell(result: CompareResult, script: string | number, configuration: ExitConfigurationId): CompareCell {
  const row = typeof script === 'number' ? result.rows[script] : result.rows.find((candidate) => candidate.name === script);
  const found = row?.cells.find((candidate) => candidate.configuration === configuration);
  if (!found) throw new Error(`No cell ${String(script)} × ${configuration}`);
  return found;
}

function okCell(result: CompareResult, script: string | number, configuration: ExitConfigurationId): Extract<CompareCell, { ok: true }> {
  const found = cell(result, script, configuration);
  if (!found.ok) throw new Error(`Cell ${String(script)} × ${configuration} has problems: ${found.problems.map((p) => p.message).join('; ')}`);
  return found;
}

const outcome = (run: CompareRun | undefined) => run && { status: run.status, reason: run.reason, atStep: run.atStep?.label, at: run.at };

const COLUMNS = ['off', 'outgoing', 'outgoing-pause', 'incoming', 'incoming-pause', 'assignment', 'assignment-pause', 'all'];

function configuration(id: ExitConfigurationId): ExitConfiguration {
  const found = EXIT_CONFIGURATIONS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no "${id}"`);
  return found;
}

describe('EXIT_CONFIGURATIONS', () => {
  it('are the eight columns, off first, each condition stopping then pausing, each selecting exactly its conditions', () => {
    expect(EXIT_CONFIGURATIONS.map((column) => [column.id, column.exitConditions])).toEqual([
      ['off', { enabled: false, on: [] }],
      ['outgoing', { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'stop' } }],
      ['outgoing-pause', { enabled: true, on: ['outgoing_message'], actions: { outgoing_message: 'pause' } }],
      ['incoming', { enabled: true, on: ['incoming_message'], actions: { incoming_message: 'stop' } }],
      ['incoming-pause', { enabled: true, on: ['incoming_message'], actions: { incoming_message: 'pause' } }],
      ['assignment', { enabled: true, on: ['manual_assignment'], actions: { manual_assignment: 'stop' } }],
      ['assignment-pause', { enabled: true, on: ['manual_assignment'], actions: { manual_assignment: 'pause' } }],
      ['all', { enabled: true, on: ['outgoing_message', 'incoming_message', 'manual_assignment'] }],
    ]);
    expect(new Set(EXIT_CONFIGURATIONS.map((column) => column.label)).size).toBe(8);
  });

  it('withExitConfiguration changes only exitConditions, keeping manualStop, and copies the list', () => {
    const workflow = deepFreeze(exampleWorkflow('hot-lead/lead-nurture.workflow.json'));
    const all = configuration('all');
    const changed = withExitConfiguration(workflow, all);
    expect(changed).toEqual({ ...workflow, settings: { manualStop: true, exitConditions: all.exitConditions } });
    expect(changed.settings.exitConditions.on).not.toBe(all.exitConditions.on);
  });

  it('withExitConfiguration: "All conditions" keeps what the Workflow says each condition does; a condition alone says it itself', () => {
    const workflow = exampleWorkflow('hot-lead/lead-nurture.workflow.json');
    const pausing = { ...workflow, settings: { ...workflow.settings, exitConditions: { ...workflow.settings.exitConditions, actions: { outgoing_message: 'pause' as const } } } };
    expect(withExitConfiguration(pausing, configuration('all')).settings.exitConditions).toEqual({ ...configuration('all').exitConditions, actions: { outgoing_message: 'pause' } });
    expect(withExitConfiguration(pausing, configuration('outgoing')).settings.exitConditions.actions).toEqual({ outgoing_message: 'stop' });
  });

  it('withExitConfiguration: a Pause column keeps the Workflow’s own resume rule, or resumes after 2h of quiet when it has none', () => {
    const workflow = deepFreeze(exampleWorkflow('hot-lead/lead-nurture.workflow.json'));
    expect(workflow.settings.pause).toBeUndefined();
    const paused = withExitConfiguration(workflow, configuration('incoming-pause'));
    expect(paused.settings.exitConditions.actions).toEqual({ incoming_message: 'pause' });
    expect(paused.settings.pause).toEqual({ resume: COMPARE_DEFAULT_RESUME });
    expect(COMPARE_DEFAULT_RESUME).toEqual({ on: 'silence', after: '2h' });
    const onClose = { ...workflow, settings: { ...workflow.settings, pause: { resume: { on: 'conversation_closed' as const } } } };
    expect(withExitConfiguration(onClose, configuration('incoming-pause')).settings.pause).toEqual({ resume: { on: 'conversation_closed' } });
    // A Stop column writes no resume rule: nothing pauses.
    expect(withExitConfiguration(workflow, configuration('incoming')).settings.pause).toBeUndefined();
    for (const column of EXIT_CONFIGURATIONS) expect(validateWorkflow(withExitConfiguration(workflow, column)), column.id).toEqual([]);
  });
});

describe('compareConfigurations: Pause beside Stop (hand-back)', () => {
  const agentAnswers = 'Outgoing message: an agent answers, the follow-up is pointless';
  const result = compareConfigurations(deepFreeze(followUp.workflows), deepFreeze(followUp.scripts.filter((script) => script.name === agentAnswers)));

  it('an agent answers at +45m: Stop ends the run there and the follow-up is not sent; Pause holds it 2h, then the follow-up goes out 23h15m later', () => {
    const stopped = okCell(result, agentAnswers, 'outgoing');
    expect(stopped.runs.map(outcome)).toEqual([{ status: 'stopped', reason: 'outgoing_message', atStep: 'Wait 24h', at: ms('+45m') }]);
    expect(stopped.notSent.map((message) => message.step.label)).toEqual(['Follow-up']);

    const paused = okCell(result, agentAnswers, 'outgoing-pause');
    // Resumed at +2h45m with the 23h15m its Wait had left: the follow-up is sent at +26h, later than under "off" (+1d) but sent.
    expect(paused.runs.map(outcome)).toEqual([{ status: 'completed', reason: undefined, atStep: 'End', at: ms('+26h') }]);
    expect(paused.notSent).toEqual([]);
    // Its end alone would not tell it paused on the way: the cell is told how often.
    expect(paused.runs[0]?.pauses).toBe(1);
    expect(stopped.runs[0]).not.toHaveProperty('pauses');
    expect(okCell(result, agentAnswers, 'off').runs[0]).not.toHaveProperty('pauses');
  });

  it('counts every pause of a run: an agent who answers twice, 3h apart, pauses it twice', () => {
    const script = harness(followUpWorkflow()).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').at('+4h').agentSays('alice', 'Anything else?').script();
    const [run] = okCell(compareConfigurations([followUpWorkflow()], [script]), 0, 'outgoing-pause').runs;
    expect(run).toMatchObject({ status: 'completed', pauses: 2 });
  });

  it('a condition that is not met pauses nothing: its Pause column is its Stop column', () => {
    for (const [stop, pause] of [['incoming', 'incoming-pause'], ['assignment', 'assignment-pause']] as const)
      expect(okCell(result, agentAnswers, pause).runs).toEqual(okCell(result, agentAnswers, stop).runs);
  });

  it('a run still paused at the end says where, since when, what its timer had left and how it resumes', () => {
    const onClose = followUpWorkflow(pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } }));
    const script = harness(onClose).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'I am on it').script();
    const cellRuns = okCell(compareConfigurations([onClose], [script]), 0, 'outgoing-pause').runs;
    expect(cellRuns).toEqual([
      expect.objectContaining({ status: 'paused', reason: 'outgoing_message', atStep: { id: 'wait-24h', label: 'Wait 24h' }, at: ms('+1h'), remaining: ms('+23h') }),
    ]);
    expect(cellRuns[0]).not.toHaveProperty('resumesAt');
    expect(cellRuns[0]?.pauses).toBe(1);
    expect(cellRuns[0]).not.toHaveProperty('due');
    const quiet = okCell(compareConfigurations([onClose], [script], { until: ms('+2h') }), 0, 'outgoing-pause');
    expect(quiet.runs[0]?.status).toBe('paused');
    const silence = okCell(compareConfigurations([followUpWorkflow()], [script], { until: ms('+2h') }), 0, 'outgoing-pause');
    expect(silence.runs[0]).toMatchObject({ status: 'paused', remaining: ms('+23h'), resumesAt: ms('+3h') });
  });
});

describe('compareConfigurations', () => {
  const followUpResult = compareConfigurations(deepFreeze(followUp.workflows), deepFreeze(followUp.scripts));

  it('answers plain data the schema accepts: one row per script, one cell per configuration', () => {
    expect(compareResultSchema.parse(followUpResult)).toEqual(followUpResult);
    expect(JSON.parse(JSON.stringify(followUpResult))).toEqual(followUpResult);
    expect(followUpResult.workflow).toBeNull();
    expect(followUpResult.configurations).toEqual(EXIT_CONFIGURATIONS);
    expect(followUpResult.rows.map((row) => row.name)).toEqual(followUp.scripts.map((script) => script.name));
    for (const row of followUpResult.rows) expect(row.cells.map((c) => c.configuration)).toEqual(COLUMNS);
  });

  it('contact replies: only "incoming" and "all" stop at Wait 24h at +3h, and the follow-up is not sent there', () => {
    const script = 'Incoming message: the contact writes again, the follow-up is pointless';
    const off = okCell(followUpResult, script, 'off');
    expect(off.runs.map(outcome)).toEqual([{ status: 'completed', reason: undefined, atStep: 'End', at: ms('+1d') }]);
    expect(off.notSent).toEqual([]);
    for (const configuration of ['incoming', 'all'] as const) {
      const stopped = okCell(followUpResult, script, configuration);
      expect(stopped.runs).toEqual([
        {
          run: 0,
          contact: { id: 'omar', name: 'Omar' },
          workflow: { id: 'follow-up', name: '24h follow-up' },
          status: 'stopped',
          reason: 'incoming_message',
          atStep: { id: 'wait', label: 'Wait 24h' },
          startedAt: 0,
          at: ms('+3h'),
        },
      ]);
      expect(stopped.notSent).toEqual([
        {
          contact: { id: 'omar', name: 'Omar' },
          workflow: { id: 'follow-up', name: '24h follow-up' },
          step: { id: 'check-in', label: 'Follow-up' },
          text: 'Just checking in — did we answer your question?',
          at: ms('+1d'),
        },
      ]);
    }
    for (const configuration of ['outgoing', 'assignment'] as const) {
      expect(okCell(followUpResult, script, configuration).runs.map((run) => run.status)).toEqual(['completed']);
      expect(okCell(followUpResult, script, configuration).notSent).toEqual([]);
    }
  });

  it('each follow-up script stops only under its own condition and "all"', () => {
    const stopsUnder: Record<string, ExitConfigurationId> = {
      'agent-answers.script.json': 'outgoing',
      'contact-replies.script.json': 'incoming',
      'assigned.script.json': 'assignment',
      'reply-at-the-same-second.script.json': 'incoming',
    };
    followUp.scriptFiles.forEach((file, i) => {
      if (file === 'population.script.json') return;
      for (const configuration of EXIT_CONFIGURATIONS) {
        const runs = okCell(followUpResult, i, configuration.id).runs;
        const stops = configuration.id === 'all' ? file in stopsUnder : stopsUnder[file] === configuration.id;
        // Paused instead, the run resumes after 2h of quiet and completes.
        expect(runs.map((run) => run.status), `${file} × ${configuration.id}`).toEqual([stops ? 'stopped' : 'completed']);
      }
    });
  });

  it('keeps each Workflow’s manualStop: a refused stop stays refused, an allowed one happens, in every column', () => {
    const refused = followUpResult.rows[followUp.scriptFiles.indexOf('stop-refused-not-allowed.script.json')];
    for (const c of refused?.cells ?? []) expect(c.ok && c.runs.map((run) => run.status)).toEqual(['completed']);
    const hot = compareConfigurations(hotLead.workflows, [exampleScript('hot-lead/agent-stops-it.script.json')]);
    for (const c of hot.rows[0]?.cells ?? []) {
      const nurture = c.ok ? c.runs.filter((run) => run.workflow.id === 'lead-nurture') : [];
      expect(nurture.map((run) => [run.status, run.reason, run.stoppedBy?.name, run.atStep?.label])).toEqual([['stopped', 'manual', 'Alice', 'Ask what they need']]);
    }
  });

  it('applies the configurations to the chosen Workflow only (by id or name) and reports its runs only', () => {
    const workflows = deepFreeze(hotLead.workflows);
    const byName = compareConfigurations(workflows, hotLead.scripts, { workflow: 'Lead nurture' });
    expect(byName).toEqual(compareConfigurations(workflows, hotLead.scripts, { workflow: 'lead-nurture' }));
    expect(byName.workflow).toBe('lead-nurture');
    for (const row of byName.rows) for (const c of row.cells) expect(c.ok && c.runs.every((run) => run.workflow.id === 'lead-nurture')).toBe(true);

    const takesOver = 'Hot lead: agent takes over';
    expect(outcome(okCell(byName, takesOver, 'off').runs[0])).toEqual({ status: 'stopped', reason: 'manual', atStep: 'Wait 24h', at: ms('+2h') });
    expect(outcome(okCell(byName, takesOver, 'outgoing').runs[0])).toEqual({ status: 'stopped', reason: 'outgoing_message', atStep: 'Wait 24h', at: ms('+3m') });
    expect(outcome(okCell(byName, takesOver, 'assignment').runs[0])).toEqual({ status: 'stopped', reason: 'manual_assignment', atStep: 'Wait 24h', at: ms('+1h') });
    // The contact's second message answers the open question: under "incoming" it is not an exit.
    expect(outcome(okCell(byName, takesOver, 'incoming').runs[0])).toEqual({ status: 'stopped', reason: 'manual', atStep: 'Wait 24h', at: ms('+2h') });

    const everyWorkflow = compareConfigurations(workflows, hotLead.scripts);
    expect(everyWorkflow.workflow).toBeNull();
    expect(new Set(okCell(everyWorkflow, takesOver, 'off').runs.map((run) => run.workflow.id))).toEqual(new Set(['lead-nurture', 'vip-routing']));
  });

  it('lists every message "off" sent and a configuration did not, in the order "off" sent them', () => {
    const result = compareConfigurations(hotLead.workflows, [exampleScript('hot-lead/assigned-to-agent.script.json')], { workflow: 'lead-nurture' });
    expect(okCell(result, 0, 'off').runs.map((run) => run.status)).toEqual(['completed']);
    expect(okCell(result, 0, 'assignment').notSent.map((message) => [message.step.label, message.text, message.at])).toEqual([
      // The question times out at +1h ("No rush"), and the nudge follows 24h later.
      ['No rush', "No rush — reply any time and we'll pick it up.", ms('+1h')],
      ['Still interested?', 'Still interested in a demo, Dana?', ms('+1d1h')],
    ]);
  });

  it('reports every run, in start order, when a contact re-enters after a stop; a message sent later is not "not sent"', () => {
    const script = harness(followUpWorkflow()).contact('dana').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'Alice here').at('+2h').contactSays('Thanks').script();
    const result = compareConfigurations([followUpWorkflow()], [script]);
    expect(okCell(result, 0, 'off').runs.map(outcome)).toEqual([{ status: 'completed', reason: undefined, atStep: 'End', at: ms('+1d') }]);
    const outgoing = okCell(result, 0, 'outgoing');
    expect(outgoing.runs.map((run) => [run.run, run.status, run.reason, run.startedAt, run.at])).toEqual([
      [0, 'stopped', 'outgoing_message', 0, ms('+1h')],
      [1, 'completed', undefined, ms('+2h'), ms('+1d2h')],
    ]);
    expect(outgoing.notSent).toEqual([]);
    // Under "all" the +2h message finds no active run to stop, so it starts the second run as well.
    expect(okCell(result, 0, 'all').runs.map((run) => run.status)).toEqual(['stopped', 'completed']);
    // Under "incoming" the +2h message stops the run, and an event that stops a run never restarts it (rule 5 of a stop).
    expect(okCell(result, 0, 'incoming').runs.map((run) => [run.status, run.reason])).toEqual([['stopped', 'incoming_message']]);
    expect(okCell(result, 0, 'incoming').notSent.map((message) => message.text)).toEqual([FOLLOW_UP.followUp]);
  });

  it('says where an active run still waits at the horizon', () => {
    const script = harness(followUpWorkflow()).at('+0').contactSays('Hi').script();
    const result = compareConfigurations([followUpWorkflow()], [script], { until: ms('+2h') });
    expect(okCell(result, 0, 'all').runs).toEqual([
      expect.objectContaining({ status: 'active', atStep: { id: 'wait-24h', label: 'Wait 24h' }, waitingFor: 'timer', due: ms('+1d') }),
    ]);
    expect(okCell(result, 0, 'all').runs[0]).not.toHaveProperty('at');
  });

  it('compares a population per generated contact', () => {
    const script = harness(followUpWorkflow())
      .contact('lead')
      .at('+0')
      .contactSays('Hi')
      .at('+3h')
      .contactSays('Anyone?')
      .population({ contacts: 20, jitter: '1h', seed: 7 })
      .script();
    const result = compareConfigurations([followUpWorkflow()], [script]);
    const incoming = okCell(result, 0, 'incoming');
    expect(incoming.runs).toHaveLength(20);
    expect(new Set(incoming.runs.map((run) => run.contact.id)).size).toBe(20);
    expect(incoming.runs.every((run) => run.status === 'stopped' && run.reason === 'incoming_message')).toBe(true);
    expect(incoming.notSent).toHaveLength(20);
    expect(okCell(result, 0, 'outgoing').notSent).toEqual([]);
  });

  describe('never throws: inputs that do not prepare give cells with problems', () => {
    it('an unknown chosen Workflow', () => {
      const result = compareConfigurations(followUp.workflows, followUp.scripts.slice(0, 2), { workflow: 'Lead nurture' });
      expect(compareResultSchema.parse(result)).toEqual(result);
      expect(result.workflow).toBeNull();
      for (const row of result.rows)
        for (const c of row.cells)
          expect(c).toEqual({
            ok: false,
            configuration: c.configuration,
            problems: [{ source: 'options', index: 0, path: '$.workflow', message: 'No Workflow "Lead nurture" is loaded (loaded: "24h follow-up")' }],
          });
    });

    it('an invalid Workflow', () => {
      const invalid = buildWorkflow({ steps: [steps.send('hello', 'Hello'), steps.send('orphan', 'Never reached')], edges: ['trigger>hello'], settings: noExits() });
      const result = compareConfigurations([invalid], [harness(invalid).at('+0').contactSays('Hi').script()]);
      for (const c of result.rows[0]?.cells ?? []) {
        expect(c.ok).toBe(false);
        if (!c.ok) expect(c.problems).toContainEqual(expect.objectContaining({ source: 'workflow', index: 0, message: expect.stringMatching(/reach/i) }));
      }
    });

    it('a script naming a Workflow that is not loaded: the problem carries the script’s index', () => {
      const scripts: Script[] = [followUp.scripts[0] as Script, exampleScript('hot-lead/agent-stops-it.script.json')];
      const result = compareConfigurations(followUp.workflows, scripts);
      expect(result.rows[0]?.cells.every((c) => c.ok)).toBe(true);
      for (const c of result.rows[1]?.cells ?? [])
        expect(c.ok ? [] : c.problems).toContainEqual(expect.objectContaining({ source: 'script', index: 1, path: '$.events[1].workflow' }));
    });

    it('no Workflows and no scripts', () => {
      expect(compareConfigurations([], []).rows).toEqual([]);
      const lonely = compareConfigurations([], [harness().at('+0').contactSays('Hi').script()]);
      for (const c of lonely.rows[0]?.cells ?? []) expect(c.ok && c.runs).toEqual([]);
    });
  });
});

// ── the cells against `npm run simulate` ────────────────────────────────────────────────────────

interface RunLine {
  kind: 'run';
  contact: string;
  workflow: string;
  status: string;
  reason: string | null;
  atStep: string | null;
  at: string | null;
  run: number;
}
interface SentLine {
  kind: 'message.sent';
  t: number;
  contact: string;
  workflow: string;
  step: string;
  text: string;
}

const tmp = mkdtempSync(join(tmpdir(), 'exitflow-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The Workflows as `configuration` makes them, written for the CLI (built here, not by the module under test). */
function writeConfigured(
  name: string,
  files: readonly string[],
  workflows: readonly Workflow[],
  configuration: (typeof EXIT_CONFIGURATIONS)[number],
  only?: string,
): string[] {
  const dir = join(tmp, name, configuration.id);
  mkdirSync(dir, { recursive: true });
  return workflows.map((workflow, i) => {
    const { actions, ...onOff } = configuration.exitConditions;
    const pauses = Object.values(actions ?? {}).includes('pause');
    const settings = {
      ...workflow.settings,
      exitConditions: { ...onOff, actions: actions ?? workflow.settings.exitConditions.actions },
      ...(pauses ? { pause: { resume: workflow.settings.pause?.resume ?? { on: 'silence', after: '2h' } } } : {}),
    };
    const changed = only === undefined || workflow.id === only ? { ...workflow, settings } : workflow;
    const file = join(dir, files[i] as string);
    writeFileSync(file, JSON.stringify(changed, null, 2));
    return file;
  });
}

/** `npm run simulate -- <workflows> --script <script> --json`: its run lines and sent messages. Exit 1 (an expectation failed) is fine, 2 is not. */
async function simulateJson(workflows: readonly string[], script: string): Promise<{ runs: RunLine[]; sent: SentLine[] }> {
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', ...workflows, '--script', script, '--json'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  expect([0, 1], `${script}: exit ${result.code}\n${result.stderr}`).toContain(result.code);
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { kind: string });
  return {
    runs: lines.filter((line): line is RunLine => line.kind === 'run'),
    sent: lines.filter((line): line is SentLine => line.kind === 'message.sent'),
  };
}

/** Runs `tasks` with at most `size` in flight (a small pool: a slow one does not hold up the others). */
async function runPooled<T>(tasks: readonly (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  return results;
}

/** `baseline` minus `sent`, as a multiset per contact, Workflow, step and text — computed from the CLI's trace. */
function missingFrom(baseline: readonly SentLine[], sent: readonly SentLine[]): SentLine[] {
  const key = (line: SentLine) => JSON.stringify([line.contact, line.workflow, line.step, line.text]);
  const left = new Map<string, number>();
  for (const line of sent) left.set(key(line), (left.get(key(line)) ?? 0) + 1);
  return baseline.filter((line) => {
    const count = left.get(key(line)) ?? 0;
    if (count > 0) left.set(key(line), count - 1);
    return count === 0;
  });
}

describe('the cells agree with `npm run simulate` on the same inputs', () => {
  const examples = [
    { ...followUp, only: undefined },
    { ...hotLead, only: 'lead-nurture' },
  ];

  it('for every script of both seed examples under every configuration: every run’s status, reason, step and time, and the messages not sent', async () => {
    const tasks = examples.flatMap((example) =>
      EXIT_CONFIGURATIONS.flatMap((configuration) => {
        const files = writeConfigured(example.id, example.files, example.workflows, configuration, example.only);
        return example.scriptFiles.map((scriptFile, row) => async () => ({
          example,
          row,
          configuration: configuration.id,
          label: `${example.id}/${scriptFile} × ${configuration.id}`,
          cli: await simulateJson(files, join(EXAMPLES, example.id, scriptFile)),
        }));
      }),
    );
    expect(tasks).toHaveLength(8 * (followUp.scriptFiles.length + hotLead.scriptFiles.length));
    const outputs = await runPooled(tasks, Math.max(2, Math.min(6, availableParallelism() + 1)));

    for (const example of examples) {
      const result = compareConfigurations(example.workflows, example.scripts, example.only === undefined ? {} : { workflow: example.only });
      const mine = outputs.filter((output) => output.example === example);
      for (const { row, configuration, label, cli } of mine) {
        const found = cell(result, row, configuration);
        if (!found.ok) throw new Error(`${label}: ${found.problems.map((problem) => problem.message).join('; ')}`);
        const start = Date.parse((example.scripts[row] as Script).start);
        const cliRuns = cli.runs.filter((line) => example.only === undefined || line.workflow === example.only);
        expect(cliRuns.length, label).toBeGreaterThan(0);
        expect(
          found.runs.map((run) => ({
            run: run.run,
            contact: run.contact.id,
            workflow: run.workflow.id,
            status: run.status,
            reason: run.reason ?? null,
            atStep: run.atStep?.id ?? null,
            at: run.at === undefined ? null : new Date(start + run.at).toISOString(),
          })),
          label,
        ).toEqual(cliRuns.map(({ run, contact, workflow, status, reason, atStep, at }) => ({ run, contact, workflow, status, reason, atStep, at })));

        const off = mine.find((output) => output.row === row && output.configuration === 'off');
        const expected = configuration === 'off' || !off ? [] : missingFrom(off.cli.sent, cli.sent);
        expect(
          found.notSent.map((message) => ({ t: message.at, contact: message.contact.id, workflow: message.workflow.id, step: message.step.id, text: message.text })),
          label,
        ).toEqual(expected.map(({ t, contact, workflow, step, text }) => ({ t, contact, workflow, step, text })));
      }
    }
  }, 600_000);
});

describe('one work budget for the whole grid (issue 13, item 4: found by the fuzzing suite)', () => {
  it('a cell cut short at the budget says so, and the cells after it are not simulated, each saying why', () => {
    const script = harness(everySecondWorkflow()).at('+0').contactSays('hi').script();
    const result = compareConfigurations([everySecondWorkflow()], [script, script], { maxTraceEntries: 25_000 });
    const cells = result.rows.flatMap((row) => row.cells);
    expect(cells).toHaveLength(16);
    // The first simulation takes the whole budget and is cut short: none of its runs is shown as if it were the whole story.
    expect(cells[0]).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/^The simulation stopped after 25,000 trace entries at \+/) }] });
    for (const cell of cells.slice(1))
      expect(cell).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/^Not simulated: this comparison has recorded its 25,000 trace entries/) }] });
  });

  it('a script of more contacts than Compare lists is not compared, each cell saying why at the count’s path; the others are', () => {
    const population = (contacts: number) =>
      harness(followUpWorkflow()).contact('lead').at('+0').contactSays('Hi').population({ contacts, jitter: '1h', seed: 7 }).script();
    // A million contacts once made an answer too large to send from the worker; refused before anything is simulated.
    const result = compareConfigurations([followUpWorkflow()], [population(1_000_000), population(3)]);
    const [huge, small] = result.rows;
    expect(huge?.cells).toHaveLength(EXIT_CONFIGURATIONS.length);
    for (const cell of huge?.cells ?? [])
      expect(cell).toMatchObject({
        ok: false,
        problems: [{ source: 'script', index: 0, path: '$.population.contacts', message: expect.stringMatching(/^Not compared: 1,000,000 contacts — Compare lists every run of every contact, for scripts of up to 10,000/) }],
      });
    expect(small?.cells.every((cell) => cell.ok)).toBe(true);
    expect(LIMITS.compareContacts).toBe(10_000);
    // At the limit it is compared.
    expect(compareConfigurations([followUpWorkflow()], [population(LIMITS.compareContacts)]).rows[0]?.cells.every((cell) => cell.ok)).toBe(true);
  });

  it('a grid within the budget is untouched by it', () => {
    const script = harness(followUpWorkflow()).at('+0').contactSays('hi').script();
    const result = compareConfigurations([followUpWorkflow()], [script], { maxTraceEntries: 1_000 });
    expect(result.rows[0]?.cells.every((cell) => cell.ok)).toBe(true);
  });
});
