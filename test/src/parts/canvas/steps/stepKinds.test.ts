import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../../../simulator/schema/ids.ts';
import { STEP_TYPES, stepOutputs, stepSchema, type StepType } from '../../../../../simulator/schema/step.ts';
import { createStep, freeStepId, STEP_KINDS, stepKind } from '../../../../../src/parts/canvas/steps/stepKinds.ts';

/** The outputs a new step of each type starts with: what the canvas draws as its handles. */
const NEW_STEP_OUTPUTS: Record<StepType, string[]> = {
  send_message: ['next'],
  ask_question: ['answered'],
  wait: ['next'],
  branch: ['path-1', 'else'],
  datetime_branch: ['match', 'else'],
  stop_reason_branch: ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'],
  assign: ['next'],
  update_field: ['next'],
  update_tag: ['next'],
  add_comment: ['next'],
  open_conversation: ['next'],
  close_conversation: ['next'],
  trigger_workflow: ['next'],
  jump_to: [],
  end: [],
};

describe('STEP_KINDS', () => {
  it('has exactly one kind for every step type the schema knows', () => {
    // A type added to the schema without a kind would be missing from the palette.
    expect(STEP_KINDS.map((kind) => kind.type).sort()).toEqual([...STEP_TYPES].sort());
    expect(Object.keys(NEW_STEP_OUTPUTS).sort()).toEqual([...STEP_TYPES].sort());
  });

  it.each(STEP_TYPES)('describes %s for the palette', (type) => {
    const kind = stepKind(type);
    expect(kind.type).toBe(type);
    expect(kind.name.trim()).not.toBe('');
    expect(kind.description.trim()).not.toBe('');
    expect(['Messages', 'Timing', 'Logic', 'Contact', 'Conversation', 'Flow']).toContain(kind.group);
  });

  it('names every kind differently', () => {
    expect(new Set(STEP_KINDS.map((kind) => kind.name)).size).toBe(STEP_KINDS.length);
  });

  it('refuses a type it does not know', () => {
    expect(() => stepKind('teleport' as StepType)).toThrow('No step kind "teleport"');
  });
});

describe('createStep', () => {
  it.each(STEP_TYPES)('makes a %s the schema accepts, with the outputs the canvas expects', (type) => {
    const step = createStep(type, 'new-step', { x: 40, y: 80 });
    expect(stepSchema.safeParse(step).success).toBe(true);
    expect(step).toMatchObject({ type, id: 'new-step', label: stepKind(type).name, position: { x: 40, y: 80 } });
    expect(stepOutputs(step)).toEqual(NEW_STEP_OUTPUTS[type]);
  });

  it('takes a label of its own', () => {
    expect(createStep('send_message', 'greet', { x: 0, y: 0 }, 'Greeting').label).toBe('Greeting');
  });

  it('goes through the real schema, so an invalid id is refused', () => {
    expect(() => createStep('send_message', 'has space', { x: 0, y: 0 })).toThrow();
    expect(() => createStep('send_message', 'ok', { x: Number.NaN, y: 0 })).toThrow();
  });

  it('never shares its fields with another new step or with the defaults', () => {
    // Steps are kept by undo and edited by spreading; a shared `paths` array would leak one step's edit into another's.
    const first = createStep('branch', 'b1', { x: 0, y: 0 });
    const second = createStep('branch', 'b2', { x: 0, y: 0 });
    if (first.type !== 'branch' || second.type !== 'branch') throw new Error('not a branch');
    expect(first.paths).not.toBe(second.paths);
    expect(first.paths).not.toBe(stepKind('branch').defaults['paths']);
    first.paths.push({ id: 'extra', label: 'Extra', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'x' }] });
    expect(stepOutputs(createStep('branch', 'b3', { x: 0, y: 0 }))).toEqual(['path-1', 'else']);
  });
});

describe('freeStepId', () => {
  it('numbers from 1, with dashes for underscores', () => {
    expect(freeStepId('send_message', new Set())).toBe('send-message-1');
    expect(freeStepId('datetime_branch', new Set())).toBe('datetime-branch-1');
    expect(freeStepId('end', new Set(['trigger']))).toBe('end-1');
  });

  it('takes the first number no node uses, filling gaps', () => {
    expect(freeStepId('wait', new Set(['wait-1', 'wait-2']))).toBe('wait-3');
    expect(freeStepId('wait', new Set(['wait-1', 'wait-3']))).toBe('wait-2');
    // Other types' ids do not count.
    expect(freeStepId('wait', new Set(['send-message-1', 'wait-2']))).toBe('wait-1');
  });

  it('always gives a valid id that is not taken (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STEP_TYPES), fc.uniqueArray(fc.integer({ min: 1, max: 30 })), (type, numbers) => {
        const taken = new Set(numbers.map((n) => `${type.replaceAll('_', '-')}-${n}`));
        const id = freeStepId(type, taken);
        expect(taken.has(id)).toBe(false);
        expect(idSchema.safeParse(id).success).toBe(true);
        // The first free number: every smaller one is taken.
        const n = Number(id.split('-').at(-1));
        for (let smaller = 1; smaller < n; smaller++) expect(numbers).toContain(smaller);
      }),
    );
  });
});
