import { formatOffset, parseDuration } from '../schema/duration.ts';
import { DAY_MS, LIMITS } from '../schema/limits.ts';

export interface CliArgs {
  readonly workflows: string[];
  /** The first `--script`; with `--coverage`, `scripts` lists every one given, in order. */
  readonly script: string;
  readonly scripts: string[];
  readonly until?: number;
  readonly json: boolean;
  /** After the runs, which steps and paths some run of the scripts took. */
  readonly coverage: boolean;
}

export const USAGE = 'Usage: npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json] [--coverage [--script <script.json>]...]';

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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = arg.startsWith('--') ? arg.split('=', 1)[0] as string : undefined;
    if (option === '--json' || option === '--script' || option === '--until' || option === '--coverage') {
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
    } else if (arg.startsWith('--')) return `Unknown option ${shown(arg)}`;
    else workflows.push(arg);
  }
  const script = scripts[0];
  if (!script) return 'Missing --script <script.json>';
  // Without --coverage a second script would be left out silently: the first is what would run.
  if (scripts.length > 1 && !coverage) return '--script is given twice; give it once';
  if (scripts.length > LIMITS.compareScripts) return `At most ${thousands(LIMITS.compareScripts)} scripts for one coverage (${thousands(scripts.length)} given)`;
  if (workflows.length === 0) return 'Give at least one workflow file';
  // Said before any file is read: each may hold up to LIMITS.workflowFileBytes.
  if (workflows.length > LIMITS.workflows)
    return `At most ${thousands(LIMITS.workflows)} Workflows can be simulated together (${thousands(workflows.length)} workflow files given)`;
  return { workflows, script, scripts, json, coverage, ...(until === undefined ? {} : { until }) };
}
