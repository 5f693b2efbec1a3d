import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateExample } from '../../../src/simulation/simulateExample.ts';
import { parseScriptDocument, parseWorkflowDocument, type ParseResult } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

const publicDir = join(import.meta.dirname, '../../../public');

function load<T>(file: string, parse: (raw: unknown) => ParseResult<T>): { file: string; value: T } {
  const parsed = parse(JSON.parse(readFileSync(join(publicDir, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return { file, value: parsed.value };
}

const workflows = ['lead-nurture', 'vip-routing'].map((id) => load<Workflow>(`examples/hot-lead/${id}.workflow.json`, parseWorkflowDocument));
const takesOver = load<Script>('examples/hot-lead/agent-takes-over.script.json', parseScriptDocument);

describe('simulateExample', () => {
  it('reports runs, expectations and trace entries with the names and sentences of the engine', () => {
    const outcome = simulateExample({ workflows, script: takesOver });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { report } = outcome;
    expect(report.scriptName).toBe('Hot lead: agent takes over');
    expect(report.workflowNames).toEqual(['Lead nurture', 'VIP routing']);
    expect(report.runs[0]).toMatchObject({
      state: { contact: 'dana', workflow: 'lead-nurture', status: 'stopped', reason: 'outgoing_message', atStep: 'wait-24h', endedAt: 180_000 },
      contactName: 'Dana',
      workflowName: 'Lead nurture',
      stepLabel: 'Wait 24h',
      reasonText: 'outgoing message',
      stoppedByName: 'Alice',
    });
    expect(report.expectations.map((result) => result.passed)).toEqual([true, true, true]);
    expect(report.trace).toHaveLength(41);
    expect(report.trace.filter((row) => row.entry.kind === 'run.stopped')).toEqual([
      expect.objectContaining({
        contactName: 'Dana',
        workflowName: 'Lead nurture',
        stepLabel: 'Wait 24h',
        description: 'Workflow Lead nurture stopped: outgoing message',
      }),
    ]);
    expect(report.trace.map((row) => row.entry.seq)).toEqual(report.trace.map((_, i) => i));
  });

  it('is plain data, as a Web Worker would hand it over', () => {
    const outcome = simulateExample({ workflows, script: takesOver });
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it('names the file and JSON path of an input the engine refuses', () => {
    const script = { ...takesOver, value: { ...takesOver.value, expect: [{ contact: 'dana', workflow: 'Nobody', status: 'active' as const }] } };
    const outcome = simulateExample({ workflows, script });
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      { file: 'examples/hot-lead/agent-takes-over.script.json', path: '$.expect[0].workflow', message: expect.stringContaining('No Workflow "Nobody" is loaded') },
    ]);
  });
});
