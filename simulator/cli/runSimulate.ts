import { LIMITS } from '../schema/limits.ts';
import type { Coverage } from '../schema/coverage.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { CoverageTally } from '../engine/coverage.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import type { Simulation } from '../engine/simulation.ts';
import { escapeJsonLine, escapeText } from '../trace/escapeText.ts';
import { loadPublishedVersions, loadScriptFile, loadWorkflowFile, type FileProblem } from './loadDocuments.ts';
import { describeError, type CommandIo } from './output.ts';
import { parseArgs, USAGE } from './parseArgs.ts';
import { playToEnd } from './playToEnd.ts';
import { runSuite } from './runSuite.ts';
import { EXIT, writeProblems, writeResults } from './writeResults.ts';

/** Where the command line writes: text, already split into whole lines (each ends with `\n`). */
export type SimulateIo = CommandIo;

/**
 * `npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json] [--coverage]`
 * (several `--script`s with `--coverage`, each printed in turn, then the coverage of them all), or
 * `npm run simulate -- <folder or script.json>... [--shard K/N]` (see `runSuite`), in-process:
 * `simulate.ts` is its thin entry, tests and the fuzzing suite call it. Its exit codes are `EXIT`.
 * Returns the exit code: 0 when every expectation holds, 1 when one fails, 2 on bad input or a
 * simulation stopped short, 3 on an internal error. It never throws (unless `io` does) and never
 * prints a stack trace: an unexpected exception is one `internal error: …` line on stderr.
 */
export function runSimulate(argv: readonly string[], io: SimulateIo): number {
  try {
    return simulate(argv, io);
  } catch (error) {
    io.stderr(`internal error: ${describeError(error)}\n`);
    return EXIT.internalError;
  }
}

const MEGA = 1_000_000;

function simulate(argv: readonly string[], io: SimulateIo): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${escapeText(args)}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  if (args.kind === 'suite') return runSuite(args, io);
  const problems: FileProblem[] = [];
  const workflows: Workflow[] = [];
  // Each file has its cap; together they have one too (a thousand files of 4 MB would be 4 GB).
  let chars = 0;
  for (const file of args.workflows) {
    const loaded = loadWorkflowFile(file);
    problems.push(...loaded.problems);
    if (loaded.value) workflows.push(loaded.value);
    chars += loaded.chars;
    if (chars > LIMITS.workflowFilesChars) {
      problems.push({ file, path: '$', message: `Cannot read: the Workflow files up to this one hold more than ${LIMITS.workflowFilesChars / MEGA} million characters, the most exitflow reads at once` });
      return writeProblems(problems, io);
    }
  }
  const inputs: { script: Script; file: string; versions: Record<string, Workflow> }[] = [];
  for (const scriptFile of args.scripts) {
    const scriptLoaded = loadScriptFile(scriptFile);
    problems.push(...scriptLoaded.problems);
    if (!scriptLoaded.value) continue;
    const script = scriptLoaded.value;
    // The new versions the script's publishes name: files beside the script, within the same caps.
    const { versions, problems: versionProblems, chars: versionChars } = loadPublishedVersions(scriptFile, script);
    problems.push(...versionProblems);
    chars += versionChars;
    if (chars > LIMITS.workflowFilesChars) {
      problems.push({ file: scriptFile, path: '$.events', message: `Cannot read: the Workflow files up to this script's new versions hold more than ${LIMITS.workflowFilesChars / MEGA} million characters, the most exitflow reads at once` });
      return writeProblems(problems, io);
    }
    inputs.push({ script, file: scriptFile, versions });
  }
  if (problems.length > 0) return writeProblems(problems, io);
  // Every script prepared before any is simulated: a bad one among several prints nothing but its problems.
  const simulations: Simulation[] = [];
  for (const { script, file, versions } of inputs) {
    const prepared = prepareSimulation({ workflows, script, versions, ...(args.until === undefined ? {} : { until: args.until }) });
    if (!prepared.ok) {
      problems.push(
        ...prepared.problems.map((problem) => ({
          file: problem.source === 'script' ? file : (args.workflows[problem.index] as string),
          path: problem.path,
          message: problem.message,
        })),
      );
    } else simulations.push(prepared.simulation);
  }
  if (problems.length > 0) return writeProblems(problems, io);
  const tally = args.coverage ? new CoverageTally(workflows) : null;
  let code: number = EXIT.ok;
  simulations.forEach((simulation, i) => {
    const input = inputs[i] as (typeof inputs)[number];
    if (i > 0 && !args.json) io.stdout('\n');
    const sim = playToEnd(simulation, { workflows, script: input.script, versions: input.versions, ...(args.until === undefined ? {} : { until: args.until }) }, args.workers, input.file, io);
    // The worse outcome wins: bad input (a simulation stopped short) over a failed expectation.
    code = Math.max(code, writeResults(sim, { workflows, script: input.script, json: args.json }, io));
    tally?.add(sim, i);
  });
  if (tally) writeCoverage(tally.coverage(), workflows, args.json, io);
  return code;
}

/**
 * The coverage of every script given: with `json`, one line
 * `{"kind":"coverage","steps":{"covered","total"},"edges":{…},"uncovered":[…]}`; otherwise a line
 * of figures and one line per step or path no run reached.
 */
export function writeCoverage(coverage: Coverage, workflows: readonly Workflow[], json: boolean, io: SimulateIo): void {
  if (json) {
    io.stdout(`${escapeJsonLine(JSON.stringify({ kind: 'coverage', steps: coverage.steps, edges: coverage.edges, uncovered: coverage.uncovered }))}\n`);
    return;
  }
  const byId = new Map(workflows.map((workflow) => [workflow.id, workflow]));
  const nodeName = (workflow: Workflow | undefined, id: string): string => {
    if (!workflow) return id;
    if (workflow.trigger.id === id) return workflow.trigger.label || 'Trigger';
    if (workflow.whenStopped?.id === id) return workflow.whenStopped.label || 'When stopped';
    return workflow.steps.find((step) => step.id === id)?.label || id;
  };
  const scripts = `${coverage.scripts} script${coverage.scripts === 1 ? '' : 's'}`;
  const lines = [`Coverage over ${scripts}: ${coverage.steps.covered} of ${coverage.steps.total} steps, ${coverage.edges.covered} of ${coverage.edges.total} paths`];
  for (const item of coverage.uncovered) {
    const workflow = byId.get(item.workflow);
    const where = `(${workflow?.name ?? item.workflow})`;
    if (item.kind === 'step') lines.push(`  never reached: step "${item.label}" ${where}`);
    else {
      const output = item.output === 'next' ? '' : ` (${item.output})`;
      lines.push(`  never taken: path "${nodeName(workflow, item.source)}"${output} → "${nodeName(workflow, item.target)}" ${where}`);
    }
  }
  io.stdout(lines.map((text) => `${escapeText(text)}\n`).join(''));
}
