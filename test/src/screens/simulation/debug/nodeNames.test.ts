import { describe, expect, it } from 'vitest';
import { workflowSchema } from '../../../../../simulator/schema/workflow.ts';
import { traceNamesOf } from '../../../../../simulator/trace/traceNames.ts';
import { nodeNames, withNodeNames } from '../../../../../src/screens/simulation/debug/nodeNames.ts';
import { formatCountdown } from '../../../../../src/parts/canvas/NodeOverlay.tsx';

describe('nodeNames', () => {
  it('names each node by its label, else by its kind', () => {
    const workflow = workflowSchema.parse({
      format: 'exitflow.workflow/2',
      id: 'w',
      name: 'W',
      trigger: { id: 'trigger', type: 'incoming_message' },
      steps: [
        { id: 'wait', type: 'wait', label: 'Wait 24h', delay: { kind: 'duration', duration: '24h' } },
        { id: 'end', type: 'end', label: '' },
      ],
      edges: [],
    });
    const names = nodeNames(workflow);
    expect(names.get('wait')).toBe('Wait 24h');
    expect(names.get('end')).toBe('End');
    expect(names.get('trigger')).toBe('Incoming message');
  });
});

describe('withNodeNames', () => {
  const workflow = workflowSchema.parse({
    format: 'exitflow.workflow/2',
    id: 'w',
    name: 'W',
    trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    whenStopped: { id: 'when-stopped', label: '' },
    steps: [
      { id: 'wait', type: 'wait', label: 'Wait 24h', delay: { kind: 'duration', duration: '24h' } },
      { id: 'end', type: 'end', label: '' },
    ],
    edges: [],
  });
  const names = withNodeNames(traceNamesOf([workflow], { users: [{ id: 'alice', name: 'Alice', role: 'agent', restricted: false }], contacts: [] }), [workflow]);

  it('names the When stopped entry, a labelled step and an unlabelled one as the canvas does, quoted as the trace quotes steps', () => {
    expect(['when-stopped', 'wait', 'end', 'trigger'].map((step) => names.step('w', step))).toEqual(['"When stopped"', '"Wait 24h"', '"End"', '"Contact writes in"']);
  });

  it('leaves the rest to the trace’s names', () => {
    expect([names.step('w', 'gone'), names.workflow('w'), names.user('alice')]).toEqual(['"gone"', 'W', 'Alice']);
  });
});

describe('formatCountdown', () => {
  it('says the time left in at most two units, spaced', () => {
    expect(formatCountdown(23 * 3_600_000 + 12 * 60_000 + 5_000)).toBe('23h 12m');
    expect(formatCountdown(2 * 86_400_000 + 4 * 3_600_000)).toBe('2d 4h');
    expect(formatCountdown(30_000)).toBe('30s');
    expect(formatCountdown(0)).toBe('now');
  });
});
