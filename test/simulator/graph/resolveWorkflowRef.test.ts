import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexWorkflowRefs, resolveWorkflowRef, resolveWorkflowRefIndex } from '../../../simulator/graph/resolveWorkflowRef.ts';

const workflows = [
  { id: 'follow-up', name: '24h follow-up' },
  { id: 'nurture', name: 'follow-up' },
  { id: 'nurture-2', name: 'Lead nurture' },
  { id: 'nurture-3', name: 'Lead nurture' },
];

describe('resolveWorkflowRef', () => {
  it('finds a Workflow by its id', () => {
    expect(resolveWorkflowRef(workflows, 'nurture')).toBe(workflows[1]);
  });

  it('finds a Workflow by its name when no id is the reference', () => {
    expect(resolveWorkflowRef(workflows, '24h follow-up')).toBe(workflows[0]);
  });

  it('takes the id before a name, wherever they sit in the list', () => {
    // "follow-up" is the id of the first and the name of the second.
    expect(resolveWorkflowRef(workflows, 'follow-up')).toBe(workflows[0]);
    expect(resolveWorkflowRef([...workflows].reverse(), 'follow-up')).toBe(workflows[0]);
  });

  it('takes the first of two Workflows with one name', () => {
    expect(resolveWorkflowRef(workflows, 'Lead nurture')).toBe(workflows[2]);
  });

  it('answers nothing for a reference no Workflow answers to, even one differing only in case or spaces', () => {
    expect(resolveWorkflowRef(workflows, 'lead nurture')).toBeUndefined();
    expect(resolveWorkflowRef(workflows, ' nurture')).toBeUndefined();
    expect(resolveWorkflowRef([], 'nurture')).toBeUndefined();
    expect(resolveWorkflowRefIndex(workflows, 'nope')).toBe(-1);
  });
});

describe('indexWorkflowRefs', () => {
  it('answers every reference as resolveWorkflowRef does (property)', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(fc.record({ id: word, name: word }), { maxLength: 6 }), word, (list, ref) => {
        expect(indexWorkflowRefs(list).get(ref) ?? -1).toBe(resolveWorkflowRefIndex(list, ref));
      }),
    );
  });
});
