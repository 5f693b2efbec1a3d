import { parseDuration } from '../schema/duration.ts';

export interface CliArgs {
  readonly workflows: string[];
  readonly script: string;
  readonly until?: number;
  readonly json: boolean;
}

export const USAGE = 'Usage: npm run simulate -- <workflow.json>... --script <script.json> [--until +30d] [--json]';

/** Reads the command line; a string is an error message to print with the usage. */
export function parseArgs(argv: readonly string[]): CliArgs | string {
  const workflows: string[] = [];
  let script: string | undefined;
  let until: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--script' || arg.startsWith('--script=')) {
      script = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (!script) return '--script needs a file';
    } else if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const offset = value === undefined ? undefined : parseDuration(value.startsWith('+') ? value : `+${value}`);
      if (offset === undefined) return `--until needs an offset such as +30d or +1d12h, not "${value ?? ''}"`;
      until = offset;
    } else if (arg.startsWith('--')) return `Unknown option ${arg}`;
    else workflows.push(arg);
  }
  if (!script) return 'Missing --script <script.json>';
  if (workflows.length === 0) return 'Give at least one workflow file';
  return { workflows, script, json, ...(until === undefined ? {} : { until }) };
}
