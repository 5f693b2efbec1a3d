import { formatOffset, parseDuration } from '../schema/duration.ts';
import { DAY_MS, LIMITS } from '../schema/limits.ts';

export interface CliArgs {
  readonly workflows: string[];
  readonly script: string;
  readonly until?: number;
  readonly json: boolean;
}

export const USAGE = 'Usage: npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json]';

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
  let script: string | undefined;
  let until: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = arg.startsWith('--') ? arg.split('=', 1)[0] as string : undefined;
    if (option === '--json' || option === '--script' || option === '--until') {
      // The last of two would win silently: a script or horizon other than the one meant.
      if (given.has(option)) return `${option} is given twice; give it once`;
      given.add(option);
    }
    if (arg === '--json') json = true;
    else if (arg === '--script' || arg.startsWith('--script=')) {
      script = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (!script) return '--script needs a file';
    } else if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const offset = value === undefined ? undefined : parseDuration(value.startsWith('+') ? value : `+${value}`);
      if (offset === undefined) return `--until needs an offset such as +30d or +1d12h, not "${shown(value ?? '')}"`;
      if (offset > LIMITS.horizonMs) return `--until ${shown((value as string).replace(/^\+?/, '+'))} is past the simulation horizon: at most ${HORIZON}`;
      until = offset;
    } else if (arg.startsWith('--')) return `Unknown option ${shown(arg)}`;
    else workflows.push(arg);
  }
  if (!script) return 'Missing --script <script.json>';
  if (workflows.length === 0) return 'Give at least one workflow file';
  // Said before any file is read: each may hold up to LIMITS.workflowFileBytes.
  if (workflows.length > LIMITS.workflows)
    return `At most ${thousands(LIMITS.workflows)} Workflows can be simulated together (${thousands(workflows.length)} workflow files given)`;
  return { workflows, script, json, ...(until === undefined ? {} : { until }) };
}
