import type { Script, ScriptEvent, ScriptUser } from '../schema/script.ts';
import { stopReasonSchema } from '../schema/script.ts';
import type { ExitCondition } from '../schema/settings.ts';
import {
  contactChangeSchema,
  exitIgnoredReasonSchema,
  failReasonSchema,
  stopRefusedReasonSchema,
  triggerIgnoredReasonSchema,
  type ContactChange,
  type TriggerIgnoredReason,
} from '../schema/trace.ts';
import { scriptEventTypeSchema } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { compileWorkflow, type CompiledNode, type CompiledWorkflow } from './compileWorkflow.ts';
import { ContactState } from './contactState.ts';
import { EventQueue, EXTERNAL, TIMER } from './eventQueue.ts';
import { executeStep, type Effect } from './executeStep.ts';
import { exitVerdict, type Observation } from './exitRules.ts';
import { decideManualStop } from './manualStop.ts';
import {
  ACTIVE,
  COMPLETED,
  FAILED,
  NOT_WAITING,
  Run,
  STOPPED,
  WAITING_REPLY,
  WAITING_TIMER,
} from './run.ts';
import { ScriptFeed } from './scriptFeed.ts';
import { K, TraceLog } from './traceLog.ts';
import {
  CONVERSATION_CLOSED,
  CONVERSATION_OPENED,
  INCOMING_MESSAGE,
  triggerMatches,
  type TriggerSignal,
} from './triggers.ts';

/** SPEC §7: a run that executes this many steps without virtual time advancing fails (`loop`). */
export const MAX_STEPS_PER_INSTANT = 1000;
/** How many "Trigger another Workflow" hops may chain at once before the next is refused. */
export const MAX_CHAIN_DEPTH = 50;
/** Codes of `timer.cancelled` rows: the run ended (stopped, failed), or its question was answered. */
export const TIMER_CANCELLED_BY_END = 0;
export const TIMER_CANCELLED_BY_ANSWER = 1;
/** Without `until`, the simulation ends when nothing is pending or a year has passed. */
export const DEFAULT_HORIZON_MS = 365 * 86_400_000;

const codeOf = <T extends string>(options: readonly T[]) =>
  Object.fromEntries(options.map((option, i) => [option, i])) as Record<T, number>;
const STOP_CODE = codeOf(stopReasonSchema.options);
const REFUSED_CODE = codeOf(stopRefusedReasonSchema.options);
const IGNORED_CODE = codeOf(triggerIgnoredReasonSchema.options);
const EXIT_IGNORED_CODE = codeOf(exitIgnoredReasonSchema.options);
const FAIL_CODE = codeOf(failReasonSchema.options);
const CHANGE_CODE = codeOf(contactChangeSchema.options);
const EVENT_CODE = codeOf(scriptEventTypeSchema.options);

export interface SimulationInput {
  /** Valid Workflows (see `validateWorkflow`), live at once for the same contacts, in this order. */
  readonly workflows: readonly Workflow[];
  readonly script: Script;
  /** Virtual horizon in ms since the start: nothing due later is processed. */
  readonly until?: number;
}

/**
 * The interpreter: takes entries off the event queue in (time, external-before-timer, sequence)
 * order and carries out what the pure parts decide — step plans (`executeStep`), exit verdicts
 * (`exitVerdict`), manual-stop checks (`decideManualStop`), trigger matching (`triggerMatches`).
 * It is the only place state changes, and it records everything in `trace`.
 *
 * Deterministic: the same input gives the same trace, entry for entry.
 */
export class Simulation {
  readonly trace = new TraceLog();
  readonly workflows: readonly CompiledWorkflow[];
  readonly feed: ScriptFeed;
  readonly startEpochMs: number;
  readonly until: number;
  /** Virtual time, ms since the script's start. */
  now = 0;
  /** Entries taken from the queue that did something: script events and timers that expired. */
  eventsProcessed = 0;
  readonly runs: Run[] = [];
  private readonly queue = new EventQueue();
  private readonly contacts: (ContactState | undefined)[];
  /** Per Workflow, per contact: the active run's id, or -1. */
  private readonly activeRun: Int32Array[];
  /** Per Workflow, per contact: the latest run's id, or -1. */
  private readonly latestRun: Int32Array[];
  private readonly users: readonly ScriptUser[];
  private readonly userIndex = new Map<string, number>();
  private readonly workflowIndex = new Map<string, number>();
  private eventNumber = 0;
  private timerTokens = 0;
  /** Workflows a run of which the current event stopped (SPEC §2 rule 5). */
  private readonly stoppedByThisEvent: number[] = [];
  private readonly tagsOf: ReadonlySet<string>[];
  private readonly timeZone: string;

  constructor(input: SimulationInput) {
    this.workflows = input.workflows.map(compileWorkflow);
    this.workflows.forEach((workflow, i) => this.workflowIndex.set(workflow.id, i));
    this.workflows.forEach((workflow, i) => {
      if (!this.workflowIndex.has(workflow.name)) this.workflowIndex.set(workflow.name, i);
    });
    this.users = input.script.users;
    this.users.forEach((user, i) => this.userIndex.set(user.id, i));
    this.feed = new ScriptFeed(input.script);
    this.startEpochMs = Date.parse(input.script.start);
    this.until = input.until ?? DEFAULT_HORIZON_MS;
    this.timeZone = input.script.timezone;
    this.contacts = new Array<ContactState | undefined>(this.feed.contactCount);
    this.activeRun = this.workflows.map(() => new Int32Array(this.feed.contactCount).fill(-1));
    this.latestRun = this.workflows.map(() => new Int32Array(this.feed.contactCount).fill(-1));
    this.tagsOf = input.script.contacts.map((contact) => new Set(contact.tags));
    this.feed.start(this.queue);
  }

  /** When the next queued entry is due, or `Infinity`. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /** Whether something is still due within the horizon. */
  hasPending(): boolean {
    return this.queue.peekTime() <= this.until;
  }

  /** Processes the next queued entry within the horizon; false when there is none. */
  step(): boolean {
    const queue = this.queue;
    while (queue.peekTime() <= this.until) {
      queue.pop();
      this.now = queue.topTime;
      this.stoppedByThisEvent.length = 0;
      if (queue.topClass === EXTERNAL) {
        this.feed.taken(queue, queue.topA, queue.topB, queue.topTime);
        this.eventsProcessed++;
        this.handleScriptEvent(queue.topA, this.feed.event(queue.topB));
        return true;
      }
      if (this.handleTimer(queue.topA, queue.topB)) return true;
    }
    return false;
  }

  /** Processes everything due up to `time` (within the horizon) and sets the clock to `time`. */
  runUntil(time: number): void {
    const limit = Math.min(time, this.until);
    while (this.queue.peekTime() <= limit) this.step();
    if (limit > this.now) this.now = limit;
  }

  /** Processes everything within the horizon; the clock stays at the last event. */
  runToEnd(): this {
    while (this.step());
    return this;
  }

  /** The contact's state, created on first use. */
  contact(index: number): ContactState {
    let contact = this.contacts[index];
    if (!contact) {
      const template = this.feed.template(index);
      const templateIndex = this.feed.isPopulation ? 0 : index;
      contact = new ContactState(
        index,
        this.feed.contactId(index),
        this.feed.contactName(index),
        this.tagsOf[templateIndex],
        template.fields,
      );
      this.contacts[index] = contact;
    }
    return contact;
  }

  /** Resolves a Workflow by id, then by name; -1 when unknown. */
  resolveWorkflow(ref: string): number {
    return this.workflowIndex.get(ref) ?? -1;
  }

  /** The latest run of a Workflow for a contact, active or ended. */
  latestRunOf(workflow: number, contact: number): Run | undefined {
    const id = this.latestRun[workflow]?.[contact] ?? -1;
    return id < 0 ? undefined : this.runs[id];
  }

  user(index: number): ScriptUser | undefined {
    return this.users[index];
  }

  // ── external events ─────────────────────────────────────────────────────────────────────────

  private handleScriptEvent(contactIndex: number, event: ScriptEvent): void {
    const contact = this.contact(contactIndex);
    const user = 'user' in event && event.user !== undefined ? (this.userIndex.get(event.user) ?? -1) : -1;
    this.eventNumber++;
    this.recordEvent(contactIndex, user, event);
    switch (event.type) {
      case 'contact.message': {
        contact.lastMessage = event.text;
        const reopened = !contact.conversationOpen;
        if (reopened) {
          contact.conversationOpen = true;
          this.recordChange(contactIndex, -1, -1, -1, 'conversation_opened', -1, -1);
        }
        this.observeContactMessage(contactIndex, event.text);
        this.fireTriggers(contactIndex, INCOMING_MESSAGE);
        if (reopened) this.fireTriggers(contactIndex, CONVERSATION_OPENED);
        break;
      }
      case 'agent.message':
        this.observe(contactIndex, 'user_message', user);
        break;
      case 'broadcast.message':
        this.observe(contactIndex, 'broadcast', -1);
        break;
      case 'assign':
        contact.assignee = event.to;
        this.observe(contactIndex, event.user === undefined ? 'rule_assignment' : 'user_assignment', user);
        break;
      case 'unassign':
        contact.assignee = null;
        this.observe(contactIndex, 'unassignment', user);
        break;
      case 'workflow.stop':
        this.manualStop(contactIndex, user, event.workflow);
        break;
      case 'shortcut':
        this.startShortcut(contactIndex, user, event.workflow);
        break;
      case 'tag.add':
        if (contact.addTag(event.tag)) this.fireTriggers(contactIndex, { type: 'tag_updated', tag: event.tag, action: 'added' });
        break;
      case 'tag.remove':
        if (contact.removeTag(event.tag))
          this.fireTriggers(contactIndex, { type: 'tag_updated', tag: event.tag, action: 'removed' });
        break;
      case 'field.set':
        if (contact.field(event.field) !== event.value) {
          contact.setField(event.field, event.value);
          this.fireTriggers(contactIndex, { type: 'field_updated', field: event.field });
        }
        break;
      case 'conversation.open':
        if (!contact.conversationOpen) {
          contact.conversationOpen = true;
          this.fireTriggers(contactIndex, CONVERSATION_OPENED);
        }
        break;
      case 'conversation.close':
        if (contact.conversationOpen) {
          contact.conversationOpen = false;
          this.fireTriggers(contactIndex, CONVERSATION_CLOSED);
        }
        break;
    }
  }

  /**
   * A contact message, seen by each active run of the contact: it answers a run's open question
   * (and never stops that run), or goes to the exit rules. Answered runs resume afterwards, in
   * Workflow order, so every run judges the message before any run acts on it.
   */
  private observeContactMessage(contactIndex: number, text: string): void {
    let answered: Run[] | null = null;
    for (let w = 0; w < this.workflows.length; w++) {
      const runId = this.activeRun[w]?.[contactIndex] as number;
      if (runId < 0) continue;
      const run = this.runs[runId] as Run;
      if (run.waiting === WAITING_REPLY) {
        this.answerQuestion(run, text);
        this.applyVerdict(run, 'question_answer', -1);
        (answered ??= []).push(run);
        continue;
      }
      this.applyVerdict(run, run.triggerEvent === this.eventNumber ? 'trigger_message' : 'contact_message', -1);
    }
    if (answered) for (const run of answered) if (run.status === ACTIVE) this.advance(run, 'answered');
  }

  /** Shows an observation to every active run of the contact. */
  private observe(contactIndex: number, observation: Observation, user: number): void {
    for (let w = 0; w < this.workflows.length; w++) {
      const runId = this.activeRun[w]?.[contactIndex] as number;
      if (runId >= 0) this.applyVerdict(this.runs[runId] as Run, observation, user);
    }
  }

  private applyVerdict(run: Run, observation: Observation, user: number): void {
    const verdict = exitVerdict((this.workflows[run.workflow] as CompiledWorkflow).settings, observation);
    if (verdict === null) return;
    if ('stop' in verdict) this.stopRun(run, verdict.stop, user);
    else this.recordRun(run, K['exit.ignored'], user, EXIT_IGNORED_CODE[verdict.ignore], -1, -1, -1);
  }

  private manualStop(contactIndex: number, user: number, ref: string): void {
    const workflow = this.resolveWorkflow(ref);
    const active = workflow < 0 ? -1 : (this.activeRun[workflow]?.[contactIndex] as number);
    const latest = workflow < 0 ? -1 : (this.latestRun[workflow]?.[contactIndex] as number);
    const decision =
      workflow < 0
        ? ({ allow: false, reason: 'unknown_workflow' } as const)
        : decideManualStop({
            user: this.users[user] ?? { restricted: false },
            settings: (this.workflows[workflow] as CompiledWorkflow).settings,
            run: active >= 0 ? 'active' : latest >= 0 && this.runs[latest]?.status === STOPPED ? 'stopped' : 'none',
          });
    if (decision.allow) return this.stopRun(this.runs[active] as Run, 'manual', user);
    // Refused: nothing changes; the trace says why, on the run concerned where there is one.
    const shown = active >= 0 ? active : latest;
    const node = shown >= 0 ? (this.runs[shown] as Run).node : -1;
    const reason = REFUSED_CODE[decision.reason];
    this.trace.append(this.now, K['stop.refused'], contactIndex, shown, workflow, node, user, reason, this.trace.intern(ref), -1, -1);
  }

  private startShortcut(contactIndex: number, user: number, ref: string): void {
    const workflow = this.resolveWorkflow(ref);
    if (workflow < 0) return this.ignoreTrigger(contactIndex, workflow, 'unknown_workflow', user, ref);
    if (this.users[user]?.restricted) return this.ignoreTrigger(contactIndex, workflow, 'restricted_user', user, ref);
    if ((this.workflows[workflow] as CompiledWorkflow).trigger.type !== 'shortcut')
      return this.ignoreTrigger(contactIndex, workflow, 'not_a_shortcut', user, ref);
    this.tryStart(workflow, contactIndex, this.eventNumber, 0, user);
  }

  private fireTriggers(contactIndex: number, signal: TriggerSignal): void {
    for (let w = 0; w < this.workflows.length; w++) {
      if (triggerMatches((this.workflows[w] as CompiledWorkflow).trigger, signal))
        this.tryStart(w, contactIndex, this.eventNumber, 0, -1);
    }
  }

  /** Starts a run unless a re-entry rule forbids it (SPEC §2 rule 5, "Trigger once per contact"). */
  private tryStart(workflow: number, contactIndex: number, triggerEvent: number, depth: number, user: number): void {
    const compiled = this.workflows[workflow] as CompiledWorkflow;
    if (this.stoppedByThisEvent.includes(workflow))
      return this.ignoreTrigger(contactIndex, workflow, 'stopped_by_this_event', user);
    if ((this.activeRun[workflow]?.[contactIndex] as number) >= 0)
      return this.ignoreTrigger(contactIndex, workflow, 'already_active', user);
    if (compiled.trigger.oncePerContact && (this.latestRun[workflow]?.[contactIndex] as number) >= 0)
      return this.ignoreTrigger(contactIndex, workflow, 'once_per_contact', user);
    const run = new Run(this.runs.length, workflow, contactIndex, this.now, triggerEvent, depth);
    this.runs.push(run);
    (this.activeRun[workflow] as Int32Array)[contactIndex] = run.id;
    (this.latestRun[workflow] as Int32Array)[contactIndex] = run.id;
    this.recordRun(run, K['run.started'], user, 0, -1, -1, -1);
    this.advance(run, 'next');
  }

  private ignoreTrigger(contactIndex: number, workflow: number, reason: TriggerIgnoredReason, user: number, ref?: string): void {
    this.trace.append(this.now, K['trigger.ignored'], contactIndex, -1, workflow, workflow >= 0 ? 0 : -1, user, IGNORED_CODE[reason], this.trace.intern(ref), -1, -1);
  }

  // ── timers ──────────────────────────────────────────────────────────────────────────────────

  /** A timer expires; false when it was cancelled (the run moved on or ended). */
  private handleTimer(runId: number, token: number): boolean {
    const run = this.runs[runId] as Run;
    if (run.status !== ACTIVE || run.timerToken !== token) return false;
    this.eventsProcessed++;
    run.timerToken = -1;
    this.recordRun(run, K['timer.fired'], -1, 0, -1, -1, run.due);
    if (run.waiting === WAITING_REPLY) {
      run.waiting = NOT_WAITING;
      this.recordRun(run, K['question.timeout'], -1, 0, -1, -1, -1);
      this.advance(run, 'timeout');
    } else {
      run.waiting = NOT_WAITING;
      this.advance(run, 'next');
    }
    return true;
  }

  private schedule(run: Run, due: number): void {
    run.timerToken = ++this.timerTokens;
    run.due = due;
    this.queue.push(due, TIMER, run.id, run.timerToken);
    this.recordRun(run, K['timer.set'], -1, 0, -1, -1, due);
  }

  // ── running steps ───────────────────────────────────────────────────────────────────────────

  /** Leaves the run's current node by `handle` and executes steps until the run suspends or ends. */
  private advance(run: Run, handle: string): void {
    const workflow = this.workflows[run.workflow] as CompiledWorkflow;
    const nodes = workflow.nodes;
    const from = nodes[run.node] as CompiledNode;
    let next = handle === 'next' ? from.next : (from.outputs.get(handle) ?? -1);
    const contact = this.contact(run.contact);
    while (true) {
      if (next < 0) return this.endRun(run, COMPLETED, -1);
      if (run.instant !== this.now) {
        run.instant = this.now;
        run.instantSteps = 0;
      }
      if (++run.instantSteps > MAX_STEPS_PER_INSTANT) return this.endRun(run, FAILED, FAIL_CODE.loop);
      const node = nodes[next] as CompiledNode;
      run.node = next;
      this.recordRun(run, K.step, -1, 0, -1, -1, -1);
      const outcome = executeStep(node, { now: this.now, startEpochMs: this.startEpochMs, timeZone: this.timeZone, contact });
      if (outcome.effect !== null) this.applyEffect(run, outcome.effect);
      if (run.status !== ACTIVE) return;
      const flow = outcome.flow;
      switch (flow.kind) {
        case 'next':
          next = flow.handle === 'next' ? node.next : (node.outputs.get(flow.handle) ?? -1);
          break;
        case 'jump':
          next = flow.target;
          break;
        case 'wait':
          run.waiting = WAITING_TIMER;
          this.schedule(run, flow.until);
          return;
        case 'ask':
          run.waiting = WAITING_REPLY;
          if (flow.timeoutAt >= 0) this.schedule(run, flow.timeoutAt);
          return;
        case 'end':
          return this.endRun(run, COMPLETED, -1);
      }
    }
  }

  private applyEffect(run: Run, effect: Effect): void {
    const contact = this.contact(run.contact);
    const intern = (text: string) => this.trace.intern(text);
    switch (effect.kind) {
      case 'send':
        this.recordRun(run, K['message.sent'], -1, 0, intern(effect.text), -1, -1);
        this.observe(run.contact, 'workflow_message', -1);
        return;
      case 'assign':
        contact.assignee = effect.to;
        this.recordChange(run.contact, run.id, run.workflow, run.node, 'assigned', intern(effect.to), -1);
        this.observe(run.contact, 'workflow_assignment', -1);
        return;
      case 'set_field':
        contact.setField(effect.field, effect.value);
        this.recordChange(run.contact, run.id, run.workflow, run.node, 'field_set', intern(effect.field), intern(effect.value));
        return;
      case 'tag':
        if (effect.add ? contact.addTag(effect.tag) : contact.removeTag(effect.tag))
          this.recordChange(run.contact, run.id, run.workflow, run.node, effect.add ? 'tag_added' : 'tag_removed', intern(effect.tag), -1);
        return;
      case 'comment':
        this.recordRun(run, K['comment.added'], -1, 0, intern(effect.text), -1, -1);
        return;
      case 'conversation':
        if (contact.conversationOpen !== effect.open) {
          contact.conversationOpen = effect.open;
          this.recordChange(run.contact, run.id, run.workflow, run.node, effect.open ? 'conversation_opened' : 'conversation_closed', -1, -1);
        }
        return;
      case 'start_workflow': {
        const target = this.resolveWorkflow(effect.workflow);
        if (target < 0) return this.ignoreTrigger(run.contact, target, 'unknown_workflow', -1, effect.workflow);
        if ((this.workflows[target] as CompiledWorkflow).trigger.type !== 'workflow_started')
          return this.ignoreTrigger(run.contact, target, 'not_started_by_workflows', -1, effect.workflow);
        if (run.chainDepth >= MAX_CHAIN_DEPTH) return this.ignoreTrigger(run.contact, target, 'chain_too_deep', -1, effect.workflow);
        this.tryStart(target, run.contact, -1, run.chainDepth + 1, -1);
        return;
      }
    }
  }

  private answerQuestion(run: Run, text: string): void {
    const node = (this.workflows[run.workflow] as CompiledWorkflow).nodes[run.node] as CompiledNode;
    const field = node.step?.type === 'ask_question' && node.step.field !== '' ? node.step.field : node.id;
    run.waiting = NOT_WAITING;
    this.cancelTimer(run, TIMER_CANCELLED_BY_ANSWER);
    this.contact(run.contact).setField(field, text);
    const trace = this.trace;
    this.recordRun(run, K['question.answered'], -1, 0, trace.intern(text), trace.intern(field), -1);
  }

  // ── ending runs ─────────────────────────────────────────────────────────────────────────────

  /** Stops a run for a reason (SPEC §2 rules 1–3): once, cancelling everything pending. */
  private stopRun(run: Run, reason: ExitCondition | 'manual', user: number): void {
    if (run.status !== ACTIVE) return;
    this.stoppedByThisEvent.push(run.workflow);
    run.stoppedBy = user;
    this.endRun(run, STOPPED, STOP_CODE[reason]);
  }

  private endRun(run: Run, status: number, reason: number): void {
    run.status = status;
    run.reason = reason;
    run.endedAt = this.now;
    (this.activeRun[run.workflow] as Int32Array)[run.contact] = -1;
    const kind = status === STOPPED ? K['run.stopped'] : status === FAILED ? K['run.failed'] : K['run.completed'];
    this.recordRun(run, kind, run.stoppedBy, Math.max(reason, 0), -1, -1, -1);
    if (run.waiting === WAITING_REPLY) this.recordRun(run, K['question.cancelled'], -1, 0, -1, -1, -1);
    run.waiting = NOT_WAITING;
    this.cancelTimer(run);
  }

  private cancelTimer(run: Run, why = TIMER_CANCELLED_BY_END): void {
    if (run.timerToken < 0) return;
    run.timerToken = -1;
    this.recordRun(run, K['timer.cancelled'], -1, why, -1, -1, run.due);
  }

  // ── recording ───────────────────────────────────────────────────────────────────────────────

  private recordRun(run: Run, kind: number, user: number, code: number, a: number, b: number, due: number): void {
    this.trace.append(this.now, kind, run.contact, run.id, run.workflow, run.node, user, code, a, b, due);
  }

  private recordChange(contact: number, run: number, workflow: number, node: number, change: ContactChange, a: number, b: number): void {
    this.trace.append(this.now, K['contact.changed'], contact, run, workflow, node, -1, CHANGE_CODE[change], a, b, -1);
  }

  private recordEvent(contact: number, user: number, event: ScriptEvent): void {
    const trace = this.trace;
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
      default:
        break;
    }
    trace.append(this.now, K.event, contact, -1, workflow, -1, user, EVENT_CODE[event.type], a, b, -1);
  }
}
