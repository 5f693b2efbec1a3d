import { readFileSync } from 'node:fs';
import { randomAt } from '../../simulator/engine/random.ts';
import { parseDuration } from '../../simulator/schema/duration.ts';
import { parseScriptDocument, parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script, ScriptEvent, ScriptInput } from '../../simulator/schema/script.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The benchmark's horizon: 30 days of virtual time. */
export const HORIZON_MS = 30 * DAY_MS;
export const SEED = 42;

/** One benchmark input: the follow-up Workflow, a population script of `contacts`, a horizon. */
export interface Workload {
  readonly contacts: number;
  readonly workflow: Workflow;
  readonly script: Script;
  readonly until: number;
}

const WORKFLOW_FILE = new URL('../../public/examples/follow-up/follow-up.workflow.json', import.meta.url);

let followUp: Workflow | undefined;

/** The example follow-up Workflow (exit conditions on all three), parsed like the CLI does. */
export function loadFollowUpWorkflow(): Workflow {
  if (followUp) return followUp;
  const parsed = parseWorkflowDocument(JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(`follow-up.workflow.json: ${JSON.stringify(parsed.issues)}`);
  followUp = parsed.value;
  return followUp;
}

/**
 * The population script: one template contact writes in (the trigger), an agent answers 6 h
 * later, the contact writes again at 8 h and a manager assigns the contact at 10 h. Each event
 * is jittered independently by up to 2 days, so per contact the order varies: some runs stop on
 * an outgoing message, some on an incoming one, some on an assignment, and some see nothing for
 * 24 h and send the follow-up (after which a later message may start a second run).
 */
export function buildScript(contacts: number): Script {
  const input: ScriptInput = {
    format: 'exitflow.script/1',
    name: `bench: ${contacts} contacts race the 24h follow-up`,
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 'alice', name: 'Alice', role: 'agent', restricted: false },
      { id: 'bob', name: 'Bob', role: 'manager', restricted: false },
    ],
    contacts: [{ id: 'lead', name: 'Lead' }],
    events: [
      { at: '+0', contact: 'lead', type: 'contact.message', text: 'Hi, is anyone there?' },
      { at: '+6h', contact: 'lead', type: 'agent.message', user: 'alice', text: 'Hi, Alice here — how can I help?' },
      { at: '+8h', contact: 'lead', type: 'contact.message', text: 'Still there?' },
      { at: '+10h', contact: 'lead', type: 'assign', user: 'bob', to: 'alice' },
    ],
    population: { contacts, jitter: '2d', seed: SEED },
  };
  const parsed = parseScriptDocument(input);
  if (!parsed.ok) throw new Error(`bench script: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export function buildWorkload(contacts: number): Workload {
  return { contacts, workflow: loadFollowUpWorkflow(), script: buildScript(contacts), until: HORIZON_MS };
}

/**
 * One generated contact's events, as the population rule says (SPEC §6): each template event
 * shifted by a seeded offset in [0, jitter] (whole seconds, from the engine's `randomAt`), sorted
 * by time, equal times in scripted order. For the XState peer, which plays contacts one by one;
 * the agreement check proves it matches what the engine's feed produces.
 */
export class PopulationSchedule {
  readonly count: number;
  private readonly events: ScriptEvent[];
  private readonly base: Float64Array;
  private readonly jitterSeconds: number;
  private readonly seed: number;
  /** The current contact's events: their times and template indexes, in order. */
  readonly times: Float64Array;
  readonly order: Int32Array;
  private readonly due: Float64Array;

  constructor(script: Script) {
    const population = script.population;
    if (!population) throw new Error('not a population script');
    const template = script.contacts[0]?.id;
    this.events = script.events.filter((event) => event.contact === template);
    this.count = this.events.length;
    this.base = Float64Array.from(this.events, (event) => parseDuration(event.at) as number);
    this.jitterSeconds = Math.floor((parseDuration(population.jitter) ?? 0) / 1000);
    this.seed = population.seed;
    this.times = new Float64Array(this.count);
    this.order = new Int32Array(this.count);
    this.due = new Float64Array(this.count);
  }

  event(k: number): ScriptEvent {
    return this.events[k] as ScriptEvent;
  }

  /** Fills `times` and `order` with the contact's events, earliest first. */
  load(contact: number): void {
    const { times, order, base, due } = this;
    for (let k = 0; k < this.count; k++) {
      const jitter = this.jitterSeconds === 0 ? 0 : Math.floor(randomAt(this.seed, contact, k) * (this.jitterSeconds + 1)) * 1000;
      due[k] = (base[k] as number) + jitter;
      let j = k;
      while (j > 0 && (due[order[j - 1] as number] as number) > (due[k] as number)) {
        order[j] = order[j - 1] as number;
        j--;
      }
      order[j] = k;
    }
    for (let j = 0; j < this.count; j++) times[j] = due[order[j] as number] as number;
  }
}
