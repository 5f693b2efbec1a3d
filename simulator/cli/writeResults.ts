import { formatOffset } from '../schema/duration.ts';
import type { RunStatus, Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runStates } from '../engine/materialize.ts';
import type { Simulation } from '../engine/simulation.ts';
import { hashTrace } from '../engine/traceHash.ts';
import { describeStoppedShort } from '../engine/describeStoppedShort.ts';
import { describeEntry, describeReason } from '../trace/describeEntry.ts';
import { escapeJsonLine, escapeText } from '../trace/escapeText.ts';
import { traceNames } from '../trace/traceNames.ts';
import { formatFileProblem, type FileProblem } from './loadDocuments.ts';
import { LineWriter, type CommandIo } from './output.ts';

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

/** What one script's simulation came to, for a summary over several scripts. */
export interface ScriptOutcome {
  /** Its exit code: 0, 1 (an expectation failed) or 2 (stopped short). */
  readonly code: number;
  readonly expectations: { readonly passed: number; readonly failed: number };
  readonly runs: Readonly<Record<RunStatus, number>>;
  readonly events: number;
}

type ResultsInput = { readonly workflows: readonly Workflow[]; readonly script: Script; readonly json: boolean };

/**
 * Prints a simulation run to the end — the readable trace, runs and expectations, or with `json`
 * one JSON object per line — and returns the exit code. A simulation stopped short at a work cap
 * prints everything it has, then says so on stderr and exits 2.
 */
export function writeResults(sim: Simulation, input: ResultsInput, io: CommandIo): number {
  return writeScriptResults(sim, input, io).code;
}

/** `writeResults`, also answering the figures a summary over several scripts adds up. */
export function writeScriptResults(sim: Simulation, input: ResultsInput, io: CommandIo): ScriptOutcome {
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
  const byStatus: Record<RunStatus, number> = { active: 0, paused: 0, completed: 0, stopped: 0, failed: 0 };
  for (const run of runs) byStatus[run.status]++;
  const outcome = { expectations: { passed: expectations.length - failed.length, failed: failed.length }, runs: byStatus, events: sim.eventsProcessed };
  if (stoppedShort) {
    io.stderr(`${describeStoppedShort(stoppedShort)} (--until)\n`);
    return { code: EXIT.badInput, ...outcome };
  }
  return { code: failed.length > 0 ? EXIT.expectationFailed : EXIT.ok, ...outcome };
}

/** Prints every problem of the input on stderr, `file: $.path: what is wrong`, and returns exit code 2. */
export function writeProblems(problems: readonly FileProblem[], io: CommandIo): number {
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
