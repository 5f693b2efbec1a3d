/**
 * How hard the fuzzing suite searches. Two profiles, chosen by the environment:
 *
 * * **default** (`npm test`, `npm run test:unit`): `FUZZ_RUNS` cases per property (default 40), each
 *   property also stopped after a few seconds, so the whole `test/fuzz` folder stays well under a
 *   minute on a 2-core machine. Generation is "light" where the work is legitimately large: loops of
 *   the Workflows given to the worker's services pause at least a minute and populations stay small —
 *   every hostile *value* (durations, offsets, ids, names, numbers, unknown keys, many users) is still
 *   generated. The engine property (`prepareSimulation`) gets fast loops too: it passes a small
 *   `maxTraceEntries`.
 * * **deep** (`npm run fuzz`, or `FUZZ_SECONDS=n`): every property runs for its share of
 *   `FUZZ_SECONDS` (default 600), with heavy legitimate workloads too (a Wait of 1s in a loop, a
 *   population of a million contacts), a generous per-case watchdog (90 s), and after a failure it records
 *   the shrunk counterexample and searches on with a new seed.
 */

const env = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

const number = (name: string, fallback: number): number => {
  const value = Number(env(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const DEEP = env('FUZZ_SECONDS') !== undefined;

/** The properties of the suite, in the order they run; a deep run splits its time among them. */
export const PROPERTY_NAMES = ['engine', 'live', 'playback', 'compare', 'cli'] as const;
export type PropertyName = (typeof PROPERTY_NAMES)[number];

/** The seed of the default profile's cases (any number; changing it tries 40 new cases per property). */
const DEFAULT_SEED = 20_261_206;

export const PROFILE = {
  deep: DEEP,
  /** Cases per property in the default profile (a deep run goes on until its time is up). */
  runs: number('FUZZ_RUNS', 40),
  /**
   * Wall-clock time of one property, ms, given how many properties its test file runs: a deep run
   * gives each file all of `FUZZ_SECONDS` (the files run side by side, one per core).
   */
  propertyMs: (siblings: number): number => (DEEP ? (number('FUZZ_SECONDS', 600) * 1000) / Math.max(1, siblings) : number('FUZZ_PROPERTY_MS', 6_000)),
  /**
   * The watchdog: one case (a parse, a simulation run to its end, a sequence of service calls)
   * answering later than this is a failure ("does not finish"). 10 s by default: a case that
   * writes a thousand Workflow files for the command line takes a second on a loaded 2-core
   * machine. A simulation stopped by the 10,000,000-entry cap takes seconds, so a deep run allows 90 s.
   */
  caseMs: DEEP ? number('FUZZ_CASE_MS', 90_000) : number('FUZZ_CASE_MS', 10_000),
  /** Heavy but legitimate workloads (1s loops given to the services, a million-contact population). */
  heavy: DEEP,
  /**
   * Reproduce a failure: the seed and path fast-check printed. Without one, `npm test` uses a fixed
   * seed so the gate gives the same answer on every run of a commit; a deep run (`npm run fuzz`)
   * draws a new seed each time, because its job is to find what the gate's cases do not.
   */
  seed: env('FUZZ_SEED') === undefined ? (DEEP ? undefined : DEFAULT_SEED) : Number(env('FUZZ_SEED')),
  path: env('FUZZ_PATH'),
  /** Run one property only (its name), e.g. to replay a seed. */
  only: env('FUZZ_ONLY'),
} as const;

/** The trace cap the engine property passes as `SimulationInput.maxTraceEntries`. */
export const ENGINE_TRACE_CAP = 20_000;
