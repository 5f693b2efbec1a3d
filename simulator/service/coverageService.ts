import { CoverageTally } from '../engine/coverage.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import { coverageRequestSchema, type CoverageOutcome } from '../schema/coverage.ts';
import { LIMITS } from '../schema/limits.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import type { InputProblem } from '../schema/result.ts';

/**
 * Coverage as the worker serves it: every script of a situation simulated to its end, off the main
 * thread, and which steps and paths of the Workflows some run took (see `CoverageTally`). All the
 * simulations together record at most `maxTraceEntries` (LIMITS.compareTraceEntries, as a Compare):
 * a script past it is listed in `stoppedShort`, counted as far as it got.
 */
export class CoverageService {
  constructor(private readonly maxTraceEntries: number = LIMITS.compareTraceEntries) {}

  coverage(raw: unknown): CoverageOutcome {
    const parsed = coverageRequestSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((issue): InputProblem => {
          const [document, index, ...rest] = issue.path;
          if (document === 'workflows' && typeof index === 'number') return { source: 'workflow', index, path: formatJsonPath(rest), message: issue.message };
          if (document === 'scripts' && typeof index === 'number') return { source: 'script', index, path: formatJsonPath(rest), message: issue.message };
          return { source: document === 'scripts' ? 'script' : 'workflow', index: 0, path: formatJsonPath(issue.path), message: issue.message };
        }),
      };
    const { workflows, scripts, versions } = parsed.data;
    const tally = new CoverageTally(workflows);
    let left = this.maxTraceEntries;
    for (const [index, script] of scripts.entries()) {
      const prepared = prepareSimulation({ workflows, script, maxTraceEntries: Math.max(0, Math.min(left, LIMITS.traceEntries)), ...(versions === undefined ? {} : { versions }) });
      if (!prepared.ok) return { ok: false, problems: prepared.problems.map((problem) => (problem.source === 'script' ? { ...problem, index } : problem)) };
      const sim = prepared.simulation.runToEnd();
      left -= sim.trace.length;
      tally.add(sim, index);
    }
    return { ok: true, coverage: tally.coverage() };
  }
}
