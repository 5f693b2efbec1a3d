import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../schema/limits.ts';
import type { RunStatus, Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import type { Simulation, SimulationInput } from '../engine/simulation.ts';
import { escapeJsonLine, escapeText } from '../trace/escapeText.ts';
import { findScripts, type FoundScript } from './findScripts.ts';
import { loadPublishedVersions, loadScriptFile, loadWorkflowFile, type FileProblem } from './loadDocuments.ts';
import type { CommandIo } from './output.ts';
import { playToEnd } from './playToEnd.ts';
import { thousands, type SuiteArgs } from './parseArgs.ts';
import { scriptsInShard } from './scriptsInShard.ts';
import { EXIT, writeProblems, writeScriptResults, type ScriptOutcome } from './writeResults.ts';

const MEGA = 1_000_000;
const WORKFLOW = '.workflow.json';
const STATUSES: readonly RunStatus[] = ['active', 'paused', 'completed', 'stopped', 'failed'];

/** What a suite (or one shard of it) came to: every figure a sum over its scripts, so shards add up to the whole. */
export interface SuiteSummary {
  readonly kind: 'suite';
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly scripts: { readonly total: number; readonly run: number; readonly passed: number; readonly failed: number; readonly stoppedShort: number };
  readonly expectations: { readonly passed: number; readonly failed: number };
  readonly runs: Record<RunStatus, number> & { total: number };
  readonly events: number;
  /** The scripts whose expectation failed or whose simulation stopped short, as printed. */
  readonly failedScripts: string[];
}

/**
 * `npm run simulate -- <folder or script.json>... [--shard K/N]`: every script found (see
 * `findScripts`), or the shard's part of them (see `scriptsInShard`), each run against the
 * `*.workflow.json` files of its own folder and printed as one `--script` run prints, after a line
 * naming its file (`{"kind":"script","file":…}` with `--json`); last, a summary over them all.
 * Exit code: the worst of the scripts', as with several `--script`s; a shard holding no script is 0.
 * Nothing is simulated when an input it reads has a problem (exit 2, every problem printed).
 */
export function runSuite(args: SuiteArgs, io: CommandIo): number {
  const found = findScripts(args.paths);
  if (found.problems.length > 0) return writeProblems(found.problems, io);
  const shard = args.shard ?? { index: 1, count: 1 };
  const chosen = scriptsInShard(found.scripts, shard);
  const prepared = prepareScripts(chosen, args);
  if (!Array.isArray(prepared)) return writeProblems(prepared.problems, io);

  let code: number = EXIT.ok;
  const outcomes: { file: string; outcome: ScriptOutcome }[] = [];
  prepared.forEach((item, i) => {
    if (args.json) io.stdout(`${escapeJsonLine(JSON.stringify({ kind: 'script', file: item.file }))}\n`);
    else io.stdout(`${i > 0 ? '\n' : ''}${escapeText(`Script ${item.file}`)}\n`);
    const sim = playToEnd(item.simulation, item.input, args.workers, item.file, io);
    const outcome = writeScriptResults(sim, { workflows: item.workflows, script: item.script, json: args.json }, io);
    // The worse outcome wins: bad input (a simulation stopped short) over a failed expectation.
    code = Math.max(code, outcome.code);
    outcomes.push({ file: item.file, outcome });
  });
  writeSummary(summarize(outcomes, found.scripts.length, args.shard ?? null), args.json, io);
  return code;
}

interface PreparedScript {
  readonly file: string;
  readonly script: Script;
  readonly workflows: Workflow[];
  readonly simulation: Simulation;
  /** What the simulation was prepared from, for a pool of threads to play it (see playToEnd). */
  readonly input: SimulationInput;
}

/**
 * Reads each script, the Workflows of its folder (each folder once) and the new versions it
 * publishes, and prepares its simulation — every one before any is simulated, so a bad input
 * among many prints nothing but its problems. All the Workflow files read together stay within
 * the cap of one command line.
 */
function prepareScripts(chosen: readonly FoundScript[], args: SuiteArgs): PreparedScript[] | { problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const folders = new Map<string, { workflows: Workflow[]; files: string[]; found: number }>();
  let chars = 0;
  const overCap = (file: string, path: string) => {
    if (chars <= LIMITS.workflowFilesChars) return false;
    problems.push({ file, path, message: `Cannot read: the Workflow files up to this one hold more than ${LIMITS.workflowFilesChars / MEGA} million characters, the most exitflow reads at once` });
    return true;
  };
  const prepared: PreparedScript[] = [];
  for (const found of chosen) {
    let folder = folders.get(found.folder);
    if (!folder) {
      const names = workflowFilesIn(found.folder);
      folder = { workflows: [], files: [], found: typeof names === 'string' ? 0 : names.length };
      folders.set(found.folder, folder);
      if (typeof names === 'string') {
        problems.push({ file: found.file, path: '$', message: `Cannot read its folder: ${names}` });
        continue;
      }
      if (names.length > LIMITS.workflows) {
        problems.push({ file: found.file, path: '$', message: `At most ${thousands(LIMITS.workflows)} Workflows can be simulated together (${thousands(names.length)} beside this script)` });
        continue;
      }
      for (const name of names) {
        const file = join(found.file, '..', name);
        const loaded = loadWorkflowFile(file);
        problems.push(...loaded.problems);
        if (loaded.value) {
          folder.workflows.push(loaded.value);
          folder.files.push(file);
        }
        chars += loaded.chars;
        if (overCap(file, '$')) return { problems };
      }
    }
    if (folder.found === 0) {
      problems.push({ file: found.file, path: '$', message: `no *${WORKFLOW} beside this script to run it against` });
      continue;
    }
    const loaded = loadScriptFile(found.file);
    problems.push(...loaded.problems);
    if (!loaded.value) continue;
    const versions = loadPublishedVersions(found.file, loaded.value);
    problems.push(...versions.problems);
    chars += versions.chars;
    if (overCap(found.file, '$.events')) return { problems };
    if (problems.length > 0) continue;
    const input: SimulationInput = { workflows: folder.workflows, script: loaded.value, versions: versions.versions, ...(args.until === undefined ? {} : { until: args.until }) };
    const simulation = prepareSimulation(input);
    if (!simulation.ok) {
      const { files } = folder;
      problems.push(...simulation.problems.map((problem) => ({ file: problem.source === 'script' ? found.file : (files[problem.index] as string), path: problem.path, message: problem.message })));
    } else prepared.push({ file: found.file, script: loaded.value, workflows: folder.workflows, simulation: simulation.simulation, input });
  }
  return problems.length > 0 ? { problems } : prepared;
}

/** The `*.workflow.json` names of a folder, sorted by code units as the shards are, so their order is the same on every machine; or why not. */
function workflowFilesIn(folder: string): string[] | string {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith(WORKFLOW))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function summarize(outcomes: readonly { file: string; outcome: ScriptOutcome }[], total: number, shard: SuiteSummary['shard']): SuiteSummary {
  const runs = { total: 0, active: 0, paused: 0, completed: 0, stopped: 0, failed: 0 };
  const expectations = { passed: 0, failed: 0 };
  const scripts = { total, run: outcomes.length, passed: 0, failed: 0, stoppedShort: 0 };
  let events = 0;
  const failedScripts: string[] = [];
  for (const { file, outcome } of outcomes) {
    expectations.passed += outcome.expectations.passed;
    expectations.failed += outcome.expectations.failed;
    for (const status of STATUSES) {
      runs[status] += outcome.runs[status];
      runs.total += outcome.runs[status];
    }
    events += outcome.events;
    if (outcome.code === EXIT.badInput) scripts.stoppedShort++;
    else if (outcome.code === EXIT.expectationFailed) scripts.failed++;
    else scripts.passed++;
    if (outcome.code !== EXIT.ok) failedScripts.push(file);
  }
  return { kind: 'suite', shard, scripts, expectations, runs, events, failedScripts };
}

/**
 * The summary, last: with `json` the SuiteSummary as one line; otherwise a line per script that
 * did not pass, then `shard 2/4: 7 of 29 scripts · 7 passed · 21 of 21 expectations hold · …`.
 */
function writeSummary(summary: SuiteSummary, json: boolean, io: CommandIo): void {
  if (json) {
    io.stdout(`${escapeJsonLine(JSON.stringify(summary))}\n`);
    return;
  }
  const { shard, scripts, expectations, runs } = summary;
  const plural = (n: number, word: string) => `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
  const which = shard ? `shard ${shard.index}/${shard.count}: ${thousands(scripts.run)} of ${plural(scripts.total, 'script')}` : plural(scripts.total, 'script');
  const lines = scripts.run > 0 ? [''] : [];
  if (summary.failedScripts.length > 0) lines.push('Did not pass', ...summary.failedScripts.map((file) => `  ✗ ${file}`), '');
  if (scripts.run === 0) {
    lines.push(`${which} — none to run in this shard`);
  } else {
    const outcome = [`${thousands(scripts.passed)} passed`, ...(scripts.failed > 0 ? [`${thousands(scripts.failed)} failed`] : []), ...(scripts.stoppedShort > 0 ? [`${thousands(scripts.stoppedShort)} stopped short`] : [])];
    const byStatus = STATUSES.filter((status) => runs[status] > 0).map((status) => `${thousands(runs[status])} ${status}`);
    lines.push(
      `${which} · ${outcome.join(', ')} · ${thousands(expectations.passed)} of ${plural(expectations.passed + expectations.failed, 'expectation')} hold · ${plural(runs.total, 'run')}${byStatus.length > 0 ? ` (${byStatus.join(', ')})` : ''} · ${plural(summary.events, 'event')}`,
    );
  }
  io.stdout(lines.map((line) => `${escapeText(line)}\n`).join(''));
}
