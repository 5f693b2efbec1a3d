import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../../../../simulator/schema/parseDocument.ts';
import { editScriptDraft } from '../../../../../src/parts/scripts/editor/editScriptDraft.ts';
import { readScriptDraft, type ScriptDraft } from '../../../../../src/parts/scripts/editor/readScriptDraft.ts';

/** The "agent takes over" example as the form reads it: dana; alice, bob, rita; five events at +0, +2m, +3m, +1h, +2h. */
function exampleDraft(): ScriptDraft {
  const text = readFileSync(join(import.meta.dirname, '../../../../../public/examples/hot-lead/agent-takes-over.script.json'), 'utf8');
  const read = readScriptDraft(JSON.parse(text));
  if (!read.ok) throw new Error(read.reason);
  return read.draft;
}

const times = (draft: ScriptDraft) => (draft.events ?? []).map((event) => event.at);
const texts = (draft: ScriptDraft) => (draft.events ?? []).map((event) => event.text ?? event.type);

describe('editing the events timeline', () => {
  it('adds an event at the last one’s time, for the same contact, as a contact message', () => {
    const draft = editScriptDraft(exampleDraft(), { kind: 'addRow', list: 'events' });
    expect(draft.events?.at(-1)).toEqual({ at: '+2h', contact: 'dana', type: 'contact.message', text: '' });
    expect(parseScriptDocument(draft).ok).toBe(true);
  });

  it('adds the first event at +0 for the first contact', () => {
    const draft = editScriptDraft({ ...exampleDraft(), events: [] }, { kind: 'addRow', list: 'events' });
    expect(draft.events).toEqual([{ at: '+0', contact: 'dana', type: 'contact.message', text: '' }]);
  });

  it('moves an event up or down, and ignores a move past either end', () => {
    const example = exampleDraft();
    const moved = editScriptDraft(example, { kind: 'moveEvent', index: 0, to: 1 });
    expect(times(moved)).toEqual(['+2m', '+0', '+3m', '+1h', '+2h']);
    expect(times(editScriptDraft(moved, { kind: 'moveEvent', index: 1, to: 0 }))).toEqual(times(example));
    expect(times(editScriptDraft(example, { kind: 'moveEvent', index: 0, to: -1 }))).toEqual(times(example));
    expect(times(editScriptDraft(example, { kind: 'moveEvent', index: 4, to: 5 }))).toEqual(times(example));
    // The draft it was given is left as it was.
    expect(times(example)).toEqual(['+0', '+2m', '+3m', '+1h', '+2h']);
  });

  it('removes an event', () => {
    expect(times(editScriptDraft(exampleDraft(), { kind: 'removeRow', list: 'events', index: 1 }))).toEqual(['+0', '+3m', '+1h', '+2h']);
  });

  it('sorts by time stably — events at one time keep their order — and puts times that do not parse last', () => {
    const draft: ScriptDraft = {
      events: [
        { at: '+1h', text: 'a' },
        { at: 'soon', text: 'b' },
        { at: '+0', text: 'c' },
        { at: '+60m', text: 'd' },
        { at: '+1d', text: 'e' },
        { text: 'f' },
        { at: '+5m', text: 'g' },
      ],
    };
    expect(texts(editScriptDraft(draft, { kind: 'sortEvents' }))).toEqual(['c', 'g', 'a', 'd', 'e', 'b', 'f']);
  });

  it('sets a field, and removes it when set to undefined (an optional user left automatic)', () => {
    const example = exampleDraft();
    const set = editScriptDraft(example, { kind: 'set', path: ['events', 3, 'to'], value: 'rita' });
    expect(set.events?.[3]).toEqual({ at: '+1h', contact: 'dana', type: 'assign', user: 'alice', to: 'rita' });
    const automatic = editScriptDraft(example, { kind: 'set', path: ['events', 3, 'user'], value: undefined });
    expect(automatic.events?.[3]).toEqual({ at: '+1h', contact: 'dana', type: 'assign', to: 'bob' });
    expect(parseScriptDocument(automatic).ok).toBe(true);
  });
});

describe('changing an event’s type', () => {
  it('keeps its time and contact, drops the fields the new type does not have, fills its required ones', () => {
    const draft = editScriptDraft(exampleDraft(), { kind: 'changeEventType', index: 0, type: 'assign' });
    // A contact message had no user; an assignment's user is optional (a rule assigned), its "to" is not.
    expect(draft.events?.[0]).toEqual({ at: '+0', contact: 'dana', type: 'assign', to: 'alice' });
    expect(parseScriptDocument(draft).ok).toBe(true);
  });

  it('carries the fields both types have', () => {
    const draft = editScriptDraft(exampleDraft(), { kind: 'changeEventType', index: 2, type: 'workflow.stop' });
    expect(draft.events?.[2]).toEqual({ at: '+3m', contact: 'dana', type: 'workflow.stop', user: 'alice', workflow: '' });
    const back = editScriptDraft(editScriptDraft(exampleDraft(), { kind: 'changeEventType', index: 0, type: 'broadcast.message' }), { kind: 'changeEventType', index: 0, type: 'agent.message' });
    expect(back.events?.[0]).toEqual({ at: '+0', contact: 'dana', type: 'agent.message', user: 'alice', text: 'Hi! Pricing?' });
  });

  it('leaves a required user empty when the script has no users, for the schema to point out', () => {
    const draft = editScriptDraft({ ...exampleDraft(), users: [] }, { kind: 'changeEventType', index: 0, type: 'agent.message' });
    expect(draft.events?.[0]).toEqual({ at: '+0', contact: 'dana', type: 'agent.message', user: '', text: 'Hi! Pricing?' });
  });
});

describe('editing contacts, users and expectations', () => {
  it('adds a contact and a user with ids no one has yet, valid as they are', () => {
    const withContact = editScriptDraft(editScriptDraft(exampleDraft(), { kind: 'set', path: ['contacts', 0, 'id'], value: 'contact' }), { kind: 'addRow', list: 'contacts' });
    expect(withContact.contacts?.at(-1)).toEqual({ id: 'contact2', name: 'Contact 2' });
    const withUser = editScriptDraft(exampleDraft(), { kind: 'addRow', list: 'users' });
    expect(withUser.users?.at(-1)).toEqual({ id: 'user', name: 'User 1', role: 'agent', restricted: false });
    expect(parseScriptDocument(withUser).ok).toBe(true);
  });

  it('removes a contact (the events that name it are then reported by the schema)', () => {
    const draft = editScriptDraft(exampleDraft(), { kind: 'removeRow', list: 'contacts', index: 0 });
    expect(draft.contacts).toEqual([]);
  });

  it('changes an expectation’s kind, keeping its contact and carrying its text between sent and never sent', () => {
    const example = exampleDraft();
    const sent = editScriptDraft(example, { kind: 'changeExpectationKind', index: 1, expectationKind: 'sent' });
    expect(sent.expect?.[1]).toEqual({ contact: 'dana', sent: 'Still interested?' });
    const status = editScriptDraft(example, { kind: 'changeExpectationKind', index: 1, expectationKind: 'status' });
    expect(status.expect?.[1]).toEqual({ contact: 'dana', workflow: '', status: 'stopped' });
    expect(editScriptDraft(example, { kind: 'changeExpectationKind', index: 0, expectationKind: 'status' }).expect?.[0]).toBe(example.expect?.[0]);
  });

  it('changes an expectation to a tag or field kind, keeping its contact and dropping the fields that kind has not', () => {
    const example = exampleDraft();
    const rekind = (index: number, expectationKind: 'hasTag' | 'lacksTag' | 'fieldEquals' | 'status' | 'sent') =>
      editScriptDraft(example, { kind: 'changeExpectationKind', index, expectationKind }).expect?.[index];
    expect(rekind(0, 'hasTag')).toEqual({ contact: 'dana', hasTag: '' });
    expect(rekind(1, 'lacksTag')).toEqual({ contact: 'dana', lacksTag: '' });
    expect(rekind(0, 'fieldEquals')).toEqual({ contact: 'dana', field: '', equals: '' });
  });

  it('carries the tag between has and lacks, and drops tag, field and value when leaving those kinds', () => {
    const draft: ScriptDraft = {
      ...exampleDraft(),
      expect: [
        { contact: 'dana', hasTag: 'handed-over' },
        { contact: 'dana', field: 'stage', equals: 'human' },
      ],
    };
    const edit = (index: number, expectationKind: 'lacksTag' | 'hasTag' | 'status' | 'sent') =>
      editScriptDraft(draft, { kind: 'changeExpectationKind', index, expectationKind }).expect?.[index];
    expect(edit(0, 'lacksTag')).toEqual({ contact: 'dana', lacksTag: 'handed-over' });
    expect(edit(0, 'status')).toEqual({ contact: 'dana', workflow: '', status: 'stopped' });
    expect(edit(1, 'hasTag')).toEqual({ contact: 'dana', hasTag: '' });
    expect(edit(1, 'sent')).toEqual({ contact: 'dana', sent: '' });
  });

  it('adds an expectation for the first contact', () => {
    expect(editScriptDraft(exampleDraft(), { kind: 'addRow', list: 'expect' }).expect?.at(-1)).toEqual({ contact: 'dana', workflow: '', status: 'stopped' });
  });
});
