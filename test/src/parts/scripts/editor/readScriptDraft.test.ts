import { describe, expect, it } from 'vitest';
import { FORM_ROWS, readScriptDraft } from '../../../../../src/parts/scripts/editor/readScriptDraft.ts';

const reason = (document: unknown) => {
  const read = readScriptDraft(document);
  return read.ok ? null : read.reason;
};

describe('readScriptDraft: whether the form can lay a document out', () => {
  it('reads an invalid script the form can still show, keeping keys it does not know', () => {
    const document = { name: '', start: 5, events: [{ at: 'soon' }], $schema: 'x' };
    expect(readScriptDraft(document)).toEqual({ ok: true, draft: document });
    expect(readScriptDraft({})).toEqual({ ok: true, draft: {} });
    // Its keys stay in the file's order, which the JSON view shows.
    const read = readScriptDraft({ format: 'f', name: 'n', events: [] });
    expect(read.ok && Object.keys(read.draft)).toEqual(['format', 'name', 'events']);
  });

  it('says what the form cannot show and where, in the form’s words', () => {
    expect(reason({ events: 'none' })).toBe('The form cannot show Events: it must be a list. Fix it in the JSON view.');
    expect(reason({ events: [{}, {}, 5] })).toBe('The form cannot show Event 3: it must be an object. Fix it in the JSON view.');
    expect(reason({ population: null })).toBe('The form cannot show Population: it must be an object. Fix it in the JSON view.');
    expect(reason([])).toBe('The form cannot show this script: it must be an object. Fix it in the JSON view.');
    expect(reason(42)).toMatch(/^The form cannot show this script/);
  });

  it('lays out up to FORM_ROWS rows, and sends a bigger script to the JSON view with its counts', () => {
    const events = (n: number) => Array.from({ length: n }, () => ({ at: '+0', type: 'contact.message' }));
    expect(readScriptDraft({ events: events(FORM_ROWS - 1), contacts: [{ id: 'dana' }] }).ok).toBe(true);
    expect(reason({ events: events(22_501), contacts: [{ id: 'dana' }] })).toBe(
      'This script has 22,501 events, 1 contact: the form lays out up to 1,000 rows. Edit it in the JSON view.',
    );
  });
});
