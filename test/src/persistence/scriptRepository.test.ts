import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { ScriptRecord } from '../../../src/persistence/records.ts';
import { deleteScript, listScripts, saveScript } from '../../../src/persistence/scriptRepository.ts';
import { freshDb } from '../../harness/fakeBrowserStorage.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

function exampleScript(): Script {
  const text = readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/contact-replies.script.json'), 'utf8');
  const parsed = parseScriptDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error('the example script does not parse');
  return parsed.value;
}

describe('scripts saved with a Workflow', () => {
  it('saves, lists by name per Workflow, replaces by id and deletes', async () => {
    const db = freshDb();
    const script = exampleScript();
    await saveScript(db, 'wf', 'b', { ...script, name: 'Beta' }, T0);
    await saveScript(db, 'wf', 'a', { ...script, name: 'Alpha' }, T0);
    await saveScript(db, 'other', 'c', script, T0);
    expect((await listScripts(db, 'wf')).scripts.map((record) => record.document.name)).toEqual(['Alpha', 'Beta']);

    await saveScript(db, 'wf', 'b', { ...script, name: 'Beta 2' }, T0 + 1);
    await deleteScript(db, 'a');
    expect((await listScripts(db, 'wf')).scripts.map((record) => [record.id, record.document.name, record.updatedAt])).toEqual([['b', 'Beta 2', T0 + 1]]);
  });

  it('lists a damaged script as unreadable with where it is damaged, and the others still', async () => {
    const db = freshDb();
    await saveScript(db, 'wf', 'good', exampleScript(), T0);
    await db.scripts.put({ id: 'bad', workflowId: 'wf', updatedAt: T0, document: { ...exampleScript(), events: 'none' } } as unknown as ScriptRecord);
    const list = await listScripts(db, 'wf');
    expect(list.scripts.map((record) => record.id)).toEqual(['good']);
    expect(list.unreadable).toEqual([{ id: 'bad', problem: expect.stringMatching(/^The stored script is damaged at \$\.events: /) }]);
  });
});
