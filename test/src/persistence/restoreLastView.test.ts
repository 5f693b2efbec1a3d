import { describe, expect, it } from 'vitest';
import { memoryHistory } from '../../../src/routing/history.ts';
import { rememberOpenWorkflow, rememberShownScreen } from '../../../src/persistence/lastView.ts';
import { forgetReopenedWorkflow, readReopenedWorkflow, restoreLastView } from '../../../src/persistence/restoreLastView.ts';
import { createWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { freshDb } from '../../harness/fakeBrowserStorage.ts';
import { followUpWorkflow } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

/** A tab's sessionStorage: empty in a new browser session. */
function sessionStorageOf(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A stored Workflow that was opened in the builder; the store keeps it open after the builder is left. */
async function openedInBuilder() {
  const db = freshDb();
  const record = await createWorkflow(db, followUpWorkflow(), T0);
  await rememberShownScreen(db, record.id, T0 + 1);
  await rememberOpenWorkflow(db, record.id, T0 + 2);
  return { db, record };
}

describe('a new session at /', () => {
  it('reopens the builder when the builder was the screen shown last, and says which Workflow it reopened, once', async () => {
    const { db, record } = await openedInBuilder();
    const history = memoryHistory('/');
    const session = sessionStorageOf();
    await restoreLastView(db, history, session);
    expect(history.location().pathname).toBe(`/builder/${record.id}`);
    expect(readReopenedWorkflow(session)).toEqual({ id: record.id, name: record.document.name });
    expect(readReopenedWorkflow(session)).toEqual({ id: record.id, name: record.document.name });
    forgetReopenedWorkflow(session);
    expect(readReopenedWorkflow(session)).toBeNull();
  });

  it('stays on the overview when the person last stood there, though the Workflow is still open', async () => {
    const { db } = await openedInBuilder();
    await rememberShownScreen(db, null, T0 + 3);
    const history = memoryHistory('/');
    const session = sessionStorageOf();
    await restoreLastView(db, history, session);
    expect(history.location().pathname).toBe('/');
    expect(readReopenedWorkflow(session)).toBeNull();
  });

  it('redirects nothing within a session (a reload), nor a new session that opens another address', async () => {
    const { db } = await openedInBuilder();
    const session = sessionStorageOf();
    await restoreLastView(db, memoryHistory('/messages'), session);
    const reload = memoryHistory('/');
    await restoreLastView(db, reload, session);
    expect(reload.location().pathname).toBe('/');
  });

  it('stays on the overview when the Workflow shown last was deleted since', async () => {
    const { db, record } = await openedInBuilder();
    await db.workflows.delete(record.id);
    const history = memoryHistory('/');
    await restoreLastView(db, history, sessionStorageOf());
    expect(history.location().pathname).toBe('/');
  });

  it('reopens the open Workflow from a record kept before the screen was remembered', async () => {
    const db = freshDb();
    const record = await createWorkflow(db, followUpWorkflow(), T0);
    await db.view.put({ key: 'last-view', workflowId: record.id, viewport: null, savedAt: T0 });
    const history = memoryHistory('/');
    await restoreLastView(db, history, sessionStorageOf());
    expect(history.location().pathname).toBe(`/builder/${record.id}`);
  });

  it('says nothing for a damaged note of what was reopened', () => {
    const session = sessionStorageOf();
    session.setItem('exitflow.reopened', '{"id":');
    expect(readReopenedWorkflow(session)).toBeNull();
    session.setItem('exitflow.reopened', '{"id":""}');
    expect(readReopenedWorkflow(session)).toBeNull();
  });
});
