import { formatOffset, parseDuration } from '../schema/duration.ts';
import { DAY_MS, LIMITS } from '../schema/limits.ts';
import { MAX_WORKERS } from '../engine/pool/contactShares.ts';
import { parseShard, type Shard } from './parseShard.ts';

/** What the command line asks: Workflow files and `--script`s, or folders and script files (a suite). */
export type CliArgs = ScriptArgs | SuiteArgs;

/** `<workflow.json>... --script <script.json>`: the scripts given, against the Workflows given. */
export interface ScriptArgs {
  readonly kind: 'scripts';
  readonly workflows: string[];
  /** The first `--script`; with `--coverage`, `scripts` lists every one given, in order. */
  readonly script: string;
  readonly scripts: string[];
  readonly until?: number;
  readonly json: boolean;
  /** After the runs, which steps and paths some run of the scripts took. */
  readonly coverage: boolean;
  /** Worker threads each simulation is split over, by contact (1: none, this thread). */
  readonly workers: number;
}

/**
 * `<folder or script.json>... [--shard K/N]`: every `*.script.json` found, each run against the
 * `*.workflow.json` files of its own folder; with `shard`, only that part of them.
 */
export interface SuiteArgs {
  readonly kind: 'suite';
  readonly paths: string[];
  readonly until?: number;
  readonly json: boolean;
  readonly shard?: Shard;
  /** Worker threads each simulation is split over, by contact (1: none, this thread). */
  readonly workers: number;
}

export const USAGE = [
  'Usage: npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json] [--coverage [--script <script.json>]...]',
  '   or: npm run simulate -- <folder or script.json>... [--shard K/N] [--until +30d] [--json]',
  '       (each script runs against the Workflows of its folder; --shard 2/4 runs the 2nd of 4 parts of the scripts)',
  `   either with [--workers N]: each simulation's contacts split over N threads (1 to ${MAX_WORKERS}), the same results`,
].join('\n');

/** How many folders and script files one command line names: more is a runaway glob, said before any is read. */
export const MAX_SUITE_PATHS = 10_000;

const YEAR_MS = 365 * DAY_MS;
/** `+3650d (10 years), the longest stretch of time exitflow simulates` */
const HORIZON = `${formatOffset(LIMITS.horizonMs)} (${Math.round(LIMITS.horizonMs / YEAR_MS)} years), the longest stretch of time exitflow simulates`;

/** 10000000 → `10,000,000`, the same on every machine whatever its locale. */
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An argument as quoted in a message: a runaway one (a million digits) is cut short. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** Reads the command line; a string is an error message to print with the usage. */
export function parseArgs(argv: readonly string[]): CliArgs | string {
  const workflows: string[] = [];
  const given = new Set<string>();
  const scripts: string[] = [];
  let until: number | undefined;
  let json = false;
  let coverage = false;
  let shard: Shard | undefined;
  let workers = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = arg.startsWith('--') ? arg.split('=', 1)[0] as string : undefined;
    if (option === '--json' || option === '--script' || option === '--until' || option === '--coverage' || option === '--shard' || option === '--workers') {
      // The last of two would win silently: a script or horizon other than the one meant.
      // Several scripts are what coverage is over; said once every option is read.
      if (given.has(option) && option !== '--script') return `${option} is given twice; give it once`;
      given.add(option);
    }
    if (arg === '--json') json = true;
    else if (arg === '--coverage') coverage = true;
    else if (arg === '--script' || arg.startsWith('--script=')) {
      const script = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (!script) return '--script needs a file';
      scripts.push(script);
    } else if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const offset = value === undefined ? undefined : parseDuration(value.startsWith('+') ? value : `+${value}`);
      if (offset === undefined) return `--until needs an offset such as +30d or +1d12h, not "${shown(value ?? '')}"`;
      if (offset > LIMITS.horizonMs) return `--until ${shown((value as string).replace(/^\+?/, '+'))} is past the simulation horizon: at most ${HORIZON}`;
      until = offset;
    } else if (arg === '--shard' || arg.startsWith('--shard=')) {
      const parsed = parseShard(arg.includes('=') ? arg.slice(8) : argv[++i]);
      if (typeof parsed === 'string') return parsed;
      shard = parsed;
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const value = arg.includes('=') ? arg.slice(10) : argv[++i];
      const n = value !== undefined && /^[0-9]{1,3}$/.test(value) ? Number(value) : Number.NaN;
      if (!(n >= 1 && n <= MAX_WORKERS)) return `--workers needs a whole number of threads from 1 to ${MAX_WORKERS}, not "${shown(value ?? '')}"`;
      workers = n;
    } else if (arg.startsWith('--')) return `Unknown option ${shown(arg)}`;
    else workflows.push(arg);
  }
  const script = scripts[0];
  if (!script) return suiteArgs(workflows, { json, coverage, until, shard, workers });
  if (shard) return '--shard splits the scripts of folders and script files given without --script; with --script, every script given runs';
  // Without --coverage a second script would be left out silently: the first is what would run.
  if (scripts.length > 1 && !coverage) return '--script is given twice; give it once';
  if (scripts.length > LIMITS.compareScripts) return `At most ${thousands(LIMITS.compareScripts)} scripts for one coverage (${thousands(scripts.length)} given)`;
  if (workflows.length === 0) return 'Give at least one workflow file';
  // Said before any file is read: each may hold up to LIMITS.workflowFileBytes.
  if (workflows.length > LIMITS.workflows)
    return `At most ${thousands(LIMITS.workflows)} Workflows can be simulated together (${thousands(workflows.length)} workflow files given)`;
  return { kind: 'scripts', workflows, script, scripts, json, coverage, workers, ...(until === undefined ? {} : { until }) };
}

/** Without `--script`, the arguments name folders and script files: a suite. */
function suiteArgs(paths: string[], options: { json: boolean; coverage: boolean; until: number | undefined; shard: Shard | undefined; workers: number }): SuiteArgs | string {
  const { json, coverage, until, shard, workers } = options;
  if (paths.length === 0) return 'Missing --script <script.json>, or folders and script files to run';
  if (paths.some((path) => path.endsWith('.workflow.json')))
    return 'Missing --script <script.json> to run the Workflow files against (folders and script files run against the Workflows beside their scripts)';
  // A folder's scripts run against its own Workflows: one coverage over several folders would
  // add up different Workflows, and a shard's would call steps other shards reach "never reached".
  if (coverage) return '--coverage needs --script: it is the coverage of one set of Workflows, not of folders or shards';
  if (paths.length > MAX_SUITE_PATHS) return `At most ${thousands(MAX_SUITE_PATHS)} folders and script files (${thousands(paths.length)} given)`;
  return { kind: 'suite', paths, json, workers, ...(until === undefined ? {} : { until }), ...(shard === undefined ? {} : { shard }) };
}
