/**
 * Every size and count exitflow accepts, in one place. Each maximum is checked where input enters
 * (the schemas, so the app, the worker and the command line refuse alike, with a JSON path), and
 * each typed column of the engine that stores an index takes its width from here
 * (`COLUMN_BITS`), so no value that passed a check can wrap. `test/simulator/schema/limits.test.ts`
 * fails if a maximum outgrows its column.
 */

export const DAY_MS = 86_400_000;

export const LIMITS = {
  /**
   * The longest stretch of virtual time anything may span: durations (Wait, question timeout),
   * offsets of script events, population jitter and `--until`. Ten years: longer than any
   * customer conversation, and it keeps every instant (start + horizon + a Wait) a valid date.
   */
  horizonMs: 3650 * DAY_MS,
  /** Workflows simulated together (the trace's Workflow column). */
  workflows: 1000,
  /**
   * Steps of one Workflow (the trace's step column); edges are at most twice as many. The canvas
   * opens and pans 5,000 nodes (plain boxes when zoomed out) and auto-layout lays them out.
   */
  steps: 5000,
  edges: 10_000,
  /** People in a script (the trace's user column). */
  users: 10_000,
  /** Contacts listed in a script; a population generates more from the first. */
  listedContacts: 100_000,
  /** Contacts of a population: generated, not listed, so they cost no file size. */
  populationContacts: 1_000_000,
  /** Events a population plays in all: its contacts × its template's events (a contact's order is kept). */
  populationEvents: 10_000_000,
  /**
   * Contacts × Workflows of one simulation: the contact table keeps a run slot per pair (4 bytes
   * each, twice), so this bounds it at 160 MB; a million contacts against a thousand Workflows
   * would have asked for 8 GB and hung filling it.
   */
  contactWorkflowPairs: 20_000_000,
  /** Events and expectations of a script. */
  events: 100_000,
  expectations: 10_000,
  /**
   * Characters of one message: a script's message events and the texts its expectations look for.
   * The Messages view's composer refuses a longer one before sending, with the same number.
   */
  messageChars: 4096,
  /** Tags and fields of one listed contact. */
  contactTags: 100,
  contactFields: 100,
  /**
   * Trace entries one simulation may record before it stops with `trace_limit` (12 bytes each,
   * and 8 a stretch of entries at one time about one run or contact: about 400 MB). A population of a million contacts with a short script fits (the bench's five
   * events a contact record about 21.5 million); a Workflow that loops every second for a year
   * does not, and is stopped instead of filling the memory.
   */
  traceEntries: 25_000_000,
  /**
   * Trace entries one Compare may record in all (every script under each of its five settings);
   * the cells past it are not simulated, and say why.
   */
  compareTraceEntries: 20_000_000,
  /**
   * Contacts of one script Compare plays: it lists every run of every contact under each of its
   * five settings, and a population of a million made an answer too large to send from the worker.
   */
  compareContacts: 10_000,
  /** Scripts one Compare takes (and one coverage, over a situation's scripts). */
  compareScripts: 200,
  /** Step breakpoints one playback holds: more than any canvas has steps worth pausing at. */
  breakpoints: 1000,
  /** Trace entries one step of a live session's clock may add before the clock stops short. */
  liveEntriesPerAdvance: 20_000,
  /** Trace entries a live session may hold in all: its whole trace crosses to the page on a command. */
  liveEntries: 200_000,
  /** Bytes of a script file the command line or the app reads (a 1,000,000-contact export is ~60 MB). */
  scriptFileBytes: 64 * 1024 * 1024,
  /** Bytes of a Workflow file: 5,000 steps of usual messages take about 1.2 MB. */
  workflowFileBytes: 4 * 1024 * 1024,
  /** Characters of all the Workflow files the command line reads for one run, together. */
  workflowFilesChars: 64_000_000,
} as const;

/**
 * Bits of the trace's packed columns (`engine/traceLog.ts`): a row's kind, reason code and user
 * share one int32, its Workflow and step another (with two bits that say what the row's value slot
 * holds). Indices are stored plus one (-1, "none", is 0).
 */
export const COLUMN_BITS = {
  traceKind: 5,
  traceCode: 8,
  traceUser: 19,
  traceWorkflow: 11,
  traceStep: 19,
} as const;

/** The largest index a packed column of `bits` holds (index + 1 must fit; all ones is free). */
export function columnMax(bits: number): number {
  return 2 ** bits - 2;
}
