/**
 * # The fuzzing suite (issue 13, Build 8)
 *
 * Hostile Workflows, scripts, live commands and command lines (test/fuzz/arbitraries.ts: huge and
 * tiny numbers, durations of 10^20 days, deep nesting, long strings, control characters and U+202E,
 * 32,768+ users with a restricted one last, 100,000 contacts, 2,049 Workflows, loops, unknown keys,
 * duplicate ids), and for each, whatever the code does:
 *
 * 1. **engine** (this file): parse → `prepareSimulation` (with `maxTraceEntries`) → run to the end
 *    either refuses with problems at JSON paths (`$…`) or finishes with a trace within the cap, a
 *    finite clock, each trace entry naming its run's Workflow, and no manual stop by a restricted user;
 * 2. **live** (services.test.ts): `LiveSessionService` start/command/advance/jumpToNext never throws;
 *    a refused call (`ok: false`, with `$` paths) changes nothing (runs, contacts, trace, clock,
 *    recorded script); the clock stays finite and never goes back; an accepted command is applied;
 *    each answer is bounded; a restricted user's `workflow.stop` never stops a run;
 * 3. **playback**, **compare** (services.test.ts): load, play, seek, report, compare hostile input
 *    without throwing, answering `ok: false` with `$` paths or finishing;
 * 4. **cli** (this file, once simulator/cli/runSimulate.ts exists): exit code 0, 1 or 2, no stack
 *    trace, on exit 2 every stderr line `file: $…: message` (or a usage error), no manual stop by a
 *    restricted user in `--json` output.
 *
 * Each case runs in a worker thread (sandbox.ts) with a watchdog: a case that does not finish within
 * `FUZZ_CASE_MS` (10 s by default, 90 s in a deep run) fails "finishes within the watchdog" instead of
 * hanging the suite; a thread that runs out of heap fails the case too.
 *
 * ## Running
 *
 * * `npm run test:unit` (and `npm test`) runs it bounded: `FUZZ_RUNS` cases (default 40) per
 *   property, each property stopped after `FUZZ_PROPERTY_MS` (default 6 s); the folder takes ~30 s.
 * * `npm run fuzz` searches deeper: `FUZZ_SECONDS` (default 600) split among each file's properties,
 *   heavy workloads included, searching on after a failure; it ends with a table of runs, cases,
 *   outcomes and failures per property (also in test/output/fuzz/*.json).
 *
 * ## Reproducing a failure
 *
 * A failure prints the invariant, what broke, the shrunk counterexample (a *recipe*: counts and picks
 * from which arbitraries.ts builds the documents — `buildWorld(recipe)` gives them back) and a replay
 * line with fast-check's seed and path:
 *
 *     FUZZ_ONLY=engine FUZZ_SEED=-123 FUZZ_PATH="4:1:0" npx vitest run --project unit test/fuzz
 *
 * A deep run's seeds replay the same way with `FUZZ_SECONDS` set (the deep profile generates
 * heavier cases, so a seed means something else without it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cliCaseArb, engineCaseArb } from './arbitraries.ts';
import { PROFILE, type PropertyName } from './profile.ts';
import { describeFailure, runProperty, saveReports, summaryTable, type PropertyReport } from './runner.ts';
import { Sandbox } from './sandbox.ts';

const sandbox = new Sandbox(PROFILE.caseMs);
const reports: PropertyReport[] = [];
const PROPERTIES: PropertyName[] = ['engine', 'cli'];
const active = (name: PropertyName) => PROFILE.only === undefined || PROFILE.only === name;
const siblings = PROPERTIES.filter(active).length;
/** The property's time, its last case's watchdog, and slack for the sandbox's start. */
const TEST_TIMEOUT = PROFILE.propertyMs(siblings) + 2 * PROFILE.caseMs + 30_000;

afterAll(async () => {
  await sandbox.close();
  saveReports('fuzz', reports);
  console.log(`fuzz (${PROFILE.deep ? 'deep' : 'default'} profile)\n${summaryTable(reports)}`);
});

async function property(name: PropertyName, run: () => Promise<PropertyReport>): Promise<void> {
  const report = await run();
  reports.push(report);
  const failure = report.failures[0];
  expect(report.failures.length, failure ? report.failures.map((f) => describeFailure(name, f)).join('\n\n') : '').toBe(0);
}

describe('Fuzzing: hostile inputs never hang, crash or slip past a check', () => {
  it.skipIf(!active('engine'))(
    '(1) engine: parse, prepareSimulation and a run to the end refuse with $ paths or finish within the trace cap',
    () => property('engine', () => runProperty('engine', engineCaseArb, sandbox, siblings)),
    TEST_TIMEOUT,
  );

  it.skipIf(!active('cli'))(
    '(4) cli: runSimulate exits 0, 1 or 2, prints `file: $…: message` on 2 and never a stack trace',
    () => property('cli', () => runProperty('cli', cliCaseArb, sandbox, siblings)),
    TEST_TIMEOUT,
  );
});
