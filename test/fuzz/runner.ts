import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Outcome, Verdict } from './checks.ts';
import { PROFILE, type PropertyName } from './profile.ts';
import type { Sandbox } from './sandbox.ts';

/** A shrunk counterexample: which invariant broke, how to replay it, and the (recipe of the) input. */
export interface Failure {
  readonly invariant: string;
  readonly detail: string;
  readonly seed: number;
  readonly path: string;
  readonly counterexample: string;
}

/** What one property did: the counts the summary table prints. */
export interface PropertyReport {
  readonly name: PropertyName;
  /** Inputs generated and checked (fast-check's runs, shrinking not included). */
  runs: number;
  /** Cases checked in the sandbox, shrinking included. */
  cases: number;
  readonly outcomes: Record<Outcome, number>;
  readonly failures: Failure[];
  ms: number;
}

export const REPORT_DIR = resolve(import.meta.dirname, '../output/fuzz');

class CaseFailed extends Error {
  constructor(readonly verdict: Verdict & { ok: false }) {
    super(`${verdict.invariant}: ${verdict.detail}`);
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/**
 * Runs one property: cases from `arb`, each checked in the sandbox. The default profile stops after
 * `PROFILE.runs` cases or its time, at the first failure (shrunk); a deep run records the failure
 * and searches on with a new seed until its time is up.
 */
export async function runProperty<T>(name: PropertyName, arb: fc.Arbitrary<T>, sandbox: Sandbox, siblings: number): Promise<PropertyReport> {
  const report: PropertyReport = { name, runs: 0, cases: 0, outcomes: { refused: 0, finished: 0, stopped_short: 0 }, failures: [], ms: 0 };
  const started = Date.now();
  const deadline = started + PROFILE.propertyMs(siblings);
  let seed = PROFILE.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    // The case running when time is up: fast-check stops waiting for it, the watchdog does not.
    let last: { value: T; run: number; verdict: Promise<Verdict> } | null = null;
    let generated = 0;
    let failedOnce = false;
    const details = await fc.check(
      fc.asyncProperty(arb, async (value) => {
        report.cases++;
        const verdict = sandbox.run(name, value);
        last = { value, run: generated++, verdict };
        const outcome = await verdict;
        if (!outcome.ok) {
          failedOnce = true;
          throw new CaseFailed(outcome);
        }
        report.outcomes[outcome.outcome]++;
      }),
      {
        numRuns: PROFILE.deep ? 1_000_000_000 : PROFILE.runs,
        seed,
        ...(PROFILE.path === undefined ? {} : { path: PROFILE.path }),
        // The sandbox's watchdog ends a case that hangs; these two bound fast-check itself.
        interruptAfterTimeLimit: remaining,
        timeout: PROFILE.caseMs + 10_000,
      },
    );
    report.runs += details.numRuns;
    if (!details.failed) {
      // Interrupted on a case still running: wait for its verdict (the watchdog bounds the wait); a
      // failure there is a failure too, reported unshrunk, replayable by its run's path when no shrinking had begun.
      const pending = last as { value: T; run: number; verdict: Promise<Verdict> } | null;
      if (details.interrupted && pending) {
        const verdict = await pending.verdict;
        if (!verdict.ok)
          report.failures.push({
            invariant: verdict.invariant,
            detail: `${verdict.detail} (the case running when the property's time was up; not shrunk)`,
            seed: details.seed,
            path: failedOnce ? '' : String(pending.run),
            counterexample: clip(fc.stringify(pending.value), 4000),
          });
      }
      if (report.failures.length === 0 || !PROFILE.deep) break;
      seed = (seed * 1_103_515_245 + 12_345) | 0;
      continue;
    }
    const error = details.errorInstance;
    const verdict = error instanceof CaseFailed ? error.verdict : { invariant: 'no exception escapes (in the test)', detail: String(error) };
    report.failures.push({
      invariant: verdict.invariant,
      detail: verdict.detail,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      counterexample: clip(fc.stringify(details.counterexample?.[0]), 4000),
    });
    if (!PROFILE.deep || PROFILE.path !== undefined) break;
    seed = (seed * 1_103_515_245 + 12_345) | 0;
  }
  report.ms = Date.now() - started;
  return report;
}

/** A failure as the test reports it: enough to replay it (`FUZZ_SEED`, `FUZZ_PATH`, `FUZZ_ONLY`). */
export function describeFailure(name: string, failure: Failure): string {
  return [
    `Property "${name}" broke: ${failure.invariant}`,
    `  ${failure.detail.replace(/\n/g, '\n  ')}`,
    `  replay: FUZZ_ONLY=${name} FUZZ_SEED=${failure.seed} FUZZ_PATH="${failure.path}" npx vitest run --project unit test/fuzz`,
    `  shrunk counterexample (a recipe; arbitraries.ts builds the documents from it):`,
    `  ${failure.counterexample}`,
  ].join('\n');
}

/** Keeps a file's reports in test/output/fuzz/, for `npm run fuzz`'s summary of every file. */
export function saveReports(file: string, reports: readonly PropertyReport[]): void {
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, `${file}.json`), JSON.stringify({ profile: PROFILE.deep ? 'deep' : 'default', reports }, null, 2));
}

/** The summary table: per property, runs, cases, outcomes, failures and time. */
export function summaryTable(reports: readonly PropertyReport[]): string {
  const header = ['property', 'runs', 'cases', 'refused', 'finished', 'stopped short', 'failures', 'seconds'];
  const rows = reports.map((r) => [r.name, String(r.runs), String(r.cases), String(r.outcomes.refused), String(r.outcomes.finished), String(r.outcomes.stopped_short), String(r.failures.length), (r.ms / 1000).toFixed(1)]);
  rows.push([
    'total',
    String(reports.reduce((n, r) => n + r.runs, 0)),
    String(reports.reduce((n, r) => n + r.cases, 0)),
    String(reports.reduce((n, r) => n + r.outcomes.refused, 0)),
    String(reports.reduce((n, r) => n + r.outcomes.finished, 0)),
    String(reports.reduce((n, r) => n + r.outcomes.stopped_short, 0)),
    String(reports.reduce((n, r) => n + r.failures.length, 0)),
    (reports.reduce((n, r) => n + r.ms, 0) / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const failures = reports.flatMap((r) => r.failures.map((f) => describeFailure(r.name, f)));
  return [line(header), rule, ...rows.map(line), ...(failures.length > 0 ? ['', ...failures] : [])].join('\n');
}
