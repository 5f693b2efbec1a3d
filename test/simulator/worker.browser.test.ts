// The engine's Web Worker, called in real Chromium through the real Worker API (vitest project
// 'browser'). Manual stop, precisely: both rules are enforced where the stop is carried
// out — here, behind the worker boundary — not only by hiding buttons. Whatever a caller sends, the
// worker parses it; a refused stop is a refusal in the trace and changes nothing.
import { wrap, type Remote } from 'comlink';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createLiveSessionClient, type LiveSessionClient } from '../../src/engine/liveSessionClient.ts';
import { createPlaybackClient } from '../../src/engine/playbackClient.ts';
import { coverageRequestSchema } from '../../simulator/schema/coverage.ts';
import { playbackLoadSchema } from '../../simulator/schema/playback.ts';
import type { SimulationReportOutcome } from '../../simulator/schema/report.ts';
import { liveResultSchema, liveStartSchema, type LiveResult, type LiveStart, type LiveUpdate } from '../../simulator/schema/live.ts';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import type { WorkerApi } from '../../simulator/worker.ts';

const WORKFLOW = '24h follow-up';

/** public/examples/follow-up/follow-up.workflow.json, as the app loads it: fetched from the server's root. */
let followUpExample: { settings: WorkflowSettings } & Record<string, unknown>;

beforeAll(async () => {
  const response = await fetch('/examples/follow-up/follow-up.workflow.json', { headers: { Accept: 'application/json' } });
  expect(response.ok).toBe(true);
  followUpExample = (await response.json()) as typeof followUpExample;
  expect(followUpExample).toMatchObject({ id: 'follow-up', name: WORKFLOW, settings: { manualStop: false } });
});

/** The follow-up example as the file holds it (its `$schema` too), with other stop settings. */
function followUp(settings: Partial<WorkflowSettings> = {}): unknown {
  return { ...followUpExample, settings: { ...followUpExample.settings, ...settings } };
}

/** Alice may stop Workflows; Rita is a restricted agent. Omar writes in. */
const base = {
  format: 'exitflow.script/1',
  name: 'Worker boundary',
  start: '2026-01-05T09:00:00Z',
  users: [
    { id: 'alice', name: 'Alice', role: 'agent', restricted: false },
    { id: 'rita', name: 'Rita', role: 'agent', restricted: true },
  ],
  contacts: [{ id: 'omar', name: 'Omar' }],
  events: [],
};

/** Manual stop on, exit conditions off: only a manual stop could end Omar's run early. */
const STOPPABLE = { manualStop: true, exitConditions: { enabled: false, on: [] } } satisfies Partial<WorkflowSettings>;

const workers: Worker[] = [];
const clients: LiveSessionClient[] = [];

function engine(): Remote<WorkerApi> {
  const worker = new Worker(new URL('../../simulator/worker.ts', import.meta.url), { type: 'module' });
  workers.push(worker);
  return wrap<WorkerApi>(worker);
}

afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
  for (const client of clients.splice(0)) client.dispose();
});

function updateOf(result: LiveResult): LiveUpdate {
  if (!result.ok) throw new Error(`Expected ok, got problems: ${result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
  return result.update;
}

/** Starts a session on the follow-up with `settings`; Omar writes in, so his run waits 24 h. */
async function omarWritesIn(api: Remote<WorkerApi>, settings: Partial<WorkflowSettings>): Promise<LiveUpdate> {
  updateOf(await api.live.start({ workflows: [followUp(settings)], base }));
  const update = updateOf(await api.live.command({ type: 'contact.message', contact: 'omar', text: 'Do you ship to Canada?' }));
  expect(update.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'active', atStep: 'wait', waitingFor: 'timer' })]);
  return update;
}

const refusals = (update: LiveUpdate) => update.trace.entries.filter((entry) => entry.kind === 'stop.refused');

describe('the engine worker, called directly in a real browser', () => {
  it('answers with plain data the schema accepts', async () => {
    const api = engine();
    const raw: unknown = await api.live.start({ workflows: [followUp(STOPPABLE)], base });
    expect(liveResultSchema.safeParse(raw).success).toBe(true);
    expect(raw).toMatchObject({ ok: true, update: { time: 0, runs: [], trace: { from: 0 } } });
  });

  it('refuses workflow.stop by a restricted agent: stop.refused (restricted_user) in the trace, runs unchanged', async () => {
    const api = engine();
    const before = await omarWritesIn(api, STOPPABLE);

    const after = updateOf(await api.live.command({ type: 'workflow.stop', contact: 'omar', user: 'rita', workflow: WORKFLOW }));

    expect(refusals(after)).toEqual([expect.objectContaining({ contact: 'omar', user: 'rita', reason: 'restricted_user', workflow: 'follow-up', step: 'wait' })]);
    expect(after.trace.entries.some((entry) => entry.kind === 'run.stopped')).toBe(false);
    expect(after.runs).toEqual(before.runs);
    // The same stop by an unrestricted agent is carried out: the refusal was about Rita, not the run.
    const stopped = updateOf(await api.live.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: WORKFLOW }));
    expect(stopped.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'stopped', reason: 'manual', stoppedBy: 'alice' })]);
  });

  it('refuses workflow.stop of a Workflow without manualStop, for any user: manual_stop_off, run still active', async () => {
    const api = engine();
    const before = await omarWritesIn(api, { manualStop: false });

    const after = updateOf(await api.live.command({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: WORKFLOW }));

    expect(refusals(after)).toEqual([expect.objectContaining({ contact: 'omar', user: 'alice', reason: 'manual_stop_off' })]);
    expect(after.runs).toEqual(before.runs);
    expect(after.runs[0]?.status).toBe('active');
    // And nothing stops it later: the follow-up still goes out after 24 h.
    const later = updateOf(await api.live.advance(25 * 3_600_000));
    expect(later.runs[0]?.status).toBe('completed');
    expect(later.trace.entries.some((entry) => entry.kind === 'message.sent' && entry.text?.startsWith('Just checking in'))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a stop naming no user or Workflow, for an unknown contact', { type: 'workflow.stop', contact: 'nobody' }],
    ['a stop for a contact not in the script', { type: 'workflow.stop', contact: 'nobody', user: 'alice', workflow: WORKFLOW }],
    ['a stop by a user not in the script', { type: 'workflow.stop', contact: 'omar', user: 'mallory', workflow: WORKFLOW }],
    ['an unknown command type', { type: 'workflow.delete', contact: 'omar', user: 'alice', workflow: WORKFLOW }],
    ['a string', 'workflow.stop'],
    ['null', null],
    ['an array', ['workflow.stop', 'omar']],
  ])('rejects a malformed command (%s) with problems, and records nothing', async (_name, command) => {
    const api = engine();
    const before = await omarWritesIn(api, STOPPABLE);
    const scriptBefore = await api.live.script();

    const result = await api.live.command(command);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.length).toBeGreaterThan(0);
    expect(liveResultSchema.safeParse(result).success).toBe(true);
    const scriptAfter = await api.live.script();
    expect(scriptAfter?.events).toEqual(scriptBefore?.events);
    expect(scriptAfter?.events).toHaveLength(1);
    // The session goes on as it was: the next tick shows the same run, nothing new in the trace.
    const tick = updateOf(await api.live.advance(0));
    expect(tick.runs).toEqual(before.runs);
    expect(tick.trace.entries).toEqual([]);
  });

  it('rejects a malformed start with problems and no session behind it', async () => {
    const api = engine();
    const result = await api.live.start({ workflows: [], base });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.path).toBe('$.workflows');
    expect(await api.live.script()).toBeNull();
    expect(await api.live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' })).toMatchObject({ ok: false });
  });
});

describe("the app's live session client over the same worker", () => {
  const start = (): LiveStart => liveStartSchema.parse({ workflows: [followUp(STOPPABLE)], base });

  it('gets the same refusal of a restricted agent\'s stop, with the runs unchanged', async () => {
    const client = createLiveSessionClient();
    clients.push(client);
    updateOf(await client.start(start()));
    const before = updateOf(await client.command({ type: 'contact.message', contact: 'omar', text: 'Do you ship to Canada?' }));

    const after = updateOf(await client.command({ type: 'workflow.stop', contact: 'omar', user: 'rita', workflow: WORKFLOW }));

    expect(refusals(after)).toEqual([expect.objectContaining({ user: 'rita', reason: 'restricted_user' })]);
    expect(after.runs).toEqual(before.runs);
    expect(after.runs[0]?.status).toBe('active');
    expect((await client.script())?.events.map((event) => event.type)).toEqual(['contact.message', 'workflow.stop']);
  });

  it('parses every answer with zod: an unknown field is dropped, a value off the schema is rejected', async () => {
    // The real worker, with its answers altered on the way back (comlink's RAW return messages).
    const RealWorker = globalThis.Worker;
    let tamper: (value: { ok: boolean; update?: Record<string, unknown> }) => void = () => undefined;
    let tampered = 0;
    class TamperedWorker extends EventTarget {
      private readonly inner: Worker;
      constructor(url: string | URL, options?: WorkerOptions) {
        super();
        this.inner = new RealWorker(url, options);
        workers.push(this.inner);
        this.inner.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { type?: string; value?: { ok: boolean; update?: Record<string, unknown> } };
          if (data.type === 'RAW' && data.value && typeof data.value === 'object' && 'ok' in data.value) {
            tamper(data.value);
            tampered++;
          }
          this.dispatchEvent(new MessageEvent('message', { data }));
        });
        this.inner.addEventListener('error', (event) => this.dispatchEvent(new ErrorEvent('error', { message: event.message })));
      }
      postMessage(message: unknown, transfer: Transferable[] = []): void {
        this.inner.postMessage(message, transfer);
      }
      terminate(): void {
        this.inner.terminate();
      }
    }
    vi.stubGlobal('Worker', TamperedWorker);
    try {
      const client = createLiveSessionClient();
      clients.push(client);

      tamper = (value) => {
        if (value.update) value.update.injected = '<script>alert(1)</script>';
      };
      const started = updateOf(await client.start(start()));
      expect(tampered).toBe(1);
      expect(started).not.toHaveProperty('injected');
      expect(started.time).toBe(0);

      tamper = (value) => {
        if (value.update) value.update.time = -1;
      };
      await expect(client.command({ type: 'contact.message', contact: 'omar', text: 'Hi' })).rejects.toThrow(z.ZodError);

      tamper = (value) => {
        value.ok = true;
        delete value.update;
      };
      await expect(client.advance(1_000)).rejects.toThrow(z.ZodError);
      expect(tampered).toBe(3);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("the app's playback client: the end-of-run report from the worker", () => {
  const HOUR = 3_600_000;
  const runsOf = (outcome: SimulationReportOutcome) => (outcome.ok ? outcome.report.runs.map((row) => row.state) : outcome.problems);

  it('is of the Workflows as last reloaded, and asking for it leaves the playback where it is', async () => {
    const response = await fetch('/examples/follow-up/contact-replies.script.json', { headers: { Accept: 'application/json' } });
    expect(response.ok).toBe(true);
    const script: unknown = await response.json();
    const client = createPlaybackClient();
    try {
      const load = (settings: Partial<WorkflowSettings>) => playbackLoadSchema.parse({ workflows: [followUp(settings)], script });
      expect((await client.load(load({}))).ok).toBe(true);
      expect((await client.seek(3 * HOUR)).ok).toBe(true);
      expect(runsOf(await client.report())).toEqual([expect.objectContaining({ contact: 'omar', status: 'stopped', reason: 'incoming_message' })]);

      const reloaded = await client.reload(load({ exitConditions: { enabled: false, on: [] } }));
      expect(reloaded.ok && reloaded.frame.time).toBe(3 * HOUR);
      expect(runsOf(await client.report())).toEqual([expect.objectContaining({ contact: 'omar', status: 'completed', atStep: 'done', endedAt: 24 * HOUR })]);
      const after = await client.advance(0);
      expect(after.ok && after.frame.time).toBe(3 * HOUR);
    } finally {
      client.dispose();
    }
  });
});

describe("the app's playback client: breakpoints, Fire now and coverage in the worker", () => {
  const HOUR = 3_600_000;
  const scriptOf = async (name: string): Promise<unknown> => {
    const response = await fetch(`/examples/follow-up/${name}`, { headers: { Accept: 'application/json' } });
    expect(response.ok).toBe(true);
    return response.json();
  };

  it('Run to end pauses at the Wait of a breakpoint, and a seek to the run\'s due sends the follow-up there', async () => {
    const script = await scriptOf('nobody-answers.script.json');
    const client = createPlaybackClient();
    try {
      expect((await client.load(playbackLoadSchema.parse({ workflows: [followUp()], script }))).ok).toBe(true);
      expect(await client.setBreakpoints({ steps: [{ workflow: 'follow-up', step: 'wait' }] })).toMatchObject({ ok: true, ignored: [] });
      const paused = await client.runToEnd();
      if (!paused.ok) throw new Error('refused');
      expect(paused.frame.hit).toMatchObject({ kind: 'step', by: 'step', workflow: 'follow-up', step: 'wait', contact: 'omar', t: 0 });
      const run = paused.frame.contact?.runs[0];
      expect(run).toMatchObject({ waitingFor: 'timer', due: 24 * HOUR });
      const fired = await client.seek(run?.due as number);
      if (!fired.ok) throw new Error('refused');
      expect(fired.frame.time).toBe(24 * HOUR);
      expect(fired.frame.contact?.trace.entries.filter((entry) => entry.kind === 'message.sent').map((entry) => entry.t)).toEqual([24 * HOUR]);
      // What a tampered page could send: parsed in the worker, refused with its path.
      const hostile = JSON.parse('{ "steps": "all" }') as Parameters<typeof client.setBreakpoints>[0];
      expect(await client.setBreakpoints(hostile)).toMatchObject({ ok: false, problems: [{ path: '$.steps' }] });
    } finally {
      client.dispose();
    }
  });

  it('coverage of two scripts: the one who replies leaves the follow-up unreached, the one who does not reaches it', async () => {
    const replies = await scriptOf('contact-replies.script.json');
    const nobody = await scriptOf('nobody-answers.script.json');
    const client = createPlaybackClient();
    try {
      const one = await client.coverage(coverageRequestSchema.parse({ workflows: [followUp()], scripts: [replies] }));
      expect(one).toMatchObject({ ok: true, coverage: { steps: { covered: 2, total: 4 }, edges: { covered: 2, total: 4 } } });
      const both = await client.coverage(coverageRequestSchema.parse({ workflows: [followUp()], scripts: [replies, nobody] }));
      expect(both).toMatchObject({ ok: true, coverage: { steps: { covered: 4, total: 4 }, edges: { covered: 4, total: 4 }, uncovered: [], scripts: 2 } });
    } finally {
      client.dispose();
    }
  });
});
