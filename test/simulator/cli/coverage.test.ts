// `npm run simulate -- … --coverage`: after each script's lines, which steps and paths of the
// Workflows some run of the scripts took — one JSON line
// {"kind":"coverage","steps":{…},"edges":{…},"uncovered":[…]} with --json, a readable summary
// otherwise. Several --script options are allowed with --coverage only. The figures are counted by
// hand from the bundled examples' graphs.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../../simulator/cli/runSimulate.ts';
import { EXIT } from '../../../simulator/cli/writeResults.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../../public/examples');
const FOLLOW_UP = join(EXAMPLES, 'follow-up');
const WORKFLOW = join(FOLLOW_UP, 'follow-up.workflow.json');
const REPLIES = join(FOLLOW_UP, 'contact-replies.script.json');
const NOBODY = join(FOLLOW_UP, 'nobody-answers.script.json');

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runSimulate(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== '') };
}

const lastJson = (lines: readonly string[]) => JSON.parse(lines.at(-1) as string) as Record<string, unknown>;

describe('simulate --coverage', () => {
  it('with --json, the coverage line comes last, after the trace, runs and summary: the contact who replies never gets the follow-up', () => {
    const result = run(WORKFLOW, '--script', REPLIES, '--json', '--coverage');
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.lines.at(-2) as string)).toMatchObject({ kind: 'summary' });
    // 24h follow-up: ack, wait, check-in, done; e1 trigger>ack, e2 ack>wait, e3 wait>check-in, e4 check-in>done.
    expect(lastJson(result.lines)).toEqual({
      kind: 'coverage',
      steps: { covered: 2, total: 4 },
      edges: { covered: 2, total: 4 },
      uncovered: [
        { kind: 'step', workflow: 'follow-up', step: 'check-in', label: 'Follow-up' },
        { kind: 'step', workflow: 'follow-up', step: 'done', label: 'End' },
        { kind: 'edge', workflow: 'follow-up', edge: 'e3', source: 'wait', output: 'next', target: 'check-in' },
        { kind: 'edge', workflow: 'follow-up', edge: 'e4', source: 'check-in', output: 'next', target: 'done' },
      ],
    });
  });

  it('over every --script given: each script printed in turn, then one coverage of them all', () => {
    const result = run(WORKFLOW, '--script', REPLIES, '--script', NOBODY, '--json', '--coverage');
    expect(result.code).toBe(EXIT.ok);
    expect(result.lines.filter((line) => line.startsWith('{"kind":"summary"'))).toHaveLength(2);
    expect(lastJson(result.lines)).toEqual({ kind: 'coverage', steps: { covered: 4, total: 4 }, edges: { covered: 4, total: 4 }, uncovered: [] });
  });

  it('without --json, a line of figures and one line per step or path never reached', () => {
    const result = run(WORKFLOW, '--script', REPLIES, '--coverage');
    expect(result.code).toBe(EXIT.ok);
    expect(result.lines.slice(-5)).toEqual([
      'Coverage over 1 script: 2 of 4 steps, 2 of 4 paths',
      '  never reached: step "Follow-up" (24h follow-up)',
      '  never reached: step "End" (24h follow-up)',
      '  never taken: path "Wait 24h" → "Follow-up" (24h follow-up)',
      '  never taken: path "Follow-up" → "End" (24h follow-up)',
    ]);
  });

  it('names an output other than next: an Ask never timed out', () => {
    const hotLead = join(EXAMPLES, 'hot-lead');
    const result = run(join(hotLead, 'lead-nurture.workflow.json'), join(hotLead, 'vip-routing.workflow.json'), '--script', join(hotLead, 'contact-answers-question.script.json'), '--coverage');
    expect(result.lines).toContain('  never taken: path "Ask what they need" (timeout) → "No rush" (Lead nurture)');
  });

  it('keeps the exit code of the scripts: a failed expectation in one of them is exit 1, the coverage still printed', () => {
    const failing = run(WORKFLOW, '--script', NOBODY, '--script', join(FOLLOW_UP, 'agent-answers.script.json'), '--json', '--coverage', '--until', '+1h');
    expect(failing.code).toBe(EXIT.expectationFailed);
    expect(lastJson(failing.lines)).toMatchObject({ kind: 'coverage', steps: { covered: 2, total: 4 } });
  });

  it('several --script without --coverage stay an error, and a bad script among several simulates none', () => {
    const twice = run(WORKFLOW, '--script', REPLIES, '--script', NOBODY);
    expect(twice.code).toBe(EXIT.badInput);
    expect(twice.stderr).toMatch(/^--script is given twice; give it once\nUsage:/);
    const bad = run(WORKFLOW, '--script', REPLIES, '--script', join(FOLLOW_UP, 'no-such.script.json'), '--coverage');
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.stdout).toBe('');
    expect(run(WORKFLOW, '--script', REPLIES, '--coverage', '--coverage').stderr).toMatch(/^--coverage is given twice/);
  });

  it('every bundled example, over all its scripts, reaches every step and path', () => {
    const figures: Record<string, unknown> = {};
    for (const situation of readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      const dir = join(EXAMPLES, situation.name);
      const files = readdirSync(dir);
      const workflows = files.filter((file) => file.endsWith('.workflow.json')).map((file) => join(dir, file));
      const scripts = files.filter((file) => file.endsWith('.script.json')).flatMap((file) => ['--script', join(dir, file)]);
      const result = run(...workflows, ...scripts, '--json', '--coverage');
      const coverage = lastJson(result.lines);
      figures[situation.name] = [coverage.steps, coverage.edges, coverage.uncovered];
    }
    expect(figures).toEqual({
      'clean-up': [{ covered: 16, total: 16 }, { covered: 16, total: 16 }, []],
      'follow-up': [{ covered: 4, total: 4 }, { covered: 4, total: 4 }, []],
      'hand-back': [{ covered: 10, total: 10 }, { covered: 10, total: 10 }, []],
      'hot-lead': [{ covered: 12, total: 12 }, { covered: 13, total: 13 }, []],
      'new-version': [{ covered: 5, total: 5 }, { covered: 5, total: 5 }, []],
    });
  }, 60_000);
});
