// `--shard K/N`: whole numbers, 1 ≤ K ≤ N ≤ 1,000, given once; anything else is exit 2 with the
// usage, as the command line's other bad arguments are.
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, parseShard } from '../../../simulator/cli/parseShard.ts';
import { runSimulate } from '../../../simulator/cli/runSimulate.ts';
import { EXIT } from '../../../simulator/cli/writeResults.ts';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    ['4/4', { index: 4, count: 4 }],
    ['1000/1000', { index: 1000, count: 1000 }],
    ['02/04', { index: 2, count: 4 }],
  ])('%s is shard %o', (value, shard) => {
    expect(parseShard(value)).toEqual(shard);
  });

  it.each([
    [undefined, '--shard needs K/N, such as 2/4 (the 2nd of 4 shards)'],
    ['', '--shard needs K/N, such as 2/4 (the 2nd of 4 shards)'],
    ['0/4', '--shard 0/4: shards count from 1, so K goes from 1 to 4'],
    ['5/4', '--shard 5/4: there is no shard 5 of 4; K goes from 1 to 4'],
    ['2/0', '--shard 2/0: at least 1 shard'],
    ['1/1001', '--shard 1/1001: at most 1,000 shards'],
    ['1/99999999999999999999', '--shard 1/99999999999999999999: at most 1,000 shards'],
    ['99999999999999999999/4', '--shard 99999999999999999999/4: there is no shard 99999999999999999999 of 4; K goes from 1 to 4'],
    ['1.5/3', '--shard needs K/N with whole numbers, such as 2/4, not "1.5/3"'],
    ['-1/3', '--shard needs K/N with whole numbers, such as 2/4, not "-1/3"'],
    ['+2/4', '--shard needs K/N with whole numbers, such as 2/4, not "+2/4"'],
    [' 2/4', '--shard needs K/N with whole numbers, such as 2/4, not " 2/4"'],
    ['2/4/8', '--shard needs K/N with whole numbers, such as 2/4, not "2/4/8"'],
    ['1e3/2e3', '--shard needs K/N with whole numbers, such as 2/4, not "1e3/2e3"'],
    ['2', '--shard needs K/N with whole numbers, such as 2/4, not "2"'],
    ['２/４', '--shard needs K/N with whole numbers, such as 2/4, not "２/４"'],
    ['--json', '--shard needs K/N with whole numbers, such as 2/4, not "--json"'],
  ])('%j is refused: %s', (value, message) => {
    expect(parseShard(value)).toBe(message);
  });

  it('a runaway value is quoted cut short', () => {
    expect(parseShard('1'.repeat(1_000_000))).toBe(`--shard needs K/N with whole numbers, such as 2/4, not "${'1'.repeat(39)}…"`);
  });

  it('the cap is 1,000', () => {
    expect(MAX_SHARDS).toBe(1000);
  });
});

describe('simulate --shard: bad values are exit 2 with the usage, nothing read', () => {
  const refused = (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = runSimulate(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    expect(code).toBe(EXIT.badInput);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\nUsage: npm run simulate -- [\s\S]*--shard K\/N/);
    return stderr.split('\n', 1)[0];
  };

  it.each(['0/4', '5/4', '2/0', '1.5/3', '123456789012345678901234567890/4'])('--shard %s', (value) => {
    expect(refused('no-such-folder', '--shard', value)).toBe(parseShard(value));
    expect(refused('no-such-folder', `--shard=${value}`)).toBe(parseShard(value));
  });

  it('a missing value, as the last argument or followed by an option', () => {
    expect(refused('no-such-folder', '--shard')).toBe('--shard needs K/N, such as 2/4 (the 2nd of 4 shards)');
    expect(refused('no-such-folder', '--shard=')).toBe('--shard needs K/N, such as 2/4 (the 2nd of 4 shards)');
    expect(refused('no-such-folder', '--shard', '--json')).toBe('--shard needs K/N with whole numbers, such as 2/4, not "--json"');
  });

  it('given twice, even the same', () => {
    expect(refused('no-such-folder', '--shard', '1/2', '--shard', '2/2')).toBe('--shard is given twice; give it once');
    expect(refused('no-such-folder', '--shard=1/2', '--shard', '1/2')).toBe('--shard is given twice; give it once');
  });
});
