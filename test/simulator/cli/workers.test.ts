// `npm run simulate -- … --workers N`: each simulation split by contact over N worker threads
// prints exactly what one thread prints — every trace line, run, expectation and the trace hash.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../../simulator/cli/runSimulate.ts';
import { EXIT } from '../../../simulator/cli/writeResults.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'public/examples');
const FOLLOW_UP = join(EXAMPLES, 'follow-up/follow-up.workflow.json');
const POPULATION = join(EXAMPLES, 'follow-up/population.script.json');
/** Starting threads (each loads the engine) and a process takes a few seconds on a busy machine. */
const TIMEOUT = 120_000;

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runSimulate(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const hashOf = (stdout: string) => /trace hash ([0-9a-f]{14})/.exec(stdout)?.[1];

describe('--workers', () => {
  it.each([['0'], ['65'], ['two'], ['1.5'], ['-2'], ['']])('refuses --workers %j with exit 2 and says what it takes', (value) => {
    const result = run(FOLLOW_UP, '--script', POPULATION, '--workers', value);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--workers needs a whole number of threads from 1 to 64');
  });

  it('refuses --workers without a number, and given twice', () => {
    expect(run(FOLLOW_UP, '--script', POPULATION, '--workers').stderr).toContain('--workers needs a whole number');
    expect(run(FOLLOW_UP, '--script', POPULATION, '--workers', '2', '--workers=3').stderr).toContain('--workers is given twice');
  });

  it('prints the population example the same with 1, 2 and 4 threads as without, line for line', () => {
    const plain = run(FOLLOW_UP, '--script', POPULATION, '--json');
    expect(plain.code).toBe(EXIT.ok);
    for (const workers of ['1', '2', '4']) {
      const pooled = run(FOLLOW_UP, '--script', POPULATION, '--json', `--workers=${workers}`);
      expect(pooled.stderr).toBe('');
      expect(pooled.stdout).toBe(plain.stdout);
    }
  }, TIMEOUT);

  it('runs a folder of scripts over threads with the same output and summary; a script with a publish plays on one thread, said on stderr', () => {
    const plain = run(EXAMPLES);
    const pooled = run(EXAMPLES, '--workers', '3');
    expect(pooled.code).toBe(plain.code);
    expect(pooled.stdout).toBe(plain.stdout);
    expect(pooled.stderr).toBe(`${join(EXAMPLES, 'new-version/finish.script.json')}: played on one thread, not 3: a publish acts on every contact at once\n`);
  }, TIMEOUT);

  it('prints the same trace hash from the command line with --workers 2 as without', () => {
    const simulate = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', FOLLOW_UP, '--script', POPULATION, ...args], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 256 * 1024 * 1024 });
    const plain = simulate();
    const pooled = simulate('--workers', '2');
    expect(pooled.status).toBe(0);
    expect(pooled.stderr).toBe('');
    expect(hashOf(pooled.stdout)).toMatch(/^[0-9a-f]{14}$/);
    expect(hashOf(pooled.stdout)).toBe(hashOf(plain.stdout));
    expect(pooled.stdout).toBe(plain.stdout);
  }, TIMEOUT);
});
