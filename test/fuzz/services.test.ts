import { afterAll, describe, expect, it } from 'vitest';
import { compareCaseArb, liveCaseArb, playbackCaseArb } from './arbitraries.ts';
import { PROFILE, type PropertyName } from './profile.ts';
import { describeFailure, runProperty, saveReports, summaryTable, type PropertyReport } from './runner.ts';
import { Sandbox } from './sandbox.ts';

/** The worker's services under hostile calls: see fuzz.test.ts for the suite, how to run it and replay a failure. */

const sandbox = new Sandbox(PROFILE.caseMs);
const reports: PropertyReport[] = [];
const PROPERTIES: PropertyName[] = ['live', 'playback', 'compare'];
const active = (name: PropertyName) => PROFILE.only === undefined || PROFILE.only === name;
const siblings = PROPERTIES.filter(active).length;
const TEST_TIMEOUT = PROFILE.propertyMs(siblings) + 2 * PROFILE.caseMs + 30_000;

afterAll(async () => {
  await sandbox.close();
  saveReports('services', reports);
  console.log(`services (${PROFILE.deep ? 'deep' : 'default'} profile)\n${summaryTable(reports)}`);
});

async function property(name: PropertyName, run: () => Promise<PropertyReport>): Promise<void> {
  const report = await run();
  reports.push(report);
  expect(report.failures.length, report.failures.map((f) => describeFailure(name, f)).join('\n\n')).toBe(0);
}

describe("Fuzzing the worker's services: no throw, refusals with $ paths that change nothing, bounded answers", () => {
  it.skipIf(!active('live'))(
    '(2) live: start/command/advance/jumpToNext never throw; refused calls change nothing; the clock stays finite; a restricted user never stops a run',
    () => property('live', () => runProperty('live', liveCaseArb, sandbox, siblings)),
    TEST_TIMEOUT,
  );

  it.skipIf(!active('playback'))(
    '(3a) playback: load, play, seek and report hostile input without throwing, refusing with $ paths or finishing',
    () => property('playback', () => runProperty('playback', playbackCaseArb, sandbox, siblings)),
    TEST_TIMEOUT,
  );

  it.skipIf(!active('compare'))(
    '(3b) compare: hostile requests are refused with $ paths or compared, without throwing',
    () => property('compare', () => runProperty('compare', compareCaseArb, sandbox, siblings)),
    TEST_TIMEOUT,
  );
});
