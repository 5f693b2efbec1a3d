import { formatOffset } from '../schema/duration.ts';
import { LIMITS } from '../schema/limits.ts';
import type { Coverage } from '../schema/coverage.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { CoverageTally } from '../engine/coverage.ts';
import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runStates } from '../engine/materialize.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import type { Simulation } from '../engine/simulation.ts';
import { hashTrace } from '../engine/traceHash.ts';
import { describeStoppedShort } from '../engine/describeStoppedShort.ts';
import { describeEntry, describeReason } from '../trace/describeEntry.ts';
import { escapeJsonLine, escapeText } from '../trace/escapeText.ts';
import { traceNames } from '../trace/traceNames.ts';
import { formatFileProblem, loadPublishedVersions, loadScriptFile, loadWorkflowFile, type FileProblem } from './loadDocuments.ts';
import { describeError, LineWriter, type CommandIo } from './output.ts';
import { parseArgs, USAGE } from './parseArgs.ts';

/** Where the command line writes: text, already split into whole lines (each ends with `\n`). */
export type SimulateIo = CommandIo;

/** The exit codes of `npm run simulate`. */
export const EXIT = {
  /** Every expectation holds. */
  ok: 0,
  /** An expectation failed. */
  expectationFailed: 1,
  /** Bad input (every problem printed as `file: $.path: what is wrong`), or the simulation stopped short at a work cap. */
  badInput: 2,
  /** A bug: an exception no input should cause, printed as one `internal error: …` line. */
  internalError: 3,
} as const;

/**
 * `npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json] [--coverage]`
 * (several `--script`s with `--coverage`, each printed in turn, then the coverage of them all), in-process: `simulate.ts` is its thin entry, tests and the fuzzing suite call it.
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
      return fail(problems, io);
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
      return fail(problems, io);
    }
    inputs.push({ script, file: scriptFile, versions });
  }
  if (problems.length > 0) return fail(problems, io);
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
  if (problems.length > 0) return fail(problems, io);
  const tally = args.coverage ? new CoverageTally(workflows) : null;
  let code: number = EXIT.ok;
  simulations.forEach((simulation, i) => {
    const input = inputs[i] as (typeof inputs)[number];
    if (i > 0 && !args.json) io.stdout('\n');
    const sim = simulation.runToEnd();
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

/**
 * Prints a simulation run to the end — the readable trace, runs and expectations, or with `json`
 * one JSON object per line — and returns the exit code. A simulation stopped short at a work cap
 * prints everything it has, then says so on stderr and exits 2.
 */
export function writeResults(
  sim: Simulation,
  input: { readonly workflows: readonly Workflow[]; readonly script: Script; readonly json: boolean },
  io: SimulateIo,
): number {
  const { workflows, script } = input;
  const expectations = checkExpectations(sim, script);
  const failed = expectations.filter((result) => !result.passed);
  const runs = runStates(sim);
  const startMs = sim.startEpochMs;
  const stoppedShort = sim.stoppedShort;
  const out = new LineWriter(io);

  if (input.json) {
    const line = (value: unknown) => out.line(escapeJsonLine(JSON.stringify(value)));
    for (let i = 0; i < sim.trace.length; i++) line(materializeEntry(sim, i));
    for (const run of runs) {
      const at = run.endedAt === undefined ? null : new Date(startMs + run.endedAt).toISOString();
      line({
        kind: 'run',
        contact: run.contact,
        workflow: run.workflow,
        status: run.status,
        reason: run.reason ?? null,
        atStep: run.atStep ?? null,
        at,
        run: run.run,
        ...(run.stoppedBy ? { stoppedBy: run.stoppedBy } : {}),
        ...(run.pausedAt === undefined ? {} : { pausedAt: new Date(startMs + run.pausedAt).toISOString(), resumesAt: run.resumesAt === undefined ? null : new Date(startMs + run.resumesAt).toISOString() }),
      });
    }
    line({
      kind: 'summary',
      runs: runs.length,
      expectations: {
        passed: expectations.length - failed.length,
        failed: failed.length,
        failures: failed.map((result) => ({ index: result.index, message: result.message, traceSeq: result.traceSeq ?? null })),
      },
      traceHash: hashTrace(sim),
      events: sim.eventsProcessed,
      ...(stoppedShort ? { stoppedShort: { reason: stoppedShort.reason, entries: stoppedShort.entries, at: stoppedShort.at } } : {}),
    });
  } else {
    // Every line for people goes through escapeText: names and texts come from the input files.
    const line = (text: string) => out.line(escapeText(text));
    const names = traceNames(sim);
    line(`${script.name} — ${workflows.map((workflow) => workflow.name).join(', ')} — from ${script.start}`);
    line('');
    // A row escapes each of its columns itself (see `row`): not a second time here, on millions of lines.
    out.line(row('TIME', 'CONTACT', 'WORKFLOW', 'STEP', 'WHAT'));
    for (let i = 0; i < sim.trace.length; i++) {
      const entry = materializeEntry(sim, i);
      const workflow = entry.workflow !== undefined ? names.workflow(entry.workflow) : '';
      const step = entry.workflow !== undefined && entry.step !== undefined ? names.step(entry.workflow, entry.step) : '';
      out.line(row(formatOffset(entry.t), names.contact(entry.contact), workflow, step.replaceAll('"', ''), describeEntry(entry, names)));
    }
    line('');
    line('Runs');
    for (const run of runs) {
      const how =
        run.status === 'stopped'
          ? run.reason === 'manual'
            ? `stopped by ${names.user(run.stoppedBy ?? '')}`
            : `stopped: ${describeReason(run.reason ?? 'manual')}`
          : run.status === 'failed'
            ? `failed: ${describeReason(run.reason ?? 'loop')}`
            : run.status === 'paused'
              ? `paused: ${describeReason(run.reason ?? 'manual')}`
              : run.status;
      const when =
        run.pausedAt !== undefined
          ? ` (since ${formatOffset(run.pausedAt)}; ${run.resumesAt === undefined ? 'resumes when the conversation is closed' : `resumes at ${formatOffset(run.resumesAt)} if your team stays quiet`})`
          : run.endedAt === undefined
            ? run.due === undefined
              ? ''
              : ` (waiting until ${formatOffset(run.due)})`
            : ` (${formatOffset(run.endedAt)})`;
      line(`  ${names.contact(run.contact)} · ${names.workflow(run.workflow)}: ${how} at ${names.step(run.workflow, run.atStep ?? '')}${when}`);
    }
    if (expectations.length > 0) {
      line('');
      line('Expectations');
      for (const result of expectations)
        line(`  ${result.passed ? '✓' : '✗'} ${result.message}${result.traceSeq === undefined ? '' : ` — see trace entry ${result.traceSeq}`}`);
    }
    line('');
    line(
      `${expectations.length - failed.length} of ${expectations.length} expectations hold · ${runs.length} runs · ${sim.eventsProcessed} events · ${sim.trace.length} trace entries · trace hash ${hashTrace(sim)}`,
    );
  }
  out.flush();
  if (stoppedShort) {
    io.stderr(`${describeStoppedShort(stoppedShort)} (--until)\n`);
    return EXIT.badInput;
  }
  return failed.length > 0 ? EXIT.expectationFailed : EXIT.ok;
}

function fail(problems: readonly FileProblem[], io: SimulateIo): number {
  const lines = problems.map((problem) => `${formatFileProblem(problem)}\n`);
  lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was simulated.\n`);
  io.stderr(lines.join(''));
  return EXIT.badInput;
}

/** `text` cut or padded to `width` UTF-16 units, never splitting a surrogate pair; escaped first so the columns hold. */
function fit(text: string, width: number): string {
  const safe = escapeText(text);
  if (safe.length <= width) return safe.padEnd(width);
  let end = width - 1;
  const last = safe.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${safe.slice(0, end)}…`.padEnd(width);
}

/** One line of the readable trace, every column escaped. */
function row(time: string, contact: string, workflow: string, step: string, what: string): string {
  return `${fit(time, 10)} ${fit(contact, 12)} ${fit(workflow, 16)} ${fit(step, 20)} ${escapeText(what)}`;
}

