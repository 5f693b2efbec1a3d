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
 * The population script, the 1,000-contact example's (`public/examples/follow-up/population.script.json`)
 * at any size: one template contact writes in (the trigger), writes again at 2 h, an agent answers
 * at 6 h, the contact writes a third time at 8 h and a manager assigns the contact at 10 h. Each
 * event is shifted by up to 2 days, each contact's events in this order with gaps that differ
 * from contact to contact, so every exit condition stops runs: the second message the run the
 * first began, the assignment the run the third began, the agent's answer a run begun by a second
 * message more than 24 h late; and some runs see nothing for 24 h and send the follow-up.
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
      { at: '+2h', contact: 'lead', type: 'contact.message', text: 'Hello?' },
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
 * The follow-up with what happens after a stop switched on, for the same script: an agent's
 * message pauses the run (it resumes after 2 h of quiet), the other conditions stop it, and a
 * When stopped path tells the reasons apart — a reply is noted in an internal comment, any other
 * stop removes the *nurture* tag (which the contacts do not have: the common case of a clean-up
 * with nothing to clean).
 */
export function buildAfterStopWorkload(contacts: number): Workload {
  const plain = loadFollowUpWorkflow();
  const parsed = parseWorkflowDocument({
    ...plain,
    format: 'exitflow.workflow/2',
    whenStopped: { id: 'when-stopped', label: 'When stopped' },
    steps: [
      ...plain.steps,
      { id: 'why', type: 'stop_reason_branch', label: 'Why stopped?' },
      { id: 'note', type: 'add_comment', label: 'Note the reply', text: 'The contact replied: the follow-up is off.' },
      { id: 'untag', type: 'update_tag', label: 'Remove nurture', action: 'remove', tag: 'nurture' },
    ],
    edges: [
      ...plain.edges,
      { id: 'ws1', source: 'when-stopped', sourceHandle: 'next', target: 'why' },
      { id: 'ws2', source: 'why', sourceHandle: 'incoming_message', target: 'note' },
      { id: 'ws3', source: 'why', sourceHandle: 'else', target: 'untag' },
    ],
    settings: {
      ...plain.settings,
      exitConditions: { ...plain.settings.exitConditions, actions: { outgoing_message: 'pause' } },
      pause: { resume: { on: 'silence', after: '2h' } },
    },
  });
  if (!parsed.ok) throw new Error(`after-stop workflow: ${JSON.stringify(parsed.issues)}`);
  return { contacts, workflow: parsed.value, script: buildScript(contacts), until: HORIZON_MS };
}

/**
 * One generated contact's events, as the population rule says:
 * the template's events in time order (equal times as written), each drawing a seeded offset in
 * [0, jitter] (whole seconds, from the engine's `randomAt`), and the contact's shifted times, sorted,
 * given to its events in that order — so a contact's events keep their order. For the XState peer,
 * which plays contacts one by one; the agreement check proves it matches what the engine's feed
 * produces.
 */
export class PopulationSchedule {
  readonly count: number;
  private readonly events: ScriptEvent[];
  private readonly base: Float64Array;
  private readonly jitterSeconds: number;
  private readonly seed: number;
  /** The current contact's event times, earliest first: the j-th is the time of `event(j)`. */
  readonly times: Float64Array;
  /**
   * The template index of the contact's j-th event: j for every contact, since each contact's
   * events keep the template's order (the XState peer reads the event through it).
   */
  readonly order: Int32Array;

  constructor(script: Script) {
    const population = script.population;
    if (!population) throw new Error('not a population script');
    const template = script.contacts[0]?.id;
    const timed = script.events.flatMap((event, i) => ('contact' in event && event.contact === template ? [{ event, i, t: parseDuration(event.at) as number }] : []));
    timed.sort((x, y) => x.t - y.t || x.i - y.i);
    this.events = timed.map(({ event }) => event);
    this.count = this.events.length;
    this.base = Float64Array.from(timed, ({ t }) => t);
    this.jitterSeconds = Math.floor((parseDuration(population.jitter) ?? 0) / 1000);
    this.seed = population.seed;
    this.times = new Float64Array(this.count);
    this.order = Int32Array.from({ length: this.count }, (_, k) => k);
  }

  event(k: number): ScriptEvent {
    return this.events[k] as ScriptEvent;
  }

  /** Fills `times` with the contact's event times: template event k draws the contact's k-th offset; the sums, sorted, go to the events in order. */
  load(contact: number): void {
    const { times, base } = this;
    for (let k = 0; k < this.count; k++) {
      const jitter = this.jitterSeconds === 0 ? 0 : Math.floor(randomAt(this.seed, contact, k) * (this.jitterSeconds + 1)) * 1000;
      const due = (base[k] as number) + jitter;
      let j = k;
      while (j > 0 && (times[j - 1] as number) > due) {
        times[j] = times[j - 1] as number;
        j--;
      }
      times[j] = due;
    }
  }
}
