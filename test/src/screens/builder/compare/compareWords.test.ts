import { describe, expect, it } from 'vitest';
import { diffWorkflows } from '../../../../../simulator/graph/workflowDiff.ts';
import { workflowSchema } from '../../../../../simulator/schema/workflow.ts';
import { canvasMarks } from '../../../../../src/screens/builder/compare/compareMarks.ts';
import { summarizeDiff } from '../../../../../src/screens/builder/compare/summarizeDiff.ts';
import { sideFromValue, sideValue, versionName } from '../../../../../src/screens/builder/compare/versionName.ts';
import { exitOn, followUpWorkflow } from '../../../../harness/workflowFixtures.ts';

const v1 = followUpWorkflow();
/** The wait cut to 2 h, the greeting gone (the trigger goes straight to the wait), the When stopped entry added, and the exit conditions on. */
const v2 = workflowSchema.parse({
  ...followUpWorkflow(exitOn(['incoming_message'])),
  whenStopped: { id: 'when-stopped', label: 'Clean up' },
  steps: v1.steps.filter((step) => step.id !== 'greet').map((step) => (step.id === 'wait-24h' ? { ...step, delay: { kind: 'duration', duration: '2h' } } : step)),
  edges: [{ id: 'x', source: 'trigger', target: 'wait-24h' }, ...v1.edges.filter((edge) => edge.source !== 'trigger' && edge.source !== 'greet')],
});

describe('the comparison in words and marks', () => {
  it('sums a diff up in one line, counts first', () => {
    expect(summarizeDiff(diffWorkflows(v1, v2))).toBe('1 step changed, 0 added, 1 removed; 1 connection added, 2 removed; 2 settings changed; When stopped entry changed');
    expect(summarizeDiff(diffWorkflows(v1, v1))).toBe('0 steps changed, 0 added, 0 removed; settings unchanged');
  });

  it('marks what went on the older canvas and what came on the newer one, what changed on both', () => {
    const diff = diffWorkflows(v1, v2);
    const older = canvasMarks(diff, v1, 'older');
    const newer = canvasMarks(diff, v2, 'newer');
    expect(Object.fromEntries(older.nodes)).toEqual({ greet: 'removed', 'wait-24h': 'changed' });
    expect(Object.fromEntries(newer.nodes)).toEqual({ 'wait-24h': 'changed', 'when-stopped': 'added' });
    expect([...older.edges.values()]).toEqual(['removed', 'removed']);
    expect([...newer.edges.values()]).toEqual(['added']);
    // Read the other way, the entry is removed on the older side.
    expect(canvasMarks(diffWorkflows(v2, v1), v2, 'older').nodes.get('when-stopped')).toBe('removed');
  });

  it('names a version by kind, time and the start of its note, and keeps a side through a select', () => {
    const name = versionName({ kind: 'manual', createdAt: Date.UTC(2026, 10, 20, 9, 30), note: 'x'.repeat(100) });
    expect(name.startsWith('Saved · ')).toBe(true);
    expect(name.endsWith(`${'x'.repeat(39)}…`)).toBe(true);
    expect(versionName({ kind: 'publish', createdAt: 0, note: '  ' }).split(' · ')).toHaveLength(2);
    expect(sideFromValue(sideValue({ kind: 'version', id: 12 }))).toEqual({ kind: 'version', id: 12 });
    expect(sideFromValue('current')).toEqual({ kind: 'current' });
    expect(sideFromValue('version-abc')).toEqual({ kind: 'current' });
  });
});
