import { formatOffset } from '../schema/duration.ts';
import { LIMITS } from '../schema/limits.ts';
import type { OutcomeDiffProblem, OutcomeDifference, RunOutcome } from '../schema/outcomeDiff.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { diffOutcomes } from '../engine/outcomeDiff.ts';
import { describeReason } from '../trace/describeEntry.ts';
import { escapeJsonLine, escapeText } from '../trace/escapeText.ts';
import { formatFileProblem, loadPublishedVersions, loadScriptFile, loadWorkflowFile, type FileProblem } from './loadDocuments.ts';
import { thousands } from './parseArgs.ts';
import { describeError, LineWriter } from './output.ts';
import type { SimulateIo } from './runSimulate.ts';

/** The exit codes of `npm run diff`. */
export const DIFF_EXIT = {
  /** No run's outcome changes. */
  same: 0,
  /** At least one run's outcome changes. */
  changed: 1,
  /** Bad input (every problem printed as `file: $.path: what is wrong`), or a simulation stopped short at a work cap. */
  badInput: 2,
  /** A bug: an exception no input should cause, printed as one `internal error: …` line. */
  internalError: 3,
} as const;

export const DIFF_USAGE = 'Usage: npm run diff -- <old.workflow.json> <new.workflow.json> [other workflows…] --script <script.json>… [--json]';

export interface DiffArgs {
  readonly old: string;
  readonly new: string;
  /** Workflows simulated beside both versions, unchanged. */
  readonly others: string[];
  readonly scripts: string[];
  readonly json: boolean;
}

/** An argument as quoted in a message: a runaway one is cut short. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/**
 * Reads the command line; a string is an error message to print with the usage. Every word after
 * `--script` up to the next option is a script (so a shell glob works), and `--script` may be
 * given again; the Workflow files come before.
 */
export function parseDiffArgs(argv: readonly string[]): DiffArgs | string {
  const workflows: string[] = [];
  const scripts: string[] = [];
  let json = false;
  let inScripts = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      // Given twice is a typo somewhere; the simulate command refuses it too.
      if (json) return '--json is given twice; give it once';
      json = true;
      inScripts = false;
    } else if (arg === '--script' || arg.startsWith('--script=')) {
      if (arg.includes('=')) {
        const file = arg.slice(9);
        if (!file) return '--script needs a file';
        scripts.push(file);
        inScripts = false;
      } else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) return '--script needs a file';
        inScripts = true;
      }
    } else if (arg.startsWith('--')) return `Unknown option ${shown(arg)}`;
    else if (inScripts) scripts.push(arg);
    else if (scripts.length > 0) return `Give the Workflow files before --script (${shown(arg)} comes after a script)`;
    else workflows.push(arg);
  }
  const [old, young, ...others] = workflows;
  if (old === undefined || young === undefined) return 'Give the old and the new version of the Workflow: two workflow files';
  if (scripts.length === 0) return 'Missing --script <script.json>';
  // Said before any file is read: each may hold up to LIMITS.workflowFileBytes or LIMITS.scriptFileBytes.
  if (others.length + 1 > LIMITS.workflows)
    return `At most ${thousands(LIMITS.workflows)} Workflows can be simulated together (${thousands(others.length + 1)} given beside the two versions)`;
  if (scripts.length > LIMITS.compareScripts) return `At most ${thousands(LIMITS.compareScripts)} scripts can be diffed at once (${thousands(scripts.length)} given)`;
  return { old, new: young, others, scripts, json };
}

/**
 * `npm run diff -- <old.workflow.json> <new.workflow.json> [other workflows…] --script <s>… [--json]`,
 * in-process: `diff.ts` is its thin entry, tests call it. Simulates every script with the old
 * version and with the new one (the other Workflows unchanged on both sides) and prints every run
 * whose outcome differs. Returns the exit code: 0 when none differs, 1 when some do, 2 on bad
 * input, 3 on an internal error. It never throws (unless `io` does) and never prints a stack trace.
 */
export function runDiff(argv: readonly string[], io: SimulateIo): number {
  try {
    return diff(argv, io);
  } catch (error) {
    io.stderr(`internal error: ${describeError(error)}\n`);
    return DIFF_EXIT.internalError;
  }
}


function diff(argv: readonly string[], io: SimulateIo): number {
  const args = parseDiffArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${escapeText(args)}\n${DIFF_USAGE}\n`);
    return DIFF_EXIT.badInput;
  }
  const workflowFiles = [args.old, args.new, ...args.others];
  const problems: FileProblem[] = [];
  const workflows: (Workflow | undefined)[] = [];
  // Each file has its cap; together they have one too, as for the simulate command.
  let chars = 0;
  for (const file of workflowFiles) {
    const loaded = loadWorkflowFile(file);
    problems.push(...loaded.problems);
    workflows.push(loaded.value);
    chars += loaded.chars;
    if (chars > LIMITS.workflowFilesChars) {
      problems.push({ file, path: '$', message: `Cannot read: the Workflow files up to this one hold more than ${LIMITS.workflowFilesChars / 1_000_000} million characters, the most exitflow reads at once` });
      return fail(problems, io);
    }
  }
  const scripts: Script[] = [];
  const versions: Record<string, Workflow>[] = [];
  // Scripts together are held to what one script may be: two hundred 64 MB scripts would be 13 GB.
  let scriptChars = 0;
  for (const file of args.scripts) {
    const loaded = loadScriptFile(file);
    problems.push(...loaded.problems);
    if (loaded.value) {
      // The new versions its publishes name, beside the script: played on both sides alike.
      const published = loadPublishedVersions(file, loaded.value);
      problems.push(...published.problems);
      chars += published.chars;
      if (chars > LIMITS.workflowFilesChars) {
        problems.push({ file, path: '$.events', message: `Cannot read: the Workflow files up to this script's new versions hold more than ${LIMITS.workflowFilesChars / 1_000_000} million characters, the most exitflow reads at once` });
        return fail(problems, io);
      }
      scripts.push(loaded.value);
      versions.push(published.versions);
    }
    scriptChars += loaded.chars;
    if (scriptChars > LIMITS.scriptFileBytes) {
      problems.push({ file, path: '$', message: `Cannot read: the script files up to this one hold more than ${thousands(LIMITS.scriptFileBytes)} characters, the most exitflow reads at once` });
      return fail(problems, io);
    }
  }
  const [old, young] = workflows;
  if (old && young && old.id !== young.id)
    problems.push({
      file: args.new,
      path: '$.id',
      message: `"${young.id}" is not the id of ${args.old} ("${old.id}"): the old and new files must be two versions of one Workflow`,
    });
  if (problems.length > 0 || !old || !young) return fail(problems, io);

  const others = workflows.slice(2) as Workflow[];
  const result = diffOutcomes([old, ...others], [young, ...others], scripts, { versions });
  const refused = result.rows.flatMap((row) => (row.ok ? [] : row.problems.map((problem) => fileProblem(problem, workflowFiles, args.scripts))));
  if (refused.length > 0) {
    // A problem of an unchanged Workflow is the same on both sides: said once.
    const once = new Map(refused.map((problem) => [formatFileProblem(problem), problem]));
    return fail([...once.values()], io);
  }
  const out = new LineWriter(io);
  const differences = result.rows.flatMap((row) => (row.ok ? row.differences : []));
  const start = (script: number) => Date.parse((scripts[script] as Script).start);
  if (args.json) {
    const line = (value: unknown) => out.line(escapeJsonLine(JSON.stringify(value)));
    for (const difference of differences) line(jsonDifference(difference, args.scripts[difference.script] as string, start(difference.script)));
    line({ kind: 'summary', runs: result.runs, changed: result.changed, scripts: scripts.length });
  } else {
    // Every line for people goes through escapeText: names and texts come from the input files.
    const line = (text: string) => out.line(escapeText(text));
    for (const row of result.rows) {
      if (!row.ok || row.differences.length === 0) continue;
      line(`${row.name} (${args.scripts[row.script] as string})`);
      row.differences.forEach((difference, i) => {
        line(`  ${describeDifference(difference)}`);
        // Where the traces part is the contact's: said under its first changed run, not again.
        const next = row.differences[i + 1];
        const divergence = describeDivergence(difference);
        if (divergence !== undefined && next?.contact.id !== difference.contact.id) line(`    ${divergence}`);
      });
      line('');
    }
    const changedScripts = result.rows.filter((row) => row.ok && row.changed > 0).length;
    const plural = (n: number, word: string) => `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
    if (result.changed === 0) line(`No outcome changes: ${plural(result.runs, 'run')} in ${plural(scripts.length, 'script')} end${result.runs === 1 ? 's' : ''} the same`);
    else line(`${thousands(result.changed)} of ${plural(result.runs, 'run')} change${result.changed === 1 ? 's' : ''} (in ${changedScripts} of ${plural(scripts.length, 'script')})`);
  }
  out.flush();
  return result.changed > 0 ? DIFF_EXIT.changed : DIFF_EXIT.same;
}

/** A side's problem as the file it is in: index 0 is the old or the new version, the others follow. */
function fileProblem(problem: OutcomeDiffProblem, workflowFiles: readonly string[], scriptFiles: readonly string[]): FileProblem {
  const file =
    problem.source === 'script'
      ? (scriptFiles[problem.index] as string)
      : problem.index === 0
        ? (workflowFiles[problem.side === 'before' ? 0 : 1] as string)
        : (workflowFiles[problem.index + 1] ?? (workflowFiles[1] as string));
  return { file, path: problem.path, message: problem.message };
}

function fail(problems: readonly FileProblem[], io: SimulateIo): number {
  const lines = problems.map((problem) => `${formatFileProblem(problem)}\n`);
  lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was compared.\n`);
  io.stderr(lines.join(''));
  return DIFF_EXIT.badInput;
}

/** A message text as quoted on a line: long ones cut, so a line stays a line. */
const quoted = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

/** `stopped (incoming message) at Wait 24h`, `completed at End`, `no run`. */
function describeOutcome(outcome: RunOutcome | null): string {
  if (outcome === null) return 'no run';
  const how =
    outcome.status === 'stopped' && outcome.reason === 'manual'
      ? `stopped by ${outcome.stoppedBy?.name ?? 'hand'}`
      : outcome.reason === undefined
        ? outcome.status
        : `${outcome.status} (${describeReason(outcome.reason)})`;
  return outcome.atStep === undefined ? how : `${how} at ${outcome.atStep.label}`;
}

/** `Dana · Lead nurture: stopped (incoming message) at Wait 24h → completed at End; no longer sends "Just checking in…"`. */
function describeDifference(difference: OutcomeDifference): string {
  const which = difference.occurrence === 0 ? '' : ` (run ${difference.occurrence + 1})`;
  const parts = [`${difference.contact.name} · ${difference.workflow.name}${which}: ${describeOutcome(difference.before)} → ${describeOutcome(difference.after)}`];
  if (difference.noLongerSent.length > 0) parts.push(`no longer sends ${difference.noLongerSent.map(quoted).join(', ')}`);
  if (difference.newlySent.length > 0) parts.push(`now sends ${difference.newlySent.map(quoted).join(', ')}`);
  return parts.join('; ');
}

/** `parts at +0 — before: Timer set for +1d ("Wait 24h"); after: Timer set for +2h ("Wait 2h")`. */
function describeDivergence(difference: OutcomeDifference): string | undefined {
  const at = difference.divergesAt;
  if (at === null) return undefined;
  const side = (entry: { readonly description: string } | null) => entry?.description ?? 'nothing more';
  return `parts at ${formatOffset(at.t)} — before: ${side(at.before)}; after: ${side(at.after)}`;
}

function jsonOutcome(outcome: RunOutcome | null, startMs: number) {
  if (outcome === null) return null;
  return {
    run: outcome.run,
    status: outcome.status,
    reason: outcome.reason ?? null,
    atStep: outcome.atStep?.id ?? null,
    at: outcome.at === undefined ? null : new Date(startMs + outcome.at).toISOString(),
    sent: outcome.sent,
    ...(outcome.stoppedBy ? { stoppedBy: outcome.stoppedBy.id } : {}),
  };
}

/** One `{"kind":"diff",…}` line: ids for what the files name, ISO instants, texts whole. */
function jsonDifference(difference: OutcomeDifference, scriptFile: string, startMs: number) {
  const at = difference.divergesAt;
  const side = (entry: { readonly seq: number; readonly description: string } | null) => (entry === null ? null : { seq: entry.seq, what: entry.description });
  return {
    kind: 'diff',
    contact: difference.contact.id,
    workflow: difference.workflow.id,
    script: scriptFile,
    occurrence: difference.occurrence,
    before: jsonOutcome(difference.before, startMs),
    after: jsonOutcome(difference.after, startMs),
    changes: difference.changes,
    noLongerSent: difference.noLongerSent,
    newlySent: difference.newlySent,
    divergesAt: at === null ? null : { at: new Date(startMs + at.t).toISOString(), offset: formatOffset(at.t), before: side(at.before), after: side(at.after) },
  };
}

