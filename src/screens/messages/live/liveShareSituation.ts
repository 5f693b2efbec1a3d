import type { Script } from '../../../../simulator/schema/script.ts';
import type { ShareSituation } from '../../../../simulator/schema/share.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

/** The live session as its share link needs it. */
export interface LiveSessionShown {
  /** The session so far as a script (its cast, start, every command and publish). */
  readonly script: Script;
  /** The Workflows the session started on: its publishes replay onto them. */
  readonly startWorkflows: readonly Workflow[];
  /** The new versions its publishes name, by their `file`. */
  readonly versions: Readonly<Record<string, Workflow>>;
  /** Its clock, ms of virtual time since the script's start. */
  readonly time: number;
  /** The selected conversation's contact, or '' for none. */
  readonly contactId: string;
}

/**
 * The situation a link to the live session carries: its Workflows as it started, the script it
 * has played so far and the versions its publishes name, so the simulator replays the same
 * session — at the clock's instant, on the conversation selected. Only the versions the script's
 * publishes name go in: a version given to a publish the engine refused is not part of it.
 */
export function liveShareSituation({ script, startWorkflows, versions, time, contactId }: LiveSessionShown): ShareSituation {
  const named = new Set(script.events.flatMap((event) => (event.type === 'workflow.publish' ? [event.file] : [])));
  const used = Object.fromEntries(Object.entries(versions).filter(([file]) => named.has(file)));
  return {
    v: 1,
    workflows: [...startWorkflows],
    script,
    ...(Object.keys(used).length > 0 ? { versions: used } : {}),
    at: time,
    ...(contactId !== '' ? { contact: contactId } : {}),
  } as ShareSituation;
}
