import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { ScriptRecord } from '../../../src/model/records.ts';
import { createScript, deleteScript, listScripts, restoreScript, saveScript } from '../../../src/persistence/scriptRepository.ts';
import { fakeBrowser, freshDb } from '../../harness/fakeBrowserStorage.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

function exampleScript(): Script {
  const text = readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/contact-replies.script.json'), 'utf8');
  const parsed = parseScriptDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error('the example script does not parse');
  return parsed.value;
}

describe('scripts saved with a Workflow', () => {
  it('creates, lists by name per Workflow, saves over by id (the next revision) and deletes', async () => {
    const db = freshDb();
    const script = exampleScript();
    await createScript(db, 'wf', 'b', { ...script, name: 'Beta' }, T0);
    await createScript(db, 'wf', 'a', { ...script, name: 'Alpha' }, T0);
    await createScript(db, 'other', 'c', script, T0);
    expect((await listScripts(db, 'wf')).scripts.map((record) => record.document.name)).toEqual(['Alpha', 'Beta']);

    expect(await saveScript(db, { id: 'b', document: { ...script, name: 'Beta 2' }, baseRevision: 1 }, T0 + 1)).toMatchObject({ ok: true, record: { revision: 2 } });
    await deleteScript(db, 'a');
    expect((await listScripts(db, 'wf')).scripts.map((record) => [record.id, record.document.name, record.revision, record.updatedAt])).toEqual([['b', 'Beta 2', 2, T0 + 1]]);
  });

  it('reads a script kept before the revision check (no revision) as revision 1, and saves over it from there', async () => {
    const db = freshDb();
    await db.scripts.put({ id: 'old', workflowId: 'wf', updatedAt: T0, document: exampleScript() } as unknown as ScriptRecord);
    expect((await listScripts(db, 'wf')).scripts.map((record) => record.revision)).toEqual([1]);
    expect(await saveScript(db, { id: 'old', document: { ...exampleScript(), name: 'Renamed' }, baseRevision: 1 }, T0 + 1)).toMatchObject({ ok: true, record: { revision: 2 } });
  });

  it('two tabs save the same script from the same revision: the second is refused with the first one\'s save, and nothing of either is lost', async () => {
    const browser = fakeBrowser();
    const [tabA, tabB] = [browser.openTab(), browser.openTab()];
    const opened = await createScript(tabA, 'wf', 's', { ...exampleScript(), name: 'Shared' }, T0);
    const mineA = { ...opened.document, events: opened.document.events.slice(0, 1) };
    const mineB = { ...opened.document, name: 'Shared, edited in B' };

    const first = await saveScript(tabA, { id: 's', document: mineA, baseRevision: opened.revision }, T0 + 1);
    expect(first).toMatchObject({ ok: true, record: { revision: 2, document: mineA } });
    const second = await saveScript(tabB, { id: 's', document: mineB, baseRevision: opened.revision }, T0 + 2);
    expect(second).toEqual({ ok: false, reason: 'conflict', current: { ok: true, record: { id: 's', workflowId: 'wf', revision: 2, updatedAt: T0 + 1, document: mineA } } });
    // Written over nothing: the stored script is still A's.
    expect((await listScripts(tabB, 'wf')).scripts).toEqual([{ id: 's', workflowId: 'wf', revision: 2, updatedAt: T0 + 1, document: mineA }]);

    // B, now from the revision A stored, saves over it.
    expect(await saveScript(tabB, { id: 's', document: mineB, baseRevision: 2 }, T0 + 3)).toMatchObject({ ok: true, record: { revision: 3 } });
  });

  it('a save over a script another tab deleted is refused as missing; Undo of the delete puts it back as it was', async () => {
    const db = freshDb();
    const record = await createScript(db, 'wf', 's', exampleScript(), T0);
    await deleteScript(db, 's');
    expect(await saveScript(db, { id: 's', document: exampleScript(), baseRevision: 1 }, T0 + 1)).toEqual({ ok: false, reason: 'missing' });
    expect((await listScripts(db, 'wf')).scripts).toEqual([]);
    await restoreScript(db, record);
    expect((await listScripts(db, 'wf')).scripts).toEqual([record]);
  });

  it('a save over a damaged record is refused with the damage, not written over it', async () => {
    const db = freshDb();
    const damaged = { id: 's', workflowId: 'wf', revision: 1, updatedAt: T0, document: { ...exampleScript(), events: 'none' } };
    await db.scripts.put(damaged as unknown as ScriptRecord);
    expect(await saveScript(db, { id: 's', document: exampleScript(), baseRevision: 1 }, T0 + 1)).toMatchObject({ ok: false, reason: 'conflict', current: { ok: false } });
    expect(await db.scripts.get('s')).toEqual(damaged);
  });

  it('lists a damaged script as unreadable with where it is damaged, and the others still', async () => {
    const db = freshDb();
    await createScript(db, 'wf', 'good', exampleScript(), T0);
    await db.scripts.put({ id: 'bad', workflowId: 'wf', updatedAt: T0, document: { ...exampleScript(), events: 'none' } } as unknown as ScriptRecord);
    const list = await listScripts(db, 'wf');
    expect(list.scripts.map((record) => record.id)).toEqual(['good']);
    expect(list.unreadable).toEqual([{ id: 'bad', problem: expect.stringMatching(/^The stored script is damaged at \$\.events: /) }]);
  });
});
