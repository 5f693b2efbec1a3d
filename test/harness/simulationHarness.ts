import type { z } from 'zod';
import { checkExpectations } from '../../simulator/engine/expectations.ts';
import { runStates, traceEntries } from '../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../simulator/engine/prepareSimulation.ts';
import type { Simulation } from '../../simulator/engine/simulation.ts';
import { hashTrace } from '../../simulator/engine/traceHash.ts';
import { parseDuration } from '../../simulator/schema/duration.ts';
import type { ExpectationResult } from '../../simulator/schema/result.ts';
import type { RunState } from '../../simulator/schema/run.ts';
import {
  SCRIPT_FORMAT,
  scriptSchema,
  type expectationSchema,
  type populationSchema,
  type Script,
  type scriptContactSchema,
  type scriptEventSchema,
  type scriptUserSchema,
} from '../../simulator/schema/script.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import { workflowSchema, type Workflow } from '../../simulator/schema/workflow.ts';
import type { SettingsInput } from './workflowFixtures.ts';

/**
 * A fluent harness over the real engine: it builds a real script (through `scriptSchema`) and
 * real Workflows (through `workflowSchema`), prepares the simulation (failing loudly on any
 * problem) and runs it to the end.
 *
 * @example
 * harness(followUpWorkflow())
 *   .settings({ exitConditions: { enabled: true, on: ['incoming_message'] } })
 *   .at('+0').contactSays('hi')
 *   .at('+1h').agentSays('alice', 'hello')
 *   .run()
 *   .runOf('Follow-up') // → { status: 'active', … }
 *
 * Builders are immutable: every call returns a new harness, so a base script can be extended
 * two ways and the results compared.
 */
export function harness(...workflows: Workflow[]): SimulationHarness {
  return new SimulationHarness({
    name: 'harness script',
    workflows,
    start: DEFAULT_START,
    users: [],
    contacts: [],
    events: [],
    expect: [],
    at: '+0',
    contact: undefined,
  });
}

/** Monday 5 January 2026, 09:00 UTC. */
export const DEFAULT_START = '2026-01-05T09:00:00Z';
/** The contact events go to when no `as(…)` or `contact(…)` named one. */
export const DEFAULT_CONTACT = 'dana';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ScriptEventInput = z.input<typeof scriptEventSchema>;
export type EventBody = DistributiveOmit<ScriptEventInput, 'at' | 'contact'>;
export type UserInput = z.input<typeof scriptUserSchema>;
export type ContactInput = z.input<typeof scriptContactSchema>;
export type ExpectationInput = z.input<typeof expectationSchema>;
export type PopulationInput = z.input<typeof populationSchema>;

interface HarnessState {
  readonly name: string;
  readonly workflows: readonly Workflow[];
  readonly start: string;
  readonly timezone?: string;
  readonly users: readonly UserInput[];
  readonly contacts: readonly ContactInput[];
  readonly events: readonly ScriptEventInput[];
  readonly expect: readonly ExpectationInput[];
  readonly population?: PopulationInput;
  readonly until?: string;
  /** New versions the script's publishes name, by file. */
  readonly versions?: Readonly<Record<string, Workflow>>;
  /** The offset and contact the next event is scripted at. */
  readonly at: string;
  readonly contact: string | undefined;
}

export class SimulationHarness {
  constructor(private readonly state: HarnessState) {}

  private with(patch: Partial<HarnessState>): SimulationHarness {
    return new SimulationHarness({ ...this.state, ...patch });
  }

  // ── inputs ──────────────────────────────────────────────────────────────────────────────────

  /** Adds Workflows (live at once, in this order). */
  workflow(...workflows: Workflow[]): SimulationHarness {
    return this.with({ workflows: [...this.state.workflows, ...workflows] });
  }

  /** Replaces the stop settings of one Workflow (by id or name; the first one by default). */
  settings(settings: SettingsInput, workflowRef?: string): SimulationHarness {
    const index = workflowRef === undefined ? 0 : this.state.workflows.findIndex((w) => w.id === workflowRef || w.name === workflowRef);
    const target = this.state.workflows[index];
    if (!target) throw new Error(`harness.settings: no Workflow ${workflowRef ?? '(none loaded)'}`);
    const workflows = [...this.state.workflows];
    workflows[index] = workflowSchema.parse({ ...target, settings });
    return this.with({ workflows });
  }

  name(name: string): SimulationHarness {
    return this.with({ name });
  }

  start(iso: string): SimulationHarness {
    return this.with({ start: iso });
  }

  /** The workspace time zone (IANA name). */
  timezone(zone: string): SimulationHarness {
    return this.with({ timezone: zone });
  }

  /** The virtual horizon, as an offset (`+30d`). */
  until(offset: string): SimulationHarness {
    return this.with({ until: offset });
  }

  /** Declares a user (users an event names are otherwise added as unrestricted agents). */
  user(id: string, options: Partial<Omit<UserInput, 'id'>> = {}): SimulationHarness {
    const user: UserInput = { id, name: options.name ?? capitalise(id), ...options };
    return this.with({ users: [...this.state.users.filter((u) => u.id !== id), user] });
  }

  /** Declares a contact and makes it the one the next events concern. */
  contact(id: string, options: Partial<Omit<ContactInput, 'id'>> = {}): SimulationHarness {
    const contact: ContactInput = { id, name: options.name ?? capitalise(id), ...options };
    const contacts = this.state.contacts.some((c) => c.id === id)
      ? this.state.contacts.map((c) => (c.id === id ? contact : c))
      : [...this.state.contacts, contact];
    return this.with({ contacts, contact: id });
  }

  /** The next events concern this contact (declared with defaults when new). */
  as(contactId: string): SimulationHarness {
    if (this.state.contacts.some((c) => c.id === contactId)) return this.with({ contact: contactId });
    return this.contact(contactId);
  }

  /** The next events happen at this offset from the start (`+0`, `+5m`, `+1d2h`). */
  at(offset: string): SimulationHarness {
    if (parseDuration(offset) === undefined || !offset.startsWith('+')) throw new Error(`harness.at: not an offset: ${offset}`);
    return this.with({ at: offset });
  }

  population(population: PopulationInput): SimulationHarness {
    return this.with({ population });
  }

  expect(expectation: ExpectationInput): SimulationHarness {
    return this.with({ expect: [...this.state.expect, expectation] });
  }

  // ── events (at the current offset, for the current contact) ─────────────────────────────────

  /**
   * A publish: `version` (a Workflow with the id of the one it replaces) goes live at the current
   * offset, named `file` in the script; `policy` says what the runs in flight do.
   */
  publish(version: Workflow, policy: 'finish' | 'stop' | 'move', file = `${version.id}-v${Object.keys(this.state.versions ?? {}).length + 2}.workflow.json`): SimulationHarness {
    const event = { at: this.state.at, type: 'workflow.publish', workflow: version.id, file, policy } as ScriptEventInput;
    return this.with({ events: [...this.state.events, event], versions: { ...this.state.versions, [file]: version } });
  }

  /** Any scripted event. */
  event(body: EventBody): SimulationHarness {
    const base = this.state.contact === undefined ? this.as(DEFAULT_CONTACT) : this;
    const contact = base.state.contact as string;
    const event = { at: base.state.at, contact, ...body } as ScriptEventInput;
    return base.with({ events: [...base.state.events, event] });
  }

  contactSays(text: string): SimulationHarness {
    return this.event({ type: 'contact.message', text });
  }

  agentSays(user: string, text: string): SimulationHarness {
    return this.event({ type: 'agent.message', user, text });
  }

  broadcast(text: string): SimulationHarness {
    return this.event({ type: 'broadcast.message', text });
  }

  /** `user` assigns the contact to `to` (a manual assignment). */
  userAssigns(user: string, to: string): SimulationHarness {
    return this.event({ type: 'assign', user, to });
  }

  /** An automatic assignment rule assigns the contact to `to`. */
  ruleAssigns(to: string): SimulationHarness {
    return this.event({ type: 'assign', to });
  }

  unassign(user?: string): SimulationHarness {
    return this.event({ type: 'unassign', ...(user === undefined ? {} : { user }) });
  }

  /** `user` presses Stop on the contact's run of `workflow` (id or name). */
  stop(user: string, workflow: string): SimulationHarness {
    return this.event({ type: 'workflow.stop', user, workflow });
  }

  shortcut(user: string, workflow: string): SimulationHarness {
    return this.event({ type: 'shortcut', user, workflow });
  }

  addTag(tag: string): SimulationHarness {
    return this.event({ type: 'tag.add', tag });
  }

  removeTag(tag: string): SimulationHarness {
    return this.event({ type: 'tag.remove', tag });
  }

  setField(field: string, value: string): SimulationHarness {
    return this.event({ type: 'field.set', field, value });
  }

  openConversation(): SimulationHarness {
    return this.event({ type: 'conversation.open' });
  }

  closeConversation(): SimulationHarness {
    return this.event({ type: 'conversation.close' });
  }

  // ── building and running ────────────────────────────────────────────────────────────────────

  /** The script as a parsed document (throws on a schema problem). */
  script(): Script {
    const s = this.state;
    const contacts = s.contacts.length > 0 ? [...s.contacts] : [{ id: DEFAULT_CONTACT, name: capitalise(DEFAULT_CONTACT) }];
    const users = [...s.users];
    for (const event of s.events) {
      if ('user' in event && event.user !== undefined && !users.some((u) => u.id === event.user))
        users.push({ id: event.user, name: capitalise(event.user) });
    }
    return scriptSchema.parse({
      format: SCRIPT_FORMAT,
      name: s.name,
      start: s.start,
      ...(s.timezone === undefined ? {} : { timezone: s.timezone }),
      users,
      contacts,
      events: s.events,
      expect: s.expect,
      ...(s.population === undefined ? {} : { population: s.population }),
    });
  }

  /** The Workflows, each re-parsed through the schema. */
  workflows(): Workflow[] {
    return this.state.workflows.map((workflow) => workflowSchema.parse(workflow));
  }

  /** Prepares the simulation without running it; throws listing every input problem. */
  prepare(): { simulation: Simulation; script: Script; workflows: Workflow[] } {
    const script = this.script();
    const workflows = this.workflows();
    const until = this.state.until === undefined ? undefined : parseDuration(this.state.until);
    const versions = this.state.versions === undefined ? {} : { versions: this.state.versions };
    const prepared = prepareSimulation({ workflows, script, ...versions, ...(until === undefined ? {} : { until }) });
    if (!prepared.ok) {
      const lines = prepared.problems.map((p) => `  ${p.source}[${p.index}] ${p.path}: ${p.message}`);
      throw new Error(`harness: the simulation cannot start:\n${lines.join('\n')}`);
    }
    return { simulation: prepared.simulation, script, workflows };
  }

  /** Runs the simulation to the end. */
  run(): HarnessRun {
    const { simulation, script, workflows } = this.prepare();
    return new HarnessRun(simulation.runToEnd(), script, workflows);
  }
}

/** Filters trace entries by equal fields, or by a predicate. */
export type EntryFilter = Partial<TraceEntry> | ((entry: TraceEntry) => boolean);

function matches(entry: TraceEntry, filter: EntryFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(entry);
  return (Object.keys(filter) as (keyof TraceEntry)[]).every((key) => entry[key] === filter[key]);
}

/** A finished simulation, read as plain data. */
export class HarnessRun {
  private entryCache: TraceEntry[] | undefined;
  private stateCache: RunState[] | undefined;

  constructor(
    readonly simulation: Simulation,
    readonly script: Script,
    readonly workflows: readonly Workflow[],
  ) {}

  /** Every trace entry, materialized once. */
  get trace(): TraceEntry[] {
    this.entryCache ??= [...traceEntries(this.simulation)];
    return this.entryCache;
  }

  /** Trace entries matching `filter` (equal fields, or a predicate), in order. */
  entries(filter?: EntryFilter): TraceEntry[] {
    return this.trace.filter((entry) => matches(entry, filter));
  }

  /** The one entry matching `filter`; throws when there are none or several. */
  entry(filter: EntryFilter): TraceEntry {
    const found = this.entries(filter);
    if (found.length !== 1) throw new Error(`harness: expected one entry matching ${describeFilter(filter)}, found ${found.length}`);
    return found[0] as TraceEntry;
  }

  /** Every run's final state, in the order they started. */
  runs(filter?: Partial<RunState>): RunState[] {
    this.stateCache ??= runStates(this.simulation);
    if (filter === undefined) return this.stateCache;
    return this.stateCache.filter((state) => (Object.keys(filter) as (keyof RunState)[]).every((key) => state[key] === filter[key]));
  }

  /** The id of a loaded Workflow named by id or name. */
  workflowId(ref: string): string {
    const workflow = this.workflows.find((w) => w.id === ref) ?? this.workflows.find((w) => w.name === ref);
    if (!workflow) throw new Error(`harness: no Workflow "${ref}" is loaded`);
    return workflow.id;
  }

  /** Every run of a Workflow (id or name) for a contact (the script's first contact by default). */
  runsOf(workflowRef: string, contact?: string): RunState[] {
    const workflow = this.workflowId(workflowRef);
    const who = contact ?? this.defaultContact();
    return this.runs().filter((state) => state.workflow === workflow && state.contact === who);
  }

  /** The latest run of a Workflow for a contact; throws when it never ran. */
  runOf(workflowRef: string, contact?: string): RunState {
    const runs = this.runsOf(workflowRef, contact);
    const last = runs[runs.length - 1];
    if (!last) throw new Error(`harness: "${workflowRef}" never ran for ${contact ?? this.defaultContact()}`);
    return last;
  }

  /** Texts of the Workflow messages sent (to one contact, or to all), in order. */
  sent(contact?: string): string[] {
    return this.entries((e) => e.kind === 'message.sent' && (contact === undefined || e.contact === contact)).map((e) => e.text ?? '');
  }

  /** Texts of the messages one Workflow (id or name) sent. */
  sentBy(workflowRef: string, contact?: string): string[] {
    const workflow = this.workflowId(workflowRef);
    return this.entries((e) => e.kind === 'message.sent' && e.workflow === workflow && (contact === undefined || e.contact === contact)).map(
      (e) => e.text ?? '',
    );
  }

  /** Entries about one run (by id). */
  entriesOfRun(run: number): TraceEntry[] {
    return this.entries((e) => e.run === run);
  }

  expectations(): ExpectationResult[] {
    return checkExpectations(this.simulation, this.script);
  }

  hash(): string {
    return hashTrace(this.simulation);
  }

  /** The trace as JSON lines, as `simulate --json` prints its entries. */
  json(): string {
    return this.trace.map((entry) => JSON.stringify(entry)).join('\n');
  }

  private defaultContact(): string {
    if (this.script.population) return `${(this.script.contacts[0] as { id: string }).id}#1`;
    return (this.script.contacts[0] as { id: string }).id;
  }
}

/** Milliseconds of an offset such as `+1d2h`. */
export function ms(offset: string): number {
  const value = parseDuration(offset);
  if (value === undefined) throw new Error(`Not a duration: ${offset}`);
  return value;
}

function capitalise(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function describeFilter(filter: EntryFilter): string {
  return typeof filter === 'function' ? 'a predicate' : JSON.stringify(filter);
}
