import { describe, expect, it } from 'vitest';
import { kindOf, STEP_KINDS, STEP_TYPES, stepOutputs, stepSchema, type Step, type StepType } from '../../../simulator/schema/step.ts';

/** A new step of each kind, from its definition's defaults through the real schema. */
const fresh = (type: StepType): Step => stepSchema.parse({ ...STEP_KINDS[type].defaults, type, id: 'new', label: '' });

describe('STEP_KINDS', () => {
  it('has one definition for every kind the schema knows, each under its own type', () => {
    expect(Object.keys(STEP_KINDS).sort()).toEqual([...STEP_TYPES].sort());
    for (const type of STEP_TYPES) expect(STEP_KINDS[type].type).toBe(type);
  });

  it.each(STEP_TYPES)("gives %s defaults its schema accepts, and a name and description for the palette", (type) => {
    expect(fresh(type).type).toBe(type);
    expect(STEP_KINDS[type].name.trim()).not.toBe('');
    expect(STEP_KINDS[type].description.trim()).not.toBe('');
  });

  it('names every kind differently', () => {
    const names = Object.values(STEP_KINDS).map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('says which kinds wait (a loop through them cannot spin), and for what', () => {
    const waiting = STEP_TYPES.filter((type) => STEP_KINDS[type].pause !== 'none').map((type) => [type, STEP_KINDS[type].pause]);
    expect(waiting.sort()).toEqual([['ask_question', 'reply'], ['wait', 'timer']]);
  });

  it('says which kinds need an Else edge, and those have an else output', () => {
    const needing = STEP_TYPES.filter((type) => STEP_KINDS[type].needsElse);
    expect(needing.sort()).toEqual(['branch', 'datetime_branch']);
    for (const type of needing) expect(stepOutputs(fresh(type))).toContain('else');
  });

  it('reads what a step sends, where it jumps and which Workflow it starts, only for the kinds that do', () => {
    const read = (trait: 'sentText' | 'jumpTarget' | 'startsWorkflow') => STEP_TYPES.filter((type) => STEP_KINDS[type][trait] !== null).sort();
    expect(read('sentText')).toEqual(['ask_question', 'send_message']);
    expect(read('jumpTarget')).toEqual(['jump_to']);
    expect(read('startsWorkflow')).toEqual(['trigger_workflow']);
    const jump: Step = { type: 'jump_to', id: 'j', label: '', target: 'wait' };
    const start: Step = { type: 'trigger_workflow', id: 't', label: '', workflow: 'Lead nurture' };
    const ask: Step = { type: 'ask_question', id: 'q', label: '', text: 'Which plan?', field: 'plan' };
    expect(kindOf(jump).jumpTarget?.(jump)).toBe('wait');
    expect(kindOf(start).startsWorkflow?.(start)).toBe('Lead nurture');
    expect(kindOf(ask).sentText?.(ask)).toBe('Which plan?');
  });
});

describe('outputs and their labels', () => {
  const branch: Step = {
    type: 'branch',
    id: 'b',
    label: '',
    paths: [
      { id: 'vip', label: 'VIP', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] },
      { id: 'p2', label: '', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'x' }] },
    ],
  };
  const label = (step: Step) => stepOutputs(step).map((handle) => [handle, kindOf(step).outputLabel(step, handle)]);

  it('draws a plain step with one unlabelled output, and End and Jump to with none', () => {
    expect(label(fresh('send_message'))).toEqual([['next', '']]);
    expect(label(fresh('end'))).toEqual([]);
    expect(label(fresh('jump_to'))).toEqual([]);
  });

  it('labels a Branch by its paths (their place when unnamed), then Else', () => {
    expect(label(branch)).toEqual([['vip', 'VIP'], ['p2', 'Path 2'], ['else', 'Else']]);
  });

  it('gives a question a Timed out output only when it has a timeout', () => {
    const ask: Step = { type: 'ask_question', id: 'q', label: '', text: 'Hi?', field: '' };
    expect(label(ask)).toEqual([['answered', 'Answered']]);
    expect(label({ ...ask, timeout: '1h' })).toEqual([['answered', 'Answered'], ['timeout', 'Timed out']]);
  });

  it('labels a Date & time branch In time and Else', () => {
    expect(label(fresh('datetime_branch'))).toEqual([['match', 'In time'], ['else', 'Else']]);
  });
});
