import { formatOffset } from '../schema/duration.ts';
import type { Workflow } from '../schema/workflow.ts';
import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runStates } from '../engine/materialize.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import { hashTrace } from '../engine/traceHash.ts';
import { describeEntry, describeReason } from '../trace/describeEntry.ts';
import { traceNames } from '../trace/traceNames.ts';
import { formatFileProblem, loadScriptFile, loadWorkflowFile, type FileProblem } from './loadDocuments.ts';
import { parseArgs, USAGE } from './parseArgs.ts';

/**
 * `npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json]`
 * (SPEC §6). Exit code 0 when every expectation holds, 1 when one fails, 2 on bad input.
 */
function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const problems: FileProblem[] = [];
  const workflows: Workflow[] = [];
  for (const file of args.workflows) {
    const loaded = loadWorkflowFile(file);
    problems.push(...loaded.problems);
    if (loaded.value) workflows.push(loaded.value);
  }
  const scriptLoaded = loadScriptFile(args.script);
  problems.push(...scriptLoaded.problems);
  if (problems.length > 0 || !scriptLoaded.value) return fail(problems);

  const script = scriptLoaded.value;
  const prepared = prepareSimulation({ workflows, script, ...(args.until === undefined ? {} : { until: args.until }) });
  if (!prepared.ok) {
    return fail(
      prepared.problems.map((problem) => ({
        file: problem.source === 'script' ? args.script : (args.workflows[problem.index] as string),
        path: problem.path,
        message: problem.message,
      })),
    );
  }
  const sim = prepared.simulation.runToEnd();
  const expectations = checkExpectations(sim, script);
  const failed = expectations.filter((result) => !result.passed);
  const runs = runStates(sim);
  const startMs = sim.startEpochMs;
  const out = new LineWriter();

  if (args.json) {
    for (let i = 0; i < sim.trace.length; i++) out.line(JSON.stringify(materializeEntry(sim, i)));
    for (const run of runs) {
      const at = run.endedAt === undefined ? null : new Date(startMs + run.endedAt).toISOString();
      out.line(
        JSON.stringify({
          kind: 'run',
          contact: run.contact,
          workflow: run.workflow,
          status: run.status,
          reason: run.reason ?? null,
          atStep: run.atStep ?? null,
          at,
          run: run.run,
          ...(run.stoppedBy ? { stoppedBy: run.stoppedBy } : {}),
        }),
      );
    }
    out.line(
      JSON.stringify({
        kind: 'summary',
        runs: runs.length,
        expectations: {
          passed: expectations.length - failed.length,
          failed: failed.length,
          failures: failed.map((result) => ({ index: result.index, message: result.message, traceSeq: result.traceSeq ?? null })),
        },
        traceHash: hashTrace(sim),
        events: sim.eventsProcessed,
      }),
    );
  } else {
    const names = traceNames(sim);
    out.line(`${script.name} — ${workflows.map((workflow) => workflow.name).join(', ')} — from ${script.start}`);
    out.line('');
    out.line(row('TIME', 'CONTACT', 'WORKFLOW', 'STEP', 'WHAT'));
    for (let i = 0; i < sim.trace.length; i++) {
      const entry = materializeEntry(sim, i);
      const workflow = entry.workflow !== undefined ? names.workflow(entry.workflow) : '';
      const step = entry.workflow !== undefined && entry.step !== undefined ? names.step(entry.workflow, entry.step) : '';
      out.line(row(formatOffset(entry.t), names.contact(entry.contact), workflow, step.replaceAll('"', ''), describeEntry(entry, names)));
    }
    out.line('');
    out.line('Runs');
    for (const run of runs) {
      const how =
        run.status === 'stopped'
          ? run.reason === 'manual'
            ? `stopped by ${names.user(run.stoppedBy ?? '')}`
            : `stopped: ${describeReason(run.reason ?? 'manual')}`
          : run.status === 'failed'
            ? `failed: ${describeReason(run.reason ?? 'loop')}`
            : run.status;
      const when = run.endedAt === undefined ? (run.due === undefined ? '' : ` (waiting until ${formatOffset(run.due)})`) : ` (${formatOffset(run.endedAt)})`;
      out.line(`  ${names.contact(run.contact)} · ${names.workflow(run.workflow)}: ${how} at ${names.step(run.workflow, run.atStep ?? '')}${when}`);
    }
    if (expectations.length > 0) {
      out.line('');
      out.line('Expectations');
      for (const result of expectations)
        out.line(`  ${result.passed ? '✓' : '✗'} ${result.message}${result.traceSeq === undefined ? '' : ` — see trace entry ${result.traceSeq}`}`);
    }
    out.line('');
    out.line(
      `${expectations.length - failed.length} of ${expectations.length} expectations hold · ${runs.length} runs · ${sim.eventsProcessed} events · ${sim.trace.length} trace entries · trace hash ${hashTrace(sim)}`,
    );
  }
  out.flush();
  return failed.length > 0 ? 1 : 0;
}

function fail(problems: readonly FileProblem[]): number {
  for (const problem of problems) process.stderr.write(`${formatFileProblem(problem)}\n`);
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was simulated.\n`);
  return 2;
}

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
function row(time: string, contact: string, workflow: string, step: string, what: string): string {
  return `${fit(time, 10)} ${fit(contact, 12)} ${fit(workflow, 16)} ${fit(step, 20)} ${what}`;
}

/** Buffers output lines and writes them in large chunks (a population prints millions). */
class LineWriter {
  private buffer: string[] = [];
  private size = 0;
  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    writeAll(this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }
}

function writeAll(text: string): void {
  // fs.writeSync on fd 1 blocks until written, so a pipe (| head) sees everything in order.
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    }
  }
}

import { writeSync } from 'node:fs';

process.exitCode = main(process.argv.slice(2));
