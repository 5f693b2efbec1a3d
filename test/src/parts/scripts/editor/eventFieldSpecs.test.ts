import { describe, expect, it } from 'vitest';
import { scriptEventTypeSchema } from '../../../../../simulator/schema/script.ts';
import { eventFieldSpecs } from '../../../../../src/parts/scripts/editor/eventFieldSpecs.ts';
import { EVENT_TYPE_LABELS } from '../../../../../src/parts/scripts/editor/eventTypeLabels.ts';

const fields = (type: Parameters<typeof eventFieldSpecs>[0]) => eventFieldSpecs(type).map(({ key, kind, optional }) => `${key}:${kind}${optional ? '?' : ''}`);

describe('the fields of each event type, read from the schema', () => {
  it('lists each type’s own fields in the schema’s order, without time, contact and type', () => {
    expect(fields('contact.message')).toEqual(['text:text']);
    expect(fields('agent.message')).toEqual(['user:user', 'text:text']);
    expect(fields('assign')).toEqual(['user:user?', 'to:user']);
    expect(fields('workflow.stop')).toEqual(['user:user', 'workflow:workflow']);
    expect(fields('shortcut')).toEqual(['user:user', 'workflow:workflow']);
    expect(fields('field.set')).toEqual(['field:text', 'value:text', 'user:user?']);
    expect(fields('conversation.close')).toEqual(['user:user?']);
    expect(fields('workflow.start')).toEqual(['workflow:workflow', 'atStep:text?', 'fields:fields?', 'user:user?']);
    expect(fields('workflow.publish')).toEqual(['workflow:workflow', 'file:text', 'policy:policy?']);
  });

  it('labels each field by its key in words, capitalised, as the form and its tests name them', () => {
    const labels = new Set(scriptEventTypeSchema.options.flatMap((type) => eventFieldSpecs(type).map((spec) => spec.label)));
    expect([...labels].sort()).toEqual(['At step', 'Field', 'Fields', 'File', 'Policy', 'Tag', 'Text', 'To', 'User', 'Value', 'Workflow']);
  });

  it('names every event type in the Type picker, each differently', () => {
    const labels = scriptEventTypeSchema.options.map((type) => EVENT_TYPE_LABELS[type]);
    expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(scriptEventTypeSchema.options.length);
    expect(EVENT_TYPE_LABELS['workflow.stop']).toBe('Manual stop');
  });
});
