import { describe, expect, it } from 'vitest';
import type { SimulationReportOutcome } from '../../../../../simulator/schema/report.ts';
import { createReportRequests } from '../../../../../src/screens/simulation/workspace/reportRequests.ts';

/** An answer told apart by its script name; the rest does not matter here. */
const answer = (name: string): SimulationReportOutcome => ({
  ok: true,
  report: { scriptName: name, startEpochMs: 0, workflowNames: [], runs: [], expectations: [], trace: [], eventsProcessed: 0, traceHash: name, runCount: 0, traceCount: 0 },
});

/** A worker whose answers come when the test says, and what reached the screen. */
function harness() {
  const asked: { resolve: (outcome: SimulationReportOutcome) => void; reject: (error: unknown) => void }[] = [];
  const shown: string[] = [];
  const errors: unknown[] = [];
  const requests = createReportRequests(
    () => new Promise<SimulationReportOutcome>((resolve, reject) => asked.push({ resolve, reject })),
    (outcome) => shown.push(outcome.ok ? outcome.report.scriptName : 'refused'),
    (error) => errors.push(error),
  );
  /** Lets the answers' callbacks run. */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return { requests, asked, shown, errors, settle };
}

describe('createReportRequests', () => {
  it('asks for the report once a load is accepted, and shows it', async () => {
    const { requests, asked, shown, settle } = harness();
    const load = requests.loadSent();
    expect(asked).toHaveLength(0);
    requests.loaded(load);
    expect(asked).toHaveLength(1);
    asked[0]?.resolve(answer('first'));
    await settle();
    expect(shown).toEqual(['first']);
  });

  it('asks nothing for a load a newer one has overtaken', () => {
    const { requests, asked } = harness();
    const first = requests.loadSent();
    const second = requests.loadSent();
    requests.loaded(first);
    expect(asked).toHaveLength(0);
    requests.loaded(second);
    expect(asked).toHaveLength(1);
  });

  it('keeps at most one request out: the newest settings win and the stale answer is dropped', async () => {
    const { requests, asked, shown, settle } = harness();
    const first = requests.loadSent();
    requests.loaded(first);
    const second = requests.loadSent();
    requests.loaded(second);
    const third = requests.loadSent();
    requests.loaded(third);
    // The first request is still out: nothing more is asked meanwhile.
    expect(asked).toHaveLength(1);
    asked[0]?.resolve(answer('first'));
    await settle();
    expect(shown).toEqual([]);
    // Then the newest load's report, and only that one.
    expect(asked).toHaveLength(2);
    asked[1]?.resolve(answer('third'));
    await settle();
    expect(shown).toEqual(['third']);
    expect(asked).toHaveLength(2);
  });

  it('drops an answer that a newer load overtook before it was accepted, and asks once that load is', async () => {
    const { requests, asked, shown, settle } = harness();
    requests.loaded(requests.loadSent());
    const second = requests.loadSent();
    asked[0]?.resolve(answer('first'));
    await settle();
    expect(shown).toEqual([]);
    expect(asked).toHaveLength(1);
    requests.loaded(second);
    expect(asked).toHaveLength(2);
    asked[1]?.resolve(answer('second'));
    await settle();
    expect(shown).toEqual(['second']);
  });

  it('reports a failed request, and shows nothing after cancel', async () => {
    const { requests, asked, shown, errors, settle } = harness();
    requests.loaded(requests.loadSent());
    asked[0]?.reject(new Error('The simulator stopped working'));
    await settle();
    expect(errors).toEqual([new Error('The simulator stopped working')]);

    requests.loaded(requests.loadSent());
    requests.cancel();
    asked[1]?.resolve(answer('late'));
    await settle();
    expect(shown).toEqual([]);
    requests.loaded(requests.loadSent());
    expect(asked).toHaveLength(2);
  });
});
