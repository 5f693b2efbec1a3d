import { parseDuration } from '../../../../simulator/schema/duration.ts';
import type { ScriptEventType } from '../../../../simulator/schema/script.ts';
import { setIn, type FieldPath } from '../../../common/setIn.ts';
import { eventFieldSpecs, type EventFieldSpec } from './eventFieldSpecs.ts';
import { expectationKindOf, type ExpectationKind } from './expectationKindOf.ts';
import type { ScriptDraft } from './readScriptDraft.ts';

type Row = Readonly<Record<string, unknown>>;
type ListKey = 'contacts' | 'users' | 'events' | 'expect';

/** One change the form makes to a script draft. */
export type ScriptDraftEdit =
  /** Sets one field; `undefined` removes it (an optional field left empty). */
  | { readonly kind: 'set'; readonly path: FieldPath; readonly value: unknown }
  | { readonly kind: 'addRow'; readonly list: ListKey }
  | { readonly kind: 'removeRow'; readonly list: ListKey; readonly index: number }
  | { readonly kind: 'moveEvent'; readonly index: number; readonly to: number }
  | { readonly kind: 'sortEvents' }
  | { readonly kind: 'changeEventType'; readonly index: number; readonly type: ScriptEventType }
  | { readonly kind: 'changeExpectationKind'; readonly index: number; readonly expectationKind: ExpectationKind };

const stringAt = (row: Row | undefined, key: string): string | undefined => (typeof row?.[key] === 'string' ? row[key] : undefined);

/** The first of `prefix`, `prefix2`, `prefix3`, … that no row has as its id. */
function freeId(rows: readonly Row[], prefix: string): { id: string; n: number } {
  const taken = new Set(rows.map((row) => row.id));
  let n = 1;
  while (taken.has(n === 1 ? prefix : `${prefix}${n}`)) n++;
  return { id: n === 1 ? prefix : `${prefix}${n}`, n };
}

/** A new row for a list: valid where it can be, so adding does not itself raise a problem. */
function newRow(draft: ScriptDraft, list: ListKey): Row {
  const rows = draft[list] ?? [];
  const firstContact = stringAt(draft.contacts?.[0], 'id') ?? '';
  switch (list) {
    case 'contacts': {
      const { id, n } = freeId(rows, 'contact');
      return { id, name: `Contact ${n}` };
    }
    case 'users': {
      const { id, n } = freeId(rows, 'user');
      return { id, name: `User ${n}`, role: 'agent', restricted: false };
    }
    case 'events': {
      // Scripts are mostly written in order: the next event happens at the last one's time, to the same contact.
      const last = rows.at(-1);
      return { at: stringAt(last, 'at') ?? '+0', contact: stringAt(last, 'contact') ?? firstContact, type: 'contact.message', text: '' };
    }
    case 'expect':
      return { contact: firstContact, workflow: '', status: 'stopped' };
  }
}

/** What a required field starts as when an event becomes a type that has it. */
function blankValue(spec: EventFieldSpec, draft: ScriptDraft): string {
  return spec.kind === 'user' ? (stringAt(draft.users?.[0], 'id') ?? '') : '';
}

/** The event as `type`: its time and contact (none for a publish, which concerns them all), the fields both types share, blanks for the new required ones. */
function retypeEvent(event: Row, type: ScriptEventType, draft: ScriptDraft): Row {
  const next: Record<string, unknown> =
    type === 'workflow.publish' ? { at: event.at, type } : { at: event.at, contact: event.contact ?? stringAt(draft.contacts?.[0], 'id') ?? '', type };
  for (const spec of eventFieldSpecs(type)) {
    if (event[spec.key] !== undefined) next[spec.key] = event[spec.key];
    else if (!spec.optional) next[spec.key] = blankValue(spec, draft);
  }
  return next;
}

/**
 * The expectation as `kind`: its contact kept, the fields the new kind has not dropped, and the text
 * carried between the kinds that share a field in the form (sent and never sent; has and lacks tag).
 */
function rekindExpectation(row: Row, kind: ExpectationKind): Row {
  const text = stringAt(row, 'sent') ?? stringAt(row, 'neverSent') ?? '';
  const tag = stringAt(row, 'hasTag') ?? stringAt(row, 'lacksTag') ?? '';
  switch (kind) {
    case 'status':
      return { contact: row.contact, workflow: stringAt(row, 'workflow') ?? '', status: 'stopped' };
    case 'sent':
      return { contact: row.contact, sent: text };
    case 'neverSent':
      return { contact: row.contact, neverSent: text };
    case 'hasTag':
      return { contact: row.contact, hasTag: tag };
    case 'lacksTag':
      return { contact: row.contact, lacksTag: tag };
    case 'fieldEquals':
      return { contact: row.contact, field: '', equals: '' };
  }
}

/** Offsets that do not parse sort last, keeping their order (two of them compare as NaN, read as equal): the schema flags them anyway. */
const sortKey = (event: Row) => parseDuration(stringAt(event, 'at') ?? '') ?? Number.POSITIVE_INFINITY;

function withRows(draft: ScriptDraft, list: ListKey, change: (rows: Row[]) => Row[]): ScriptDraft {
  return { ...draft, [list]: change([...(draft[list] ?? [])]) };
}

/**
 * Applies one form edit to a script draft, returning a new draft (the editor's reducer calls it).
 *
 * @example editScriptDraft(draft, { kind: 'changeEventType', index: 3, type: 'assign' })
 */
export function editScriptDraft(draft: ScriptDraft, edit: ScriptDraftEdit): ScriptDraft {
  switch (edit.kind) {
    case 'set':
      return setIn(draft, edit.path, edit.value);
    case 'addRow':
      return withRows(draft, edit.list, (rows) => [...rows, newRow(draft, edit.list)]);
    case 'removeRow':
      return withRows(draft, edit.list, (rows) => rows.filter((_, i) => i !== edit.index));
    case 'moveEvent':
      return withRows(draft, 'events', (rows) => {
        const [event] = rows.splice(edit.index, 1);
        if (event === undefined || edit.to < 0 || edit.to > rows.length) return draft.events ?? [];
        rows.splice(edit.to, 0, event);
        return rows;
      });
    case 'sortEvents':
      // Array.prototype.sort is stable: events at the same time keep their order, as the simulator plays them.
      return withRows(draft, 'events', (rows) => rows.sort((a, b) => sortKey(a) - sortKey(b) || 0));
    case 'changeEventType':
      return withRows(draft, 'events', (rows) => rows.map((event, i) => (i === edit.index ? retypeEvent(event, edit.type, draft) : event)));
    case 'changeExpectationKind':
      return withRows(draft, 'expect', (rows) => rows.map((row, i) => (i === edit.index && expectationKindOf(row) !== edit.expectationKind ? rekindExpectation(row, edit.expectationKind) : row)));
  }
}
