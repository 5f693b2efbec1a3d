// `npm run simulate -- <folder or script.json>... [--shard K/N]`: every script found, each against
// the Workflows of its folder, then one summary; with --shard, one part of them, the same part on
// every machine whatever order the folders are listed in. Run in-process over the bundled examples.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulate } from '../../../simulator/cli/runSimulate.ts';
import type { SuiteSummary } from '../../../simulator/cli/runSuite.ts';
import { EXIT } from '../../../simulator/cli/writeResults.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'public/examples');
/** The population script makes each pass over the examples take a second or two. */
const TIMEOUT = 120_000;

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runSimulate(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== '') };
}

interface SuiteRun {
  readonly code: number;
  /** Each script's file, as printed before its lines, with its own summary line. */
  readonly scripts: { file: string; summary: Record<string, unknown> }[];
  readonly suite: SuiteSummary;
}

/** Runs with --json and splits the output into the scripts it ran and the suite's summary. */
function runJson(...args: string[]): SuiteRun {
  const result = run(...args, '--json');
  expect(result.stderr).toBe('');
  const objects = result.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const scripts: SuiteRun['scripts'] = [];
  for (const object of objects.slice(0, -1)) {
    if (object.kind === 'script') scripts.push({ file: object.file as string, summary: {} });
    else if (object.kind === 'summary') (scripts.at(-1) as SuiteRun['scripts'][number]).summary = object;
  }
  const suite = objects.at(-1) as unknown as SuiteSummary;
  expect(suite.kind).toBe('suite');
  return { code: result.code, scripts, suite };
}

/** Every bundled script, found on disk so a new example is covered. */
const bundled = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.script.json'))
  .map((file) => join(EXAMPLES, file));

const tmp = mkdtempSync(join(tmpdir(), 'exitflow-suite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('simulate <folders>: every script found, each against the Workflows of its folder', () => {
  it('runs every bundled script once, each as --script runs it, and sums them up', () => {
    const all = runJson(EXAMPLES);
    expect(all.code).toBe(EXIT.ok);
    expect(all.scripts.map((script) => script.file).sort()).toEqual([...bundled].sort());
    expect(all.suite).toMatchObject({ shard: null, scripts: { total: bundled.length, run: bundled.length, passed: bundled.length, failed: 0, stoppedShort: 0 }, failedScripts: [] });
    expect(all.suite.expectations.failed).toBe(0);
    expect(all.suite.runs.total).toBe(all.scripts.reduce((sum, script) => sum + (script.summary.runs as number), 0));

    // The same trace as `<its folder's workflows> --script <it>`, for one script of a folder with two Workflows.
    const hotLead = join(EXAMPLES, 'hot-lead');
    const single = run(join(hotLead, 'lead-nurture.workflow.json'), join(hotLead, 'vip-routing.workflow.json'), '--script', join(hotLead, 'agent-stops-it.script.json'), '--json');
    const inSuite = all.scripts.find((script) => script.file === join(hotLead, 'agent-stops-it.script.json'));
    expect(inSuite?.summary).toEqual(JSON.parse(single.lines.at(-1) as string));
  }, TIMEOUT);

  it('without --json, a line naming each script, then the summary', () => {
    const result = run(join(EXAMPLES, 'follow-up', 'nobody-answers.script.json'), join(EXAMPLES, 'hot-lead', 'agent-stops-it.script.json'));
    expect(result.code).toBe(EXIT.ok);
    expect(result.lines.filter((line) => line.startsWith('Script '))).toEqual([
      `Script ${join(EXAMPLES, 'follow-up', 'nobody-answers.script.json')}`,
      `Script ${join(EXAMPLES, 'hot-lead', 'agent-stops-it.script.json')}`,
    ]);
    expect(result.lines.at(-1)).toMatch(/^2 scripts · 2 passed · (\d+) of \1 expectations hold · \d+ runs \(.*\) · \d+ events$/);
  });
});

describe('simulate <folders> --shard K/N', () => {
  let unshardedRun: SuiteRun | undefined;
  /** The unsharded run, made once for the five N. */
  const unsharded = () => (unshardedRun ??= runJson(EXAMPLES));

  it.each([1, 2, 3, 4, 5])('N = %i: every script runs in exactly one shard, the same as unsharded, and the shards add up to the whole', (n) => {
    const all = unsharded();
    const shards = Array.from({ length: n }, (_, k) => runJson(EXAMPLES, '--shard', `${k + 1}/${n}`));
    const ran = shards.flatMap((shard) => shard.scripts.map((script) => script.file));
    expect(ran.sort()).toEqual(all.scripts.map((script) => script.file).sort());
    expect(new Set(ran).size).toBe(ran.length);
    // Balanced: ⌊29/n⌋ or ⌈29/n⌉ scripts each.
    for (const shard of shards) expect(Math.abs(shard.suite.scripts.run - bundled.length / n)).toBeLessThan(1);

    // Each script's own summary (runs, expectations, trace hash) is the one it has unsharded.
    const alone = new Map(all.scripts.map((script) => [script.file, script.summary]));
    for (const script of shards.flatMap((shard) => shard.scripts)) expect(script.summary).toEqual(alone.get(script.file));

    const sum = (pick: (summary: SuiteSummary) => number) => shards.reduce((total, shard) => total + pick(shard.suite), 0);
    const figures = (pick: (summary: SuiteSummary) => number) => [sum(pick), pick(all.suite)];
    for (const pick of [
      (s: SuiteSummary) => s.scripts.run,
      (s: SuiteSummary) => s.scripts.passed,
      (s: SuiteSummary) => s.scripts.failed,
      (s: SuiteSummary) => s.scripts.stoppedShort,
      (s: SuiteSummary) => s.expectations.passed,
      (s: SuiteSummary) => s.expectations.failed,
      (s: SuiteSummary) => s.runs.total,
      (s: SuiteSummary) => s.runs.active,
      (s: SuiteSummary) => s.runs.paused,
      (s: SuiteSummary) => s.runs.completed,
      (s: SuiteSummary) => s.runs.stopped,
      (s: SuiteSummary) => s.runs.failed,
      (s: SuiteSummary) => s.events,
    ]) {
      const [sharded, whole] = figures(pick);
      expect(sharded).toBe(whole);
    }
    shards.forEach((shard, k) => expect(shard.suite).toMatchObject({ shard: { index: k + 1, count: n }, scripts: { total: all.suite.scripts.total } }));
  }, TIMEOUT);

  it('the split does not depend on the order of the arguments nor on where the checkout sits', () => {
    const folders = readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(EXAMPLES, entry.name));
    const reversed = [...folders].reverse();
    const shuffledScripts = [...bundled].sort((a, b) => (a.split('/').at(-1) as string).localeCompare(b.split('/').at(-1) as string));
    const ranIn = (...args: string[]) => runJson(...args, '--shard', '2/3').scripts.map((script) => relative(EXAMPLES, script.file));
    const expected = ranIn(EXAMPLES);
    expect(expected.length).toBeGreaterThan(0);
    expect(ranIn(...folders)).toEqual(expected);
    expect(ranIn(...reversed)).toEqual(expected);
    expect(ranIn(...shuffledScripts)).toEqual(expected);
    // Named twice (a folder and a script in it): run once, the split unchanged.
    expect(ranIn(...reversed, bundled[0] as string)).toEqual(expected);

    // Another machine: the same examples at another depth, under other names.
    const elsewhere = join(tmp, 'deeper', 'checkout', 'examples');
    cpSync(EXAMPLES, elsewhere, { recursive: true });
    expect(runJson(elsewhere, '--shard', '2/3').scripts.map((script) => relative(elsewhere, script.file))).toEqual(expected);
  }, TIMEOUT);

  it('tells apart scripts of the same name in different folders, by their folder', () => {
    const ranIn = (shard: string) => runJson(EXAMPLES, '--shard', shard).scripts.map((script) => relative(EXAMPLES, script.file));
    const named = (name: string) => bundled.filter((file) => file.endsWith(`/${name}`)).map((file) => relative(EXAMPLES, file));
    // clean-up/assigned, follow-up/assigned; clean-up/agent-takes-over, hot-lead/agent-takes-over: each runs, once.
    for (const name of ['assigned.script.json', 'agent-takes-over.script.json']) {
      expect(named(name)).toHaveLength(2);
      expect([...ranIn('1/2'), ...ranIn('2/2')].filter((file) => file.endsWith(`/${name}`)).sort()).toEqual(named(name).sort());
    }
  }, TIMEOUT);

  it('a failing expectation fails its shard only (exit 1, named last), and the unsharded run', () => {
    const folder = join(tmp, 'failing');
    mkdirSync(folder);
    cpSync(join(EXAMPLES, 'follow-up', 'follow-up.workflow.json'), join(folder, 'follow-up.workflow.json'));
    const script = JSON.parse(readFileSync(join(EXAMPLES, 'follow-up', 'nobody-answers.script.json'), 'utf8')) as { expect: { status?: string }[] };
    writeFileSync(join(folder, 'a-holds.script.json'), JSON.stringify(script));
    writeFileSync(join(folder, 'b-fails.script.json'), JSON.stringify({ ...script, expect: [{ ...script.expect[0], status: 'stopped' }] }));

    const first = runJson(folder, '--shard', '1/2');
    expect(first.code).toBe(EXIT.ok);
    expect(first.scripts.map((s) => s.file)).toEqual([join(folder, 'a-holds.script.json')]);
    const second = runJson(folder, '--shard', '2/2');
    expect(second.code).toBe(EXIT.expectationFailed);
    expect(second.suite).toMatchObject({ scripts: { total: 2, run: 1, passed: 0, failed: 1 }, expectations: { passed: 0, failed: 1 }, failedScripts: [join(folder, 'b-fails.script.json')] });
    expect(runJson(folder).code).toBe(EXIT.expectationFailed);

    const text = run(folder, '--shard', '2/2');
    expect(text.code).toBe(EXIT.expectationFailed);
    expect(text.lines.slice(-3)).toEqual(['Did not pass', `  ✗ ${join(folder, 'b-fails.script.json')}`, expect.stringMatching(/^shard 2\/2: 1 of 2 scripts · 0 passed, 1 failed · 0 of 1 expectation hold · /)]);
  });

  it('--until holds for every script of the shard: an expectation it cuts off fails the shard', () => {
    const result = runJson(join(EXAMPLES, 'follow-up'), '--shard', '4/7', '--until', '+1h');
    // follow-up's 4th script of 7, nobody-answers, expects the follow-up sent after 24 h.
    expect(result.scripts.map((script) => relative(EXAMPLES, script.file))).toEqual(['follow-up/nobody-answers.script.json']);
    expect(result.code).toBe(EXIT.expectationFailed);
  });

  it('a shard that holds no script is no error: exit 0, and it says so', () => {
    const folder = join(EXAMPLES, 'hot-lead');
    const text = run(folder, '--shard', '6/6');
    expect(text).toMatchObject({ code: EXIT.ok, stderr: '', lines: ['shard 6/6: 0 of 5 scripts — none to run in this shard'] });
    expect(runJson(folder, '--shard', '6/6').suite).toMatchObject({ shard: { index: 6, count: 6 }, scripts: { total: 5, run: 0 }, runs: { total: 0 }, events: 0 });
  });
});

describe('simulate <folders>: bad input, exit 2, nothing simulated', () => {
  const refused = (...args: string[]) => {
    const result = run(...args);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  it('a folder without scripts, a path that is not there, a file that is not a script', () => {
    expect(refused(join(EXAMPLES, 'new-version', 'versions'))).toBe(`${join(EXAMPLES, 'new-version', 'versions')}: $: no *.script.json in this folder or its subfolders\n1 problem: nothing was simulated.\n`);
    expect(refused(join(tmp, 'nowhere'))).toContain(`${join(tmp, 'nowhere')}: $: Cannot read: no such file or folder\n`);
    expect(refused(join(EXAMPLES, 'index.json'))).toContain('index.json: $: is not a script file (*.script.json) nor a folder');
  });

  it('a Workflow file without --script keeps saying --script is missing', () => {
    expect(refused(join(EXAMPLES, 'follow-up', 'follow-up.workflow.json'), '--shard', '1/2')).toMatch(/^Missing --script <script\.json> to run the Workflow files against [\s\S]*\nUsage:/);
  });

  it('a script with no Workflow beside it, and a broken one among many: every problem, nothing run', () => {
    const alone = join(tmp, 'alone');
    mkdirSync(alone);
    cpSync(join(EXAMPLES, 'follow-up', 'nobody-answers.script.json'), join(alone, 'nobody-answers.script.json'));
    const broken = join(tmp, 'broken');
    cpSync(join(EXAMPLES, 'follow-up'), broken, { recursive: true });
    writeFileSync(join(broken, 'broken.script.json'), '{');
    const stderr = refused(alone, broken, join(EXAMPLES, 'hot-lead'));
    expect(stderr).toContain(`${join(alone, 'nobody-answers.script.json')}: $: no *.workflow.json beside this script to run it against\n`);
    expect(stderr).toContain(`${join(broken, 'broken.script.json')}: $: `);
    expect(stderr).toMatch(/\n2 problems: nothing was simulated\.\n$/);
  });

  it('--shard with --script or --coverage', () => {
    const followUp = join(EXAMPLES, 'follow-up');
    expect(refused(join(followUp, 'follow-up.workflow.json'), '--script', join(followUp, 'nobody-answers.script.json'), '--shard', '1/2')).toMatch(/^--shard splits the scripts of folders and script files given without --script/);
    expect(refused(followUp, '--coverage', '--shard', '1/2')).toMatch(/^--coverage needs --script/);
  });

  it('a file name holding controls is escaped in the line naming the script', () => {
    const folder = join(tmp, 'evil\u202e\nname');
    mkdirSync(folder);
    cpSync(join(EXAMPLES, 'follow-up'), folder, { recursive: true });
    const result = run(join(folder, 'nobody-answers.script.json'));
    expect(result.code).toBe(EXIT.ok);
    expect(result.lines[0]).toBe(`Script ${join(tmp, 'evil\\u{202e}\\u{a}name', 'nobody-answers.script.json')}`);
  });
});

describe('npm run simulate -- public/examples --shard 2/4 (spawned)', () => {
  it('prints each script of the shard and the shard\'s summary, exit 0', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'simulator/cli/simulate.ts', 'public/examples', '--shard', '2/4'], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 1 << 28 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const scripts = result.stdout.split('\n').filter((line) => line.startsWith('Script public/examples/'));
    expect(scripts).toHaveLength(7);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^shard 2/4: 7 of ${bundled.length} scripts · 7 passed · `));
  }, TIMEOUT);
});
