import { describe, expect, it } from 'vitest';
import { downstreamOf } from '../../../../../src/screens/builder/editing/downstreamOf.ts';
import { buildWorkflow, steps } from '../../../../harness/workflowFixtures.ts';

describe('downstreamOf', () => {
  it('walks every output to the end, the start included, and stops on a loop', () => {
    const workflow = buildWorkflow({
      steps: [
        steps.ask('ask', 'Hi?', 'answer', '1h'),
        steps.send('thanks', 'Thanks'),
        steps.wait('pause', '1h'),
        steps.send('again', 'Again'),
        steps.send('stray', 'Nobody leads here'),
      ],
      edges: ['trigger>ask', 'ask:answered>thanks', 'ask:timeout>pause', 'pause>again', 'again>pause'],
    });
    expect(downstreamOf(workflow, 'ask')).toEqual(new Set(['ask', 'thanks', 'pause', 'again']));
    expect(downstreamOf(workflow, 'pause')).toEqual(new Set(['pause', 'again']));
    expect(downstreamOf(workflow, 'stray')).toEqual(new Set(['stray']));
  });
});
