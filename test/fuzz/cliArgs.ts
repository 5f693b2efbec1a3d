import { join } from 'node:path';
import type { CliCase } from './arbitraries.ts';

/** The command line of a CLI case: the Workflow files, `--script`, then `--until`, `--json` and the extra arguments. */
export function buildCliArgs(input: CliCase, workflowFiles: readonly string[], scriptFile: string, dir: string): string[] {
  const extra = input.extraArgs.map((arg) => (arg === 'SCRIPT' ? scriptFile : arg === 'MISSING.json' ? join(dir, 'missing.json') : arg === 'DIR' ? join(dir, 'DIR') : arg));
  return [
    ...workflowFiles,
    '--script',
    scriptFile,
    ...(input.until === null ? [] : ['--until', input.until]),
    ...(input.json ? ['--json'] : []),
    ...extra,
  ];
}
