import { indexWorkflowRefs } from '../graph/resolveWorkflowRef.ts';
import { LIMITS } from '../schema/limits.ts';
import { parseDuration } from '../schema/duration.ts';
import type { PublishPolicy, Script, ScriptEvent, ScriptUser } from '../schema/script.ts';
import { publishPolicySchema, scriptEventTypeSchema, stopReasonSchema, userOf } from '../schema/script.ts';
import type { ExitCondition, StopReason } from '../schema/settings.ts';
import {
  contactChangeSchema,
  exitIgnoredReasonSchema,
  failReasonSchema,
  resumeReasonSchema,
  stopRefusedReasonSchema,
  triggerIgnoredReasonSchema,
  type ContactChange,
  type ResumeReason,
  type TriggerIgnoredReason,
} from '../schema/trace.ts';
import type { Workflow } from '../schema/workflow.ts';
import { compileWorkflow, type CompiledNode, type CompiledWorkflow } from './compileWorkflow.ts';
import { ContactTable } from './contactTable.ts';
import { EventQueue, EXTERNAL, TIMER } from './eventQueue.ts';
import { executeStep, plannedOutcome, type Effect, type StepContext } from './executeStep.ts';
import type { Observation } from './exitRules.ts';
import { decideManualStop } from './manualStop.ts';
import { renderMessage, type MessageTemplate } from './messageTemplate.ts';
import { ACTIVE, COMPLETED, FAILED, NOT_WAITING, PAUSED, RunTable, STOPPED, WAITING_REPLY, WAITING_TIMER } from './runTable.ts';
import { ScriptFeed } from './scriptFeed.ts';
import { K, TraceLog } from './traceLog.ts';
import { CONVERSATION_CLOSED, CONVERSATION_OPENED, INCOMING_MESSAGE, triggerMatches, type TriggerSignal } from './triggers.ts';

/** The node a step's output leads to, or -1 when no edge leaves it there. */
function nodeAfter(node: CompiledNode, handle: string): number {
  return handle === 'next' ? node.next : (node.outputs.get(handle) ?? -1);
}

/** A run that executes this many steps without virtual time advancing fails (`loop`). */
export const MAX_STEPS_PER_INSTANT = 1000;
/** How many "Trigger another Workflow" hops may chain at once before the next is refused. */
export const MAX_CHAIN_DEPTH = 50;
/** Codes of `timer.cancelled` rows: the run ended (stopped, failed), or its question was answered. */
export const TIMER_CANCELLED_BY_END = 0;
export const TIMER_CANCELLED_BY_ANSWER = 1;
/** Code of a `when_stopped.ended` row whose path the runaway guard cut short. */
export const WHEN_STOPPED_CUT_SHORT = 1;
/** A trace string id meaning "render the step's message for the row's contact when read". */
export const RENDER_FROM_STEP = -2;
/** Code of a `run.started` row of a test run started at a named step (not at its trigger): no edge led there. */
export const STARTED_AT_STEP = 1;
/**
 * The `b` column of a `step` row says how the run got there: the interned output of the node
 * before it (`next`, a Branch path, `answered`…), JUMPED for a Jump to, or -1 (the first step of a
 * test run started there). Coverage reads it; a step row has no other use for `b`.
 */
export const JUMPED = -3;
/**
 * Without `until`, the simulation ends when nothing is pending or a year has passed — or, when the
 * script's last event comes later, at that event: an event the script names is always played.
 */
export const DEFAULT_HORIZON_MS = 365 * 86_400_000;

const codeOf = <T extends string>(options: readonly T[]) =>
  Object.fromEntries(options.map((option, i) => [option, i])) as Record<T, number>;
const STOP_CODE = codeOf(stopReasonSchema.options);
const STOP_REASONS = stopReasonSchema.options;
const REFUSED_CODE = codeOf(stopRefusedReasonSchema.options);
const IGNORED_CODE = codeOf(triggerIgnoredReasonSchema.options);
const EXIT_IGNORED_CODE = codeOf(exitIgnoredReasonSchema.options);
const FAIL_CODE = codeOf(failReasonSchema.options);
const RESUME_CODE = codeOf(resumeReasonSchema.options);
const POLICY_CODE = codeOf(publishPolicySchema.options);
/** Code of a `pause.extended` row that no Pause condition caused: a person wrote, or the contact was assigned. */
export const PAUSE_EXTENDED_BY_ACTIVITY = 0;
/** What counts as the team being active with the contact: each restarts a paused run's wait for silence. */
const TEAM_ACTIVITY: Readonly<Record<Observation, boolean>> = {
  user_message: true,
  user_assignment: true,
  rule_assignment: true,
  workflow_assignment: true,
  workflow_message: false,
  broadcast: false,
  contact_message: false,
  trigger_message: false,
  question_answer: false,
  unassignment: false,
};
const CHANGE_CODE = codeOf(contactChangeSchema.options);
const EVENT_CODE = codeOf(scriptEventTypeSchema.options);

/** A script event with every field present, for one hidden class across event types. */
interface CompiledEvent {
  readonly type: ScriptEvent['type'];
  readonly user: string | null;
  readonly tag: string | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly workflow: string | null;
}

function compileEvent(event: ScriptEvent): CompiledEvent {
  return {
    type: event.type,
    user: userOf(event) ?? null,
    tag: 'tag' in event ? event.tag : null,
    field: 'field' in event ? event.field : null,
    value: 'value' in event ? event.value : null,
    workflow: 'workflow' in event ? event.workflow : null,
  };
}

/**
 * A paused run's place, kept beside the run table (pauses are few, and a run row has no room left):
 * since when it is paused, what its frozen timer had left (-1: none), when it resumes if the team
 * stays quiet (-1: only when the conversation is closed) and since when the team has been quiet.
 */
export interface PausedRun {
  readonly pausedAt: number;
  readonly remaining: number;
  resumeAt: number;
  quietSince: number;
}

/**
 * A When stopped path of one version for one stop reason, as far as it is known before it runs
 * (see `planWhenStopped`): the rows every such stop writes, and the effects whose rows depend on
 * the contact, carried out between them.
 */
interface WhenStoppedPlan {
  /**
   * `when_stopped.started`, a row per planned step, the rows of effects known in advance (a
   * comment of fixed text), and `when_stopped.ended` when nothing is left to play (`rest` < 0);
   * packed by `TraceLog.rowTemplate`, four slots a row.
   */
  readonly rows: Int32Array;
  readonly rowCount: number;
  /** The other effects, in order: the j-th at step `effectNodes[j]`, once the first `effectAfterRows[j]` rows are written. */
  readonly effects: readonly Effect[];
  readonly effectNodes: Int32Array;
  readonly effectAfterRows: Int32Array;
  /** The last planned step, or the When stopped entry when none is. */
  readonly last: number;
  /** How many steps are planned (the runaway guard counts on from there). */
  readonly planned: number;
  /** The first step to play one by one, or -1; `restVia` is the output that leads to it. */
  readonly rest: number;
  readonly restVia: number;
}

/** Why a simulation stopped before its horizon, and where: see `Simulation.stoppedShort`. */
export interface StoppedShort {
  readonly reason: 'trace_limit';
  /** The cap it reached (the trace may hold a few entries more: the last event is played whole). */
  readonly entries: number;
  /** The instant it stopped at, ms since the script's start. */
  readonly at: number;
}

export interface SimulationInput {
  /** Valid Workflows (see `validateWorkflow`), live at once for the same contacts, in this order. */
  readonly workflows: readonly Workflow[];
  readonly script: Script;
  /** Virtual horizon in ms since the start: nothing due later is processed. */
  readonly until?: number;
  /** The trace entries after which the simulation stops short (default `LIMITS.traceEntries`). */
  readonly maxTraceEntries?: number;
  /**
   * The new versions the script's `workflow.publish` events name, by their `file` (valid, each
   * with the id of the Workflow it replaces: see `prepareSimulation`).
   */
  readonly versions?: Readonly<Record<string, Workflow>>;
  /**
   * Per contact, 1 when this simulation plays it (default: every contact). A pool of workers gives
   * each a share: contact indexes stay those of the whole script, and only the share's events are
   * queued. A contact's runs never depend on another contact's, so each plays as it would alone.
   */
  readonly plays?: Uint8Array;
  /**
   * The trace of a finished simulation of this same input: this one writes no trace of its own but
   * checks its rows against that one's (see `TraceLog.replaying`), and its `trace` reads that
   * one's rows up to where this run has got.
   */
  readonly replays?: TraceLog;
}

/**
 * Told of every queue entry the simulation processes (a script event, a live timer, a publish)
 * before it is carried out: its time, order key (class and push sequence, see `orderKey`) and
 * payload, the trace row its rows start at and the push sequence its own pushes start at. Enough
 * to place the entry among those of simulations that played other contacts (see pool/).
 */
export interface StepRecorder {
  step(time: number, order: number, a: number, b: number, firstRow: number, firstPush: number): void;
}

/** A script's publish, ready to play: which Workflow, its new version compiled once, what happens to the runs in flight. */
interface Publish {
  readonly slot: number;
  readonly workflow: Workflow;
  readonly file: string;
  readonly policy: PublishPolicy;
}

/**
 * The interpreter: takes entries off the event queue in (time, external-before-timer, sequence)
 * order and carries out what the pure parts decide — step plans (`executeStep`), exit verdicts
 * (`exitVerdict`, applied once per Workflow), manual-stop checks (`decideManualStop`), trigger matching (`triggerMatches`).
 * It is the only place state changes, and it records everything in `trace`.
 *
 * Runs and contacts live in typed-array tables (`runs`, `contacts`), the trace in columns, so a
 * population of 100,000 contacts leaves the garbage collector almost nothing to do.
 * Deterministic: the same input gives the same trace, entry for entry.
 */
export class Simulation {
  readonly trace: TraceLog;
  readonly runs: RunTable;
  readonly contacts: ContactTable;
  /**
   * Every compiled Workflow: the ones the simulation started with (their index is their slot),
   * then each version a publish made live. Runs and trace rows name one of these.
   */
  readonly workflows: readonly CompiledWorkflow[];
  /** How many Workflows (not versions) the simulation holds: the first `slotCount` of `workflows`. */
  readonly slotCount: number;
  readonly feed: ScriptFeed;
  readonly startEpochMs: number;
  readonly until: number;
  readonly maxTraceEntries: number;
  /** Virtual time, ms since the script's start. */
  now = 0;
  /** Entries taken from the queue that did something: script events and timers that expired. */
  eventsProcessed = 0;
  /**
   * Set when the simulation stopped before its horizon because it hit a work cap
   * (`LIMITS.traceEntries`): nothing more is processed, and readers say so.
   */
  stoppedShort: StoppedShort | null = null;
  private readonly queue = new EventQueue();
  /** See `recordSteps`; null (one predictable branch per entry) unless a pool asked for it. */
  private recorder: StepRecorder | null = null;
  /** The runs paused now, by run id. */
  private readonly pauses = new Map<number, PausedRun>();
  private readonly users: readonly ScriptUser[];
  private readonly userIndex = new Map<string, number>();
  /** Workflow id or name → slot, for the versions live now. */
  private workflowIndex: ReadonlyMap<string, number>;
  /** Per slot, the index in `workflows` of the version live now: the one new runs start on. */
  private readonly current: number[];
  /** The script's publishes, in script order; queued with a negative payload (see `stepWithin`). */
  private readonly publishes: Publish[] = [];
  private eventNumber = 0;
  private timerTokens = 0;
  /** Workflows a run of which the current event stopped (rule 5 of a stop, SEMANTICS.md). */
  private readonly stoppedByThisEvent: number[] = [];
  private stoppedCount = 0;
  /** Runs the current event stopped whose When stopped path is still to run, in stop order. */
  private readonly pendingWhenStopped: number[] = [];
  private pendingCount = 0;
  /** Per compiled Workflow, per stop reason code: its When stopped path, planned on first use. */
  private readonly whenStoppedPlans: (WhenStoppedPlan | undefined)[][] = [];
  /** Whether a When stopped path is running now: its tag and field changes are gathered, and fired once it ends. */
  private inWhenStopped = false;
  /** The one list those changes are gathered in (no path runs inside another), `signalCount` long; counted, not truncated, so the hot path writes no array length. */
  private readonly signalBuffer: TriggerSignal[] = [];
  private signalCount = 0;
  /** Workflows a run of which took the current event's message as its answer (rule 5 of a stop, SEMANTICS.md). */
  private readonly answeredByThisEvent: number[] = [];
  private answeredCount = 0;
  /** One step context, reused for every step: the hot loop allocates none. */
  private readonly stepContext: { now: number; startEpochMs: number; timeZone: string; contact: StepContext['contact']; stopReason: StopReason | null };
  private readonly events: readonly ScriptEvent[];
  /** The script's events with one shape (absent fields null), so reading them stays monomorphic. */
  private readonly compiledEvents: CompiledEvent[];
  /** The Workflows whose trigger is of each type, in order. */
  private readonly listeners = new Map<string, number[]>();
  /** Per script event: its type code, user index, interned strings and Workflow, for the trace. */
  private readonly eventCode: Uint8Array;
  private readonly eventUser: Int32Array;
  private readonly eventA: Int32Array;
  private readonly eventB: Int32Array;
  private readonly eventWorkflow: Int32Array;
  /** Per Workflow, per node: the interned text, RENDER_FROM_STEP, or -1 (intern what was rendered). */
  private readonly stepTextIds: Int32Array[];
  /** The interned `next` output, the one most step rows name (see JUMPED). */
  private readonly nextOutput: number;

  constructor(input: SimulationInput) {
    this.workflows = input.workflows.map((workflow, i) => compileWorkflow(workflow, i));
    this.slotCount = this.workflows.length;
    this.current = this.workflows.map((_, i) => i);
    this.workflowIndex = indexWorkflowRefs(this.workflows);
    this.users = input.script.users;
    this.users.forEach((user, i) => this.userIndex.set(user.id, i));
    this.trace = input.replays ? TraceLog.replaying(input.replays) : TraceLog.create();
    this.feed = new ScriptFeed(input.script);
    this.startEpochMs = Date.parse(input.script.start);
    this.runs = new RunTable(this.feed.contactCount);
    this.until = input.until ?? Math.max(DEFAULT_HORIZON_MS, this.feed.lastEventTime());
    this.maxTraceEntries = input.maxTraceEntries ?? LIMITS.traceEntries;
    this.contacts = new ContactTable(
      this.feed,
      this.slotCount,
      input.script.contacts.map((contact) => new Set(contact.tags)),
      input.script.contacts.map((contact) => contact.fields),
      this.trace,
    );
    this.stepContext = { now: 0, startEpochMs: this.startEpochMs, timeZone: input.script.timezone, contact: this.contacts.view(0), stopReason: null };
    this.stepTextIds = this.workflows.map((workflow) => this.stepTextIdsOf(workflow));
    this.nextOutput = this.trace.intern('next');
    this.events = input.script.events;
    this.compiledEvents = this.events.map(compileEvent);
    this.listen();
    const eventCount = this.events.length;
    this.eventCode = new Uint8Array(eventCount);
    this.eventUser = new Int32Array(eventCount);
    this.eventA = new Int32Array(eventCount);
    this.eventB = new Int32Array(eventCount);
    this.eventWorkflow = new Int32Array(eventCount);
    this.compileEvents();
    // Publishes first: queued before any contact's event, so a publish at an instant comes before them.
    this.events.forEach((event) => {
      if (event.type !== 'workflow.publish') return;
      const slot = this.resolveWorkflow(event.workflow);
      const workflow = Object.hasOwn(input.versions ?? {}, event.file) ? input.versions?.[event.file] : undefined;
      if (slot < 0 || workflow === undefined) return; // refused by prepareSimulation
      this.publishes.push({ slot, workflow, file: event.file, policy: event.policy });
      this.queue.push(parseDuration(event.at) as number, EXTERNAL, -this.publishes.length, 0);
    });
    this.feed.start(this.queue, this.contacts, input.plays);
  }

  /**
   * From now on, tells `recorder` of every entry processed (see StepRecorder); returns how many
   * entries were queued before, the pushes made at construction.
   */
  recordSteps(recorder: StepRecorder): number {
    this.recorder = recorder;
    return this.queue.pushed;
  }

  /** Which Workflows start on each trigger type: the versions live now, by slot. */
  private listen(): void {
    this.listeners.clear();
    this.current.forEach((version, slot) => {
      const type = (this.workflows[version] as CompiledWorkflow).trigger.type;
      const list = this.listeners.get(type) ?? [];
      list.push(slot);
      this.listeners.set(type, list);
    });
  }

  /** Per node of a compiled Workflow: its text interned once when it is the same for every contact (see `textId`). */
  private stepTextIdsOf(workflow: CompiledWorkflow): Int32Array {
    return Int32Array.from(workflow.nodes, (node) =>
      node.template === null || node.template.readsFields ? -1 : node.template.parts === null ? this.trace.intern(node.template.text) : RENDER_FROM_STEP,
    );
  }

  /** When the next queued entry is due, or `Infinity`. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /** Whether something is still due within the horizon (and no work cap stopped the simulation). */
  hasPending(): boolean {
    return this.stoppedShort === null && this.queue.peekTime() <= this.until;
  }

  /** Processes the next queued entry within the horizon; false when there is none. */
  step(): boolean {
    return this.stepWithin(this.until);
  }

  /**
   * Processes the next queued entry due by `time` (and within the horizon); false when there is
   * none. The clock stays at that entry's instant: a caller that stops between entries (a
   * breakpoint) sees the state right after it, the rest of the instant still queued.
   */
  stepUntil(time: number): boolean {
    return this.stepWithin(Math.min(time, this.until));
  }

  /**
   * Processes the next entry due by `limit`. Cancelled timers stay queued and are skipped here; the
   * limit holds across them, so skipping one never runs an entry due after `limit`.
   */
  private stepWithin(limit: number): boolean {
    const queue = this.queue;
    if (this.stoppedShort !== null) return false;
    while (queue.peekTime() <= limit) {
      if (!queue.pop()) return false;
      const external = queue.topClass === EXTERNAL;
      if (!external && !this.isLiveTimer(queue.topA, queue.topB)) {
        this.now = queue.topTime;
        continue;
      }
      // The work cap, checked only when something would be recorded: a stopped run's timer left
      // in the queue does not make a finished simulation look cut short. Nothing runs after it.
      if (this.trace.length >= this.maxTraceEntries) {
        this.stoppedShort = { reason: 'trace_limit', entries: this.maxTraceEntries, at: this.now };
        return false;
      }
      if (this.recorder !== null) this.recorder.step(queue.topTime, queue.topOrder, queue.topA, queue.topB, this.trace.length, queue.pushed);
      this.now = queue.topTime;
      this.stoppedCount = 0;
      this.answeredCount = 0;
      if (external && queue.topA < 0) {
        this.eventsProcessed++;
        this.publish(-queue.topA - 1);
      } else if (external) {
        this.feed.taken(queue, this.contacts, queue.topA);
        this.eventsProcessed++;
        this.handleScriptEvent(queue.topA, this.feed.eventIndex(queue.topB));
      } else this.handleTimer(queue.topA);
      return true;
    }
    return false;
  }

  /**
   * Processes everything due up to `time` (within the horizon) and sets the clock to `time`.
   * With `maxNewEntries`, stops once the trace has grown by that many entries, the clock at the
   * last instant processed; returns false when it stopped before `time` (that budget, or the
   * work cap: see `stoppedShort`).
   */
  runUntil(time: number, maxNewEntries = Infinity): boolean {
    const limit = Math.min(time, this.until);
    const budget = this.trace.length + maxNewEntries;
    while (this.trace.length < budget && this.stepWithin(limit));
    if (this.stoppedShort !== null || (this.trace.length >= budget && this.queue.peekTime() <= limit)) return false;
    if (limit > this.now) this.now = limit;
    return true;
  }

  /** Processes everything within the horizon; the clock stays at the last event. */
  runToEnd(): this {
    while (this.step());
    // Kept for its trace from here on (a report, a timeline): the queue's busiest-moment storage is not needed.
    this.queue.releaseStorage();
    return this;
  }

  /** Resolves a Workflow by id, then by name (as its live version names it), to its slot; -1 when unknown. */
  resolveWorkflow(ref: string): number {
    return this.workflowIndex.get(ref) ?? -1;
  }

  /** The latest run (id) of a Workflow (by slot) for a contact, active or ended; -1 when none. */
  latestRunOf(workflow: number, contact: number): number {
    return workflow < 0 || workflow >= this.slotCount ? -1 : this.contacts.latestRun(workflow, contact);
  }

  /** The version of a Workflow (by slot) new runs start on now. */
  liveVersion(slot: number): CompiledWorkflow {
    return this.workflows[this.current[slot] as number] as CompiledWorkflow;
  }

  /** Where a paused run stands; undefined when the run is not paused. */
  pauseOf(run: number): Readonly<PausedRun> | undefined {
    return this.pauses.get(run);
  }

  /** Every paused run, by run id. */
  pausedRuns(): ReadonlyMap<number, Readonly<PausedRun>> {
    return this.pauses;
  }

  /** Puts a run's pause in place: for a simulation assembled from the parts a pool played (see pool/). */
  restorePause(run: number, pause: PausedRun): void {
    this.pauses.set(run, { ...pause });
  }

  user(index: number): ScriptUser | undefined {
    return this.users[index];
  }

  /** The text of a trace row (message, comment, event text…), or undefined when it has none. */
  textAt(row: number): string | undefined {
    const trace = this.trace;
    const a = trace.aAt(row);
    if (a === RENDER_FROM_STEP) {
      const node = this.workflows[trace.workflowAt(row)]?.nodes[trace.nodeAt(row)];
      const contact = trace.contactAt(row);
      const names = { id: this.feed.contactId(contact), name: this.feed.contactName(contact), field: () => undefined };
      return node?.template ? renderMessage(node.template, names) : undefined;
    }
    return trace.text(a);
  }

  // ── external events ─────────────────────────────────────────────────────────────────────────

  private handleScriptEvent(contact: number, index: number): void {
    const contacts = this.contacts;
    const event = this.compiledEvents[index] as CompiledEvent;
    const user = this.eventUser[index] as number;
    const text = this.eventA[index] as number;
    this.eventNumber++;
    this.trace.append(this.now, K.event, contact, -1, this.eventWorkflow[index] as number, -1, user, this.eventCode[index] as number, text, this.eventB[index] as number, -1);
    switch (event.type) {
      case 'contact.message': {
        contacts.setLastMessage(contact, text);
        const reopened = !contacts.conversationOpen(contact);
        if (reopened) {
          contacts.setConversationOpen(contact, true);
          this.recordChange(contact, -1, -1, -1, 'conversation_opened', -1, -1);
        }
        this.observeContactMessage(contact);
        this.fireTriggers(contact, INCOMING_MESSAGE);
        if (reopened) this.fireTriggers(contact, CONVERSATION_OPENED);
        break;
      }
      case 'agent.message':
        this.observe(contact, 'user_message', user, -1);
        this.runWhenStoppedPaths();
        break;
      case 'broadcast.message':
        this.observe(contact, 'broadcast', -1, -1);
        break;
      case 'assign':
        contacts.setAssignee(contact, text);
        this.observe(contact, event.user === null ? 'rule_assignment' : 'user_assignment', user, -1);
        this.runWhenStoppedPaths();
        break;
      case 'unassign':
        contacts.setAssignee(contact, -1);
        this.observe(contact, 'unassignment', user, -1);
        break;
      case 'workflow.stop':
        this.manualStop(contact, user, event.workflow as string);
        this.runWhenStoppedPaths();
        break;
      case 'shortcut':
        this.startShortcut(contact, user, event.workflow as string);
        break;
      case 'workflow.start':
        this.startTestRun(contact, user, index);
        break;
      case 'tag.add':
        if (contacts.addTag(contact, event.tag as string))
          this.fireTriggers(contact, { type: 'tag_updated', tag: event.tag as string, action: 'added' });
        break;
      case 'tag.remove':
        if (contacts.removeTag(contact, event.tag as string))
          this.fireTriggers(contact, { type: 'tag_updated', tag: event.tag as string, action: 'removed' });
        break;
      case 'field.set':
        if (contacts.field(contact, event.field as string) !== event.value) {
          contacts.setField(contact, event.field as string, event.value as string);
          this.fireTriggers(contact, { type: 'field_updated', field: event.field as string });
        }
        break;
      case 'conversation.open':
        if (!contacts.conversationOpen(contact)) {
          contacts.setConversationOpen(contact, true);
          this.fireTriggers(contact, CONVERSATION_OPENED);
        }
        break;
      case 'conversation.close':
        if (contacts.conversationOpen(contact)) {
          contacts.setConversationOpen(contact, false);
          this.resumeOnClose(contact);
          this.fireTriggers(contact, CONVERSATION_CLOSED);
        }
        break;
    }
  }

  /**
   * A contact message, seen by each active run of the contact: it answers a run's open question
   * (and never stops that run), or goes to the exit rules. Answered runs resume afterwards, in
   * Workflow order, so every run judges the message before any run acts on it.
   */
  private observeContactMessage(contact: number): void {
    const runs = this.runs;
    let answered: number[] | null = null;
    for (let w = 0; w < this.slotCount; w++) {
      const run = this.contacts.activeRun(w, contact);
      if (run < 0) continue;
      // A paused run's question stays open, but a message meanwhile is not its answer: a person is talking.
      if (runs.waiting(run) === WAITING_REPLY && runs.status(run) === ACTIVE) {
        this.answeredByThisEvent[this.answeredCount++] = w;
        this.answerQuestion(run);
        this.applyVerdict(run, 'question_answer', -1);
        (answered ??= []).push(run);
        continue;
      }
      this.applyVerdict(run, runs.triggerEvent(run) === this.eventNumber ? 'trigger_message' : 'contact_message', -1);
    }
    this.runWhenStoppedPaths();
    if (answered) for (const run of answered) if (runs.status(run) === ACTIVE) this.advance(run, 'answered');
  }

  /**
   * Shows an observation to every active or paused run of the contact but `except` (the run that
   * caused it). A paused run that goes on being paused restarts its wait for silence when the team
   * was active (a person's message, an assignment), unless the verdict already did.
   */
  private observe(contact: number, observation: Observation, user: number, except: number): void {
    for (let w = 0; w < this.slotCount; w++) {
      const run = this.contacts.activeRun(w, contact);
      if (run < 0 || run === except) continue;
      const paused = this.applyVerdict(run, observation, user);
      if (!paused && TEAM_ACTIVITY[observation] && this.runs.status(run) === PAUSED) this.extendPause(run, -1, user);
    }
  }

  /** Applies the exit rules' verdict; true when it paused the run or extended its pause. */
  private applyVerdict(run: number, observation: Observation, user: number): boolean {
    const verdict = (this.workflows[this.runs.workflow(run)] as CompiledWorkflow).exitVerdicts[observation];
    if (verdict === null) return false;
    if ('stop' in verdict) this.stopRun(run, verdict.stop, user);
    else if ('pause' in verdict) {
      // A run is never paused twice over: met again, the pause is extended.
      if (this.runs.status(run) === PAUSED) this.extendPause(run, STOP_CODE[verdict.pause], user);
      else this.pauseRun(run, verdict.pause, user);
      return true;
    } else this.recordRun(run, K['exit.ignored'], user, EXIT_IGNORED_CODE[verdict.ignore], -1, -1, -1);
    return false;
  }

  private manualStop(contact: number, user: number, ref: string): void {
    const runs = this.runs;
    const workflow = this.resolveWorkflow(ref);
    const active = workflow < 0 ? -1 : this.contacts.activeRun(workflow, contact);
    const latest = workflow < 0 ? -1 : this.contacts.latestRun(workflow, contact);
    const decision =
      workflow < 0
        ? ({ allow: false, reason: 'unknown_workflow' } as const)
        : decideManualStop({
            // A user the script does not list is treated as restricted: a stop is refused, never let through.
            user: this.users[user] ?? { restricted: true },
            // The run's own version decides, or, with none running, the live one.
            settings: (this.workflows[active >= 0 ? runs.workflow(active) : (this.current[workflow] as number)] as CompiledWorkflow).settings,
            run: active >= 0 ? 'active' : latest >= 0 && runs.status(latest) === STOPPED ? 'stopped' : 'none',
          });
    if (decision.allow) return this.stopRun(active, 'manual', user);
    // Refused: nothing changes; the trace says why, on the run concerned where there is one.
    const shown = active >= 0 ? active : latest;
    const node = shown >= 0 ? runs.node(shown) : -1;
    const reason = REFUSED_CODE[decision.reason];
    const version = shown >= 0 ? runs.workflow(shown) : workflow < 0 ? -1 : (this.current[workflow] as number);
    this.trace.append(this.now, K['stop.refused'], contact, shown, version, node, user, reason, this.trace.intern(ref), -1, -1);
  }

  private startShortcut(contact: number, user: number, ref: string): void {
    const workflow = this.resolveWorkflow(ref);
    if (workflow < 0) return this.ignoreTrigger(contact, workflow, 'unknown_workflow', user, ref);
    if (this.users[user]?.restricted) return this.ignoreTrigger(contact, workflow, 'restricted_user', user, ref);
    if (this.liveVersion(workflow).trigger.type !== 'shortcut')
      return this.ignoreTrigger(contact, workflow, 'not_a_shortcut', user, ref);
    this.tryStart(workflow, contact, this.eventNumber, 0, user);
  }

  /**
   * A test run ("test from here"): the contact's fields are set as the script says (set-up, so
   * they fire no triggers), then the Workflow starts as if triggered — the same rules hold — at
   * its trigger or at the named step.
   */
  private startTestRun(contact: number, user: number, index: number): void {
    const workflow = this.eventWorkflow[index] as number;
    const event = this.events[index] as Extract<ScriptEvent, { type: 'workflow.start' }>;
    if (workflow < 0) return this.ignoreTrigger(contact, workflow, 'unknown_workflow', user, event.workflow);
    for (const [field, value] of Object.entries(event.fields ?? {})) {
      this.contacts.setField(contact, field, value);
      this.recordChange(contact, -1, workflow, -1, 'field_set', this.trace.intern(field), this.trace.intern(value));
    }
    // The step by its id in the version live now (a publish may have changed where it is).
    const at = event.atStep === undefined ? -1 : (this.liveVersion(workflow).nodeIndex.get(event.atStep) ?? -1);
    this.tryStart(workflow, contact, this.eventNumber, 0, user, at > 0 ? at : -1);
  }

  /** Starts every Workflow but `except` whose trigger answers the signal. */
  private fireTriggers(contact: number, signal: TriggerSignal, except = -1): void {
    const listening = this.listeners.get(signal.type);
    if (listening === undefined) return;
    for (const w of listening) {
      if (w !== except && triggerMatches(this.liveVersion(w).trigger, signal)) this.tryStart(w, contact, this.eventNumber, 0, -1);
    }
  }

  /**
   * Starts a run unless a rule forbids it (one active run per Workflow and contact, "Trigger once
   * per contact", re-entry after a stop), at the trigger or, for a test run, at node `at`.
   */
  private tryStart(workflow: number, contact: number, triggerEvent: number, depth: number, user: number, at = -1): void {
    const contacts = this.contacts;
    const compiled = this.liveVersion(workflow);
    if (this.wasStoppedByThisEvent(workflow)) return this.ignoreTrigger(contact, workflow, 'stopped_by_this_event', user);
    if (contacts.activeRun(workflow, contact) >= 0) return this.ignoreTrigger(contact, workflow, 'already_active', user);
    if (this.wasAnsweredByThisEvent(workflow)) return this.ignoreTrigger(contact, workflow, 'answered_by_this_event', user);
    if (compiled.trigger.oncePerContact && contacts.latestRun(workflow, contact) >= 0)
      return this.ignoreTrigger(contact, workflow, 'once_per_contact', user);
    if (compiled.reentry.rule !== 'allow') {
      const stopped = this.reentryBlockedBy(compiled, contacts.latestRun(workflow, contact));
      if (stopped >= 0) return this.ignoreReentry(contact, workflow, compiled.reentry.rule === 'never' ? 'reentry_never' : 'reentry_wait', user, stopped);
    }
    const run = this.runs.add(compiled.index, contact, this.now, triggerEvent, depth);
    contacts.setActiveRun(workflow, contact, run);
    contacts.setLatestRun(workflow, contact, run);
    this.recordRun(run, K['run.started'], user, at >= 0 ? STARTED_AT_STEP : 0, -1, -1, -1);
    if (at >= 0) this.runFrom(run, at, -1);
    else this.advance(run, 'next');
  }

  /**
   * The stopped run whose stop keeps the Workflow from starting now, or -1. Only the
   * contact's latest run counts: a covered stop before it was either lifted before that run
   * started or, with `never`, would have kept it from starting.
   */
  private reentryBlockedBy(workflow: CompiledWorkflow, latest: number): number {
    const runs = this.runs;
    if (latest < 0 || runs.status(latest) !== STOPPED || ((workflow.reentry.reasonMask >> runs.reason(latest)) & 1) === 0) return -1;
    if (workflow.reentry.rule === 'after' && this.now >= runs.endedAt(latest) + workflow.reentry.waitMs) return -1;
    return latest;
  }

  /** A trigger ignored by a re-entry rule: the row names the stopped run, from which readers tell when and why it stopped. */
  private ignoreReentry(contact: number, workflow: number, reason: 'reentry_never' | 'reentry_wait', user: number, stopped: number): void {
    this.trace.append(this.now, K['trigger.ignored'], contact, -1, this.current[workflow] as number, 0, user, IGNORED_CODE[reason], -1, stopped, -1);
  }

  private wasStoppedByThisEvent(workflow: number): boolean {
    for (let i = 0; i < this.stoppedCount; i++) if (this.stoppedByThisEvent[i] === workflow) return true;
    return false;
  }

  private wasAnsweredByThisEvent(workflow: number): boolean {
    for (let i = 0; i < this.answeredCount; i++) if (this.answeredByThisEvent[i] === workflow) return true;
    return false;
  }

  private ignoreTrigger(contact: number, workflow: number, reason: TriggerIgnoredReason, user: number, ref?: string): void {
    const node = workflow >= 0 ? 0 : -1;
    const version = workflow >= 0 ? (this.current[workflow] as number) : -1;
    this.trace.append(this.now, K['trigger.ignored'], contact, -1, version, node, user, IGNORED_CODE[reason], this.trace.intern(ref), -1, -1);
  }

  // ── timers ──────────────────────────────────────────────────────────────────────────────────

  /** Whether a queued timer still counts: its run is active (or paused, for its resume) and waits for this very timer. */
  private isLiveTimer(run: number, token: number): boolean {
    return this.runs.isOngoing(run) && this.runs.timerToken(run) === token;
  }

  /** A live timer expires (see `isLiveTimer`): a step's, or a paused run's wait for silence. */
  private handleTimer(run: number): void {
    const runs = this.runs;
    this.eventsProcessed++;
    if (runs.status(run) === PAUSED) return this.resumeRun(run, 'silence');
    runs.setTimerToken(run, -1);
    this.recordRun(run, K['timer.fired'], -1, 0, -1, -1, runs.due(run));
    const wasAsking = runs.waiting(run) === WAITING_REPLY;
    runs.setWaiting(run, NOT_WAITING);
    if (wasAsking) this.recordRun(run, K['question.timeout'], -1, 0, -1, -1, -1);
    this.advance(run, wasAsking ? 'timeout' : 'next');
  }

  private schedule(run: number, due: number): void {
    const token = ++this.timerTokens;
    this.runs.setTimerToken(run, token);
    this.runs.setDue(run, due);
    this.queue.push(due, TIMER, run, token);
    this.recordRun(run, K['timer.set'], -1, 0, -1, -1, due);
  }

  // ── running steps ───────────────────────────────────────────────────────────────────────────

  /** Leaves the run's current node by `handle` and executes steps until the run suspends or ends. */
  private advance(run: number, handle: string): void {
    const from = (this.workflows[this.runs.workflow(run)] as CompiledWorkflow).nodes[this.runs.node(run)] as CompiledNode;
    this.runFrom(run, nodeAfter(from, handle), this.outputId(handle));
  }

  private outputId(handle: string): number {
    return handle === 'next' ? this.nextOutput : this.trace.intern(handle);
  }

  /**
   * Executes steps from node `next` (-1: none, the run completes) until the run suspends or ends;
   * `via` is how the run got to it (see JUMPED).
   */
  private runFrom(run: number, next: number, via: number): void {
    const runs = this.runs;
    const nodes = (this.workflows[runs.workflow(run)] as CompiledWorkflow).nodes;
    const context = this.stepContext;
    while (true) {
      if (next < 0) return this.endRun(run, COMPLETED, -1);
      if (runs.countStep(run, this.now) > MAX_STEPS_PER_INSTANT) return this.endRun(run, FAILED, FAIL_CODE.loop);
      const node = nodes[next] as CompiledNode;
      runs.setNode(run, next);
      this.recordRun(run, K.step, -1, 0, -1, via, -1);
      context.now = this.now;
      context.contact = this.contacts.view(runs.contact(run));
      const outcome = executeStep(node, context);
      if (outcome.effect !== null) this.applyEffect(run, outcome.effect);
      if (runs.status(run) !== ACTIVE) return;
      const flow = outcome.flow;
      switch (flow.kind) {
        case 'next':
          next = nodeAfter(node, flow.handle);
          via = this.outputId(flow.handle);
          break;
        case 'jump':
          next = flow.target;
          via = JUMPED;
          break;
        case 'wait':
          runs.setWaiting(run, WAITING_TIMER);
          this.schedule(run, flow.until);
          return;
        case 'ask':
          runs.setWaiting(run, WAITING_REPLY);
          if (flow.timeoutAt >= 0) this.schedule(run, flow.timeoutAt);
          return;
        case 'end':
          return this.endRun(run, COMPLETED, -1);
      }
    }
  }

  private applyEffect(run: number, effect: Effect): void {
    const runs = this.runs;
    const contact = runs.contact(run);
    const workflow = runs.workflow(run);
    const node = runs.node(run);
    const contacts = this.contacts;
    const trace = this.trace;
    switch (effect.kind) {
      case 'send':
        this.recordRun(run, K['message.sent'], -1, 0, this.textId(run, effect.message), -1, -1);
        this.observe(contact, 'workflow_message', -1, run);
        return;
      case 'assign': {
        const to = trace.intern(effect.to);
        contacts.setAssignee(contact, to);
        this.recordChange(contact, run, workflow, node, 'assigned', to, -1);
        this.observe(contact, 'workflow_assignment', -1, run);
        return;
      }
      case 'set_field': {
        if (this.inWhenStopped && contacts.field(contact, effect.field) !== effect.value) this.signalBuffer[this.signalCount++] = { type: 'field_updated', field: effect.field };
        contacts.setField(contact, effect.field, effect.value);
        this.recordChange(contact, run, workflow, node, 'field_set', trace.intern(effect.field), trace.intern(effect.value));
        return;
      }
      case 'tag':
        if (effect.add ? contacts.addTag(contact, effect.tag) : contacts.removeTag(contact, effect.tag)) {
          this.recordChange(contact, run, workflow, node, effect.add ? 'tag_added' : 'tag_removed', trace.intern(effect.tag), -1);
          if (this.inWhenStopped) this.signalBuffer[this.signalCount++] = { type: 'tag_updated', tag: effect.tag, action: effect.add ? 'added' : 'removed' };
        }
        return;
      case 'comment':
        this.recordRun(run, K['comment.added'], -1, 0, this.textId(run, effect.message), -1, -1);
        return;
      case 'conversation':
        if (contacts.conversationOpen(contact) !== effect.open) {
          contacts.setConversationOpen(contact, effect.open);
          this.recordChange(contact, run, workflow, node, effect.open ? 'conversation_opened' : 'conversation_closed', -1, -1);
          if (!effect.open) this.resumeOnClose(contact);
        }
        return;
      case 'start_workflow': {
        const target = this.resolveWorkflow(effect.workflow);
        if (target < 0) return this.ignoreTrigger(contact, target, 'unknown_workflow', -1, effect.workflow);
        if (this.liveVersion(target).trigger.type !== 'workflow_started')
          return this.ignoreTrigger(contact, target, 'not_started_by_workflows', -1, effect.workflow);
        const depth = runs.chainDepth(run);
        if (depth >= MAX_CHAIN_DEPTH) return this.ignoreTrigger(contact, target, 'chain_too_deep', -1, effect.workflow);
        this.tryStart(target, contact, -1, depth + 1, -1);
        return;
      }
    }
  }

  /**
   * The trace string id of a step's message as the run's contact gets it. A text that is the
   * same for every contact is interned once per step; one that only names the contact
   * (`{{contact.name}}`) is rendered when the row is read (RENDER_FROM_STEP); only a text that
   * reads contact fields, which change, is rendered and interned now.
   */
  private textId(run: number, message: MessageTemplate): number {
    const fixed = (this.stepTextIds[this.runs.workflow(run)] as Int32Array)[this.runs.node(run)] as number;
    return fixed === -1 ? this.trace.intern(renderMessage(message, this.contacts.view(this.runs.contact(run)))) : fixed;
  }

  /** The contact's last message answers the run's open question: store it in the step's field. */
  private answerQuestion(run: number): void {
    const runs = this.runs;
    const contact = runs.contact(run);
    const node = (this.workflows[runs.workflow(run)] as CompiledWorkflow).nodes[runs.node(run)] as CompiledNode;
    const field = node.step?.type === 'ask_question' && node.step.field !== '' ? node.step.field : node.id;
    const text = this.contacts.lastMessage(contact);
    runs.setWaiting(run, NOT_WAITING);
    this.cancelTimer(run, TIMER_CANCELLED_BY_ANSWER);
    this.contacts.setField(contact, field, this.trace.text(text) ?? '');
    this.recordRun(run, K['question.answered'], -1, 0, text, this.trace.intern(field), -1);
  }

  // ── ending runs ─────────────────────────────────────────────────────────────────────────────

  /**
   * Stops a run for a reason (rules 1–3 of a stop, SEMANTICS.md): once, cancelling everything pending. Its When
   * stopped path waits until every run of the contact has judged the event (`runWhenStoppedPaths`).
   */
  private stopRun(run: number, reason: StopReason, user: number): void {
    const runs = this.runs;
    if (!runs.isOngoing(run)) return;
    const slot = (this.workflows[runs.workflow(run)] as CompiledWorkflow).slot;
    // Once per Workflow in a row: a publish stops every run of one Workflow, and the list is scanned per trigger.
    if (this.stoppedCount === 0 || this.stoppedByThisEvent[this.stoppedCount - 1] !== slot) this.stoppedByThisEvent[this.stoppedCount++] = slot;
    runs.setStoppedBy(run, user);
    this.endRun(run, STOPPED, STOP_CODE[reason]);
    if ((this.workflows[runs.workflow(run)] as CompiledWorkflow).whenStopped >= 0) this.pendingWhenStopped[this.pendingCount++] = run;
  }

  /**
   * The When stopped paths of the runs the current event stopped, in the order they stopped:
   * after every run of the contact has judged the event, before anything acts on it
   * (answered runs resuming, triggers firing) and before any timer of the instant.
   */
  private runWhenStoppedPaths(): void {
    if (this.pendingCount === 0) return;
    const pending = this.pendingWhenStopped;
    for (let i = 0; i < this.pendingCount; i++) this.runWhenStopped(pending[i] as number);
    this.pendingCount = 0;
  }

  /**
   * Runs a stopped run's When stopped path, once: its steps are the run's (traced on it, with the
   * stop's reason for the Stop reason branch), and afterwards the run is again at the step it
   * stopped at. Its messages and assignments are a Workflow's, so they stop nothing; the tags and
   * fields it changes fire other Workflows' triggers once the path has ended.
   */
  private runWhenStopped(run: number): void {
    const runs = this.runs;
    if (runs.whenStoppedRan(run)) return;
    runs.markWhenStoppedRan(run);
    const w = runs.workflow(run);
    const workflow = this.workflows[w] as CompiledWorkflow;
    const contact = runs.contact(run);
    const stoppedAt = runs.node(run);
    const reason = runs.reason(run);
    const now = this.now;
    const trace = this.trace;
    const plan = this.whenStoppedPlan(w, reason);
    this.signalCount = 0;
    this.inWhenStopped = true;
    // The planned rows are written as blocks, broken only where an effect depends on the contact.
    let written = 0;
    const effects = plan.effects;
    for (let j = 0; j < effects.length; j++) {
      const upTo = plan.effectAfterRows[j] as number;
      trace.appendRows(now, run, plan.rows, written, upTo);
      written = upTo;
      runs.setNode(run, plan.effectNodes[j] as number);
      this.applyEffect(run, effects[j] as Effect);
    }
    trace.appendRows(now, run, plan.rows, written, plan.rowCount);
    if (plan.rest >= 0) {
      const played = this.playWhenStoppedRest(run, plan, reason);
      const last = played.last >= 0 ? played.last : plan.last;
      trace.append(now, K['when_stopped.ended'], contact, run, w, last, -1, played.cutShort ? WHEN_STOPPED_CUT_SHORT : 0, -1, -1, -1);
    }
    this.inWhenStopped = false;
    runs.setNode(run, stoppedAt);
    // Starting runs sends, tags and assigns, but stops nothing, so no other path runs meanwhile.
    const signals = this.signalBuffer;
    for (let i = 0; i < this.signalCount; i++) this.fireTriggers(contact, signals[i] as TriggerSignal, workflow.slot);
  }

  /**
   * The part of a When stopped path that cannot be planned (a step reading the contact or the
   * clock, and all after it), executed step by step; returns the last node and whether the
   * runaway guard cut it short.
   */
  private playWhenStoppedRest(run: number, plan: WhenStoppedPlan, reason: number): { last: number; cutShort: boolean } {
    const runs = this.runs;
    const w = runs.workflow(run);
    const nodes = (this.workflows[w] as CompiledWorkflow).nodes;
    const contact = runs.contact(run);
    const context = this.stepContext;
    context.now = this.now;
    context.stopReason = STOP_REASONS[reason] as StopReason;
    let next = plan.rest;
    let via = plan.restVia;
    let last = -1;
    // The runaway guard, counted from the planned steps: the validator keeps loops off the path, but a document it never saw may have one.
    let steps = plan.planned;
    let cutShort = false;
    while (next >= 0) {
      if (++steps > MAX_STEPS_PER_INSTANT) {
        cutShort = true;
        break;
      }
      const node = nodes[next] as CompiledNode;
      last = next;
      runs.setNode(run, next);
      this.trace.append(this.now, K.step, contact, run, w, next, -1, 0, -1, via, -1);
      context.contact = this.contacts.view(contact);
      const outcome = executeStep(node, context);
      if (outcome.effect !== null) this.applyEffect(run, outcome.effect);
      const flow = outcome.flow;
      // Only steps that go on are allowed here (the validator refuses Wait, Ask and Jump to): anything else ends the path.
      if (flow.kind !== 'next') break;
      next = nodeAfter(node, flow.handle);
      via = this.outputId(flow.handle);
    }
    context.stopReason = null;
    return { last, cutShort };
  }

  /** The When stopped path of a version for a stop reason, planned on first use (see `planWhenStopped`). */
  private whenStoppedPlan(w: number, reason: number): WhenStoppedPlan {
    const plans = (this.whenStoppedPlans[w] ??= []);
    return (plans[reason] ??= this.planWhenStopped(this.workflows[w] as CompiledWorkflow, STOP_REASONS[reason] as StopReason));
  }

  /**
   * The steps a When stopped path takes for a stop reason, as far as they can be known before it
   * runs (`plannedOutcome`): each with how it was reached and its effect. A stop then writes rows
   * and carries out effects without interpreting the path; from the first step that reads the
   * contact or the clock (`rest`) it is played step by step.
   */
  private planWhenStopped(workflow: CompiledWorkflow, reason: StopReason): WhenStoppedPlan {
    const nodes = workflow.nodes;
    const w = workflow.index;
    const texts = this.stepTextIds[w] as Int32Array;
    const rows: number[] = [];
    const row = (kind: number, node: number, code: number, a: number, b: number): void => {
      rows.push(...TraceLog.rowTemplate(kind, w, node, -1, code, a, b));
    };
    const effects: Effect[] = [];
    const effectNodes: number[] = [];
    const effectAfterRows: number[] = [];
    row(K['when_stopped.started'], workflow.whenStopped, STOP_CODE[reason], -1, -1);
    let last = workflow.whenStopped;
    let planned = 0;
    let next = (nodes[workflow.whenStopped] as CompiledNode).next;
    let via = this.nextOutput;
    while (next >= 0 && planned < MAX_STEPS_PER_INSTANT) {
      const node = nodes[next] as CompiledNode;
      const outcome = plannedOutcome(node, reason);
      if (outcome === null) break;
      planned++;
      last = next;
      row(K.step, next, 0, -1, via);
      const effect = outcome.effect;
      // A comment's row is known in advance when its text is the same for every contact (see `textId`).
      if (effect?.kind === 'comment' && texts[next] !== -1) row(K['comment.added'], next, 0, texts[next] as number, -1);
      else if (effect !== null) {
        effects.push(effect);
        effectNodes.push(next);
        effectAfterRows.push(rows.length / 4);
      }
      const flow = outcome.flow;
      if (flow.kind !== 'next') {
        next = -1;
        break;
      }
      next = nodeAfter(node, flow.handle);
      via = this.outputId(flow.handle);
    }
    if (next < 0) row(K['when_stopped.ended'], last, 0, -1, -1);
    return {
      rows: Int32Array.from(rows),
      rowCount: rows.length / 4,
      effects,
      effectNodes: Int32Array.from(effectNodes),
      effectAfterRows: Int32Array.from(effectAfterRows),
      last,
      planned,
      rest: next,
      restVia: via,
    };
  }

  private endRun(run: number, status: number, reason: number): void {
    const runs = this.runs;
    if (runs.status(run) === PAUSED) {
      // Its pending timer is the wait for silence, not a step's: nothing of the run is left to cancel.
      this.pauses.delete(run);
      runs.setTimerToken(run, -1);
    }
    runs.setStatus(run, status);
    runs.setReason(run, reason);
    runs.setEndedAt(run, this.now);
    this.contacts.setActiveRun((this.workflows[runs.workflow(run)] as CompiledWorkflow).slot, runs.contact(run), -1);
    const kind = status === STOPPED ? K['run.stopped'] : status === FAILED ? K['run.failed'] : K['run.completed'];
    this.recordRun(run, kind, runs.stoppedBy(run), Math.max(reason, 0), -1, -1, -1);
    if (runs.waiting(run) === WAITING_REPLY) this.recordRun(run, K['question.cancelled'], -1, 0, -1, -1, -1);
    runs.setWaiting(run, NOT_WAITING);
    this.cancelTimer(run, TIMER_CANCELLED_BY_END);
  }

  // ── publishing a new version ────────────────────────────────────────────────────────────────

  /**
   * A new version of a Workflow goes live: new runs start on it from now. Its runs in flight, by
   * the publish's policy: finish on the version they started on; are stopped (`workflow_updated`,
   * their version's When stopped path then runs); or move to the new version at the step with the
   * same id — a timer keeps its due time, an open question stays open, a pause stays paused — and a
   * run whose step the new version no longer has is stopped (`step_removed`).
   */
  private publish(p: number): void {
    const publish = this.publishes[p] as Publish;
    const slot = publish.slot;
    const workflows = this.workflows as CompiledWorkflow[];
    const next = compileWorkflow(publish.workflow, workflows.length, slot, (this.liveVersion(slot).version as number) + 1);
    workflows.push(next);
    this.stepTextIds.push(this.stepTextIdsOf(next));
    this.current[slot] = next.index;
    this.workflowIndex = indexWorkflowRefs(this.current.map((version) => this.workflows[version] as CompiledWorkflow));
    this.listen();
    this.trace.append(this.now, K['workflow.published'], -1, -1, next.index, -1, -1, POLICY_CODE[publish.policy], this.trace.intern(publish.file), -1, -1);
    if (publish.policy === 'finish') return;
    const contacts = this.contacts;
    for (let contact = 0; contact < this.feed.contactCount; contact++) {
      const run = contacts.activeRun(slot, contact);
      if (run < 0) continue;
      if (publish.policy === 'stop') this.stopRun(run, 'workflow_updated', -1);
      else this.moveRun(run, next);
    }
    this.runWhenStoppedPaths();
  }

  /** Moves a run in flight to a new version at the step with the same id, or stops it when there is none. */
  private moveRun(run: number, to: CompiledWorkflow): void {
    const runs = this.runs;
    const from = this.workflows[runs.workflow(run)] as CompiledWorkflow;
    const node = to.nodeIndex.get((from.nodes[runs.node(run)] as CompiledNode).id);
    if (node === undefined || node === to.whenStopped) return this.stopRun(run, 'step_removed', -1);
    runs.setWorkflow(run, to.index);
    runs.setNode(run, node);
    this.recordRun(run, K['run.moved'], -1, 0, -1, -1, -1);
  }

  // ── pausing (hand-back) ─────────────────────────────────────────────────────────────────────

  /**
   * An exit condition set to pause is met: the run keeps its place and its question, its timer
   * stops with the time it had left, and it waits for the Workflow's resume rule. It stays the
   * contact's active run, so new triggers are ignored, and Stop conditions and a manual stop still
   * stop it.
   */
  private pauseRun(run: number, condition: ExitCondition, user: number): void {
    const runs = this.runs;
    const resume = (this.workflows[runs.workflow(run)] as CompiledWorkflow).resume;
    const code = STOP_CODE[condition];
    runs.setStatus(run, PAUSED);
    runs.setReason(run, code);
    const resumeAt = resume.on === 'silence' ? this.now + resume.afterMs : -1;
    this.recordRun(run, K['run.paused'], user, code, -1, -1, resumeAt);
    let remaining = -1;
    if (runs.timerToken(run) >= 0) {
      remaining = runs.due(run) - this.now;
      this.recordRun(run, K['timer.frozen'], -1, 0, -1, -1, runs.due(run));
      runs.setTimerToken(run, -1);
    }
    this.pauses.set(run, { pausedAt: this.now, remaining, resumeAt, quietSince: this.now });
    if (resumeAt >= 0) this.scheduleResume(run, resumeAt);
  }

  /**
   * The wait for silence starts again: a Pause condition met again (`code`: its stop reason code)
   * or the team active (`PAUSE_EXTENDED_BY_ACTIVITY`, -1 here). With a resume on close only, a
   * team's activity changes nothing and is not traced.
   */
  private extendPause(run: number, code: number, user: number): void {
    const pause = this.pauses.get(run) as PausedRun;
    const resume = (this.workflows[this.runs.workflow(run)] as CompiledWorkflow).resume;
    if (code < 0 && resume.on !== 'silence') return;
    if (resume.on === 'silence') {
      pause.resumeAt = this.now + resume.afterMs;
      pause.quietSince = this.now;
      this.scheduleResume(run, pause.resumeAt);
    }
    this.recordRun(run, K['pause.extended'], user, code < 0 ? PAUSE_EXTENDED_BY_ACTIVITY : code, -1, -1, pause.resumeAt);
  }

  /** The paused runs of the contact that resume when its conversation is closed do so now. */
  private resumeOnClose(contact: number): void {
    if (this.pauses.size === 0) return;
    for (let w = 0; w < this.slotCount; w++) {
      const run = this.contacts.activeRun(w, contact);
      if (run >= 0 && this.runs.status(run) === PAUSED && (this.workflows[this.runs.workflow(run)] as CompiledWorkflow).resume.on === 'conversation_closed')
        this.resumeRun(run, 'conversation_closed');
    }
  }

  /** A paused run carries on where it was: its frozen timer continues with the time it had left. */
  private resumeRun(run: number, why: ResumeReason): void {
    const runs = this.runs;
    const pause = this.pauses.get(run) as PausedRun;
    this.pauses.delete(run);
    runs.setStatus(run, ACTIVE);
    runs.setReason(run, -1);
    runs.setTimerToken(run, -1);
    this.recordRun(run, K['run.resumed'], -1, RESUME_CODE[why], -1, -1, why === 'silence' ? pause.quietSince : -1);
    if (pause.remaining >= 0) this.schedule(run, this.now + pause.remaining);
  }

  /** Queues a paused run's resume; a new one makes the last one stale (see `isLiveTimer`). */
  private scheduleResume(run: number, at: number): void {
    const token = ++this.timerTokens;
    this.runs.setTimerToken(run, token);
    this.queue.push(at, TIMER, run, token);
  }

  private cancelTimer(run: number, why: number): void {
    const runs = this.runs;
    if (runs.timerToken(run) < 0) return;
    runs.setTimerToken(run, -1);
    this.recordRun(run, K['timer.cancelled'], -1, why, -1, -1, runs.due(run));
  }

  // ── recording ───────────────────────────────────────────────────────────────────────────────

  private recordRun(run: number, kind: number, user: number, code: number, a: number, b: number, due: number): void {
    const runs = this.runs;
    this.trace.append(this.now, kind, runs.contact(run), run, runs.workflow(run), runs.node(run), user, code, a, b, due);
  }

  private recordChange(contact: number, run: number, workflow: number, node: number, change: ContactChange, a: number, b: number): void {
    this.trace.append(this.now, K['contact.changed'], contact, run, workflow, node, -1, CHANGE_CODE[change], a, b, -1);
  }

  /** What the trace records of each script event, worked out once (a population replays them N times). */
  private compileEvents(): void {
    const trace = this.trace;
    this.events.forEach((event, i) => {
      this.eventCode[i] = EVENT_CODE[event.type];
      const user = userOf(event);
      this.eventUser[i] = user === undefined ? -1 : (this.userIndex.get(user) ?? -1);
      let a = -1;
      let b = -1;
      let workflow = -1;
      switch (event.type) {
        case 'contact.message':
        case 'agent.message':
        case 'broadcast.message':
          a = trace.intern(event.text);
          break;
        case 'assign':
          a = trace.intern(event.to);
          break;
        case 'tag.add':
        case 'tag.remove':
          a = trace.intern(event.tag);
          break;
        case 'field.set':
          a = trace.intern(event.field);
          b = trace.intern(event.value);
          break;
        case 'workflow.stop':
        case 'shortcut':
          workflow = this.resolveWorkflow(event.workflow);
          a = trace.intern(event.workflow);
          break;
        case 'workflow.start':
          workflow = this.resolveWorkflow(event.workflow);
          a = trace.intern(event.workflow);
          break;
        default:
          break;
      }
      this.eventA[i] = a;
      this.eventB[i] = b;
      this.eventWorkflow[i] = workflow;
    });
  }
}
