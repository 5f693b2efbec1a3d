import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workflowSettingsSchema, type WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import type { ExitflowDb } from '../../../src/persistence/db.ts';
import { saveWorkflowSettings, type SettingsChange } from '../../../src/persistence/saveWorkflowSettings.ts';
import { createStoredSettingsWriter } from '../../../src/persistence/storedSettingsWriter.ts';
import { createWorkflow, readWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { createAppStore } from '../../../src/state/appStore.ts';
import { hasUnsavedEdits } from '../../../src/state/documentSlice.ts';
import { fakeBrowser, freshDb, storedRows } from '../../harness/fakeBrowserStorage.ts';
import { exitOn, followUpWorkflow, noExits, type SettingsInput } from '../../harness/workflowFixtures.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

const settingsOf = (input: SettingsInput): WorkflowSettings => workflowSettingsSchema.parse(input);
const MANUAL_ONLY = settingsOf(noExits(true));
const ON_REPLY = settingsOf(exitOn(['incoming_message']));
const ON_ASSIGNMENT = settingsOf(exitOn(['manual_assignment'], true));

afterEach(() => {
  vi.restoreAllMocks();
});

/** "Follow-up" stored at revision 1, and a tab whose store has nothing open. */
async function storedOnly(db: ExitflowDb = freshDb()) {
  const record = await createWorkflow(db, followUpWorkflow(), T0);
  const store = createAppStore();
  let clock = T0;
  const writer = createStoredSettingsWriter(db, () => (clock += 1000));
  const save = (change: Omit<SettingsChange, 'workflowId'>) => saveWorkflowSettings(store, writer, { workflowId: record.id, ...change });
  const stored = async (): Promise<WorkflowRecord> => {
    const read = await readWorkflow(db, record.id);
    if (!read?.ok) throw new Error('the stored Workflow is gone or unreadable');
    return read.record;
  };
  return { db, store, record, save, stored };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('saveWorkflowSettings, for the Workflow open in this tab', () => {
  it('changes the document at once, as one undoable edit that autosave will write, and leaves storage to autosave', async () => {
    const { db, store, record, save } = await storedOnly();
    store.getState().openDocument(record);
    const before = await storedRows(db);

    const saving = save({ settings: MANUAL_ONLY });
    // Before the first await: the builder's panel shows the click before the next one can come.
    expect(store.getState().document?.workflow.settings).toEqual(MANUAL_ONLY);
    expect(await saving).toEqual({ ok: true });

    expect(hasUnsavedEdits(store.getState().document)).toBe(true);
    expect(await storedRows(db)).toEqual(before);
    store.getState().undo();
    expect(store.getState().document?.workflow.settings).toEqual(record.document.settings);
  });

  it('goes through the document even when the caller read an older stored revision', async () => {
    const { store, record, save, stored } = await storedOnly();
    store.getState().openDocument(record);
    expect(await save({ settings: ON_REPLY, readAt: 0 })).toEqual({ ok: true });
    expect(store.getState().document?.workflow.settings).toEqual(ON_REPLY);
    expect((await stored()).revision).toBe(1);
  });
});

describe('saveWorkflowSettings, for a stored Workflow not open here', () => {
  it('writes the settings as the next revision, keeping the rest of the document', async () => {
    const { record, save, stored } = await storedOnly();
    expect(await save({ settings: MANUAL_ONLY, readAt: 1 })).toEqual({ ok: true });
    const after = await stored();
    expect(after.revision).toBe(2);
    expect(after.document).toEqual({ ...record.document, settings: MANUAL_ONLY });
  });

  it('lands two writes made 50 ms apart from the same read (the screen has not read back the first yet)', async () => {
    const { save, stored } = await storedOnly();
    const first = save({ settings: MANUAL_ONLY, readAt: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = save({ settings: ON_REPLY, readAt: 1 });
    expect(await Promise.all([first, second])).toEqual([{ ok: true }, { ok: true }]);
    const after = await stored();
    expect([after.revision, after.document.settings]).toEqual([3, ON_REPLY]);
  });

  it('lands writes in click order when the next is made while the one before is still being written', async () => {
    const { save, stored } = await storedOnly();
    const outcomes = await Promise.all([
      save({ settings: MANUAL_ONLY, readAt: 1 }),
      save({ settings: ON_REPLY, readAt: 1 }),
      save({ settings: ON_ASSIGNMENT, readAt: 2 }),
    ]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const after = await stored();
    expect([after.revision, after.document.settings]).toEqual([4, ON_ASSIGNMENT]);
  });

  it('refuses, writing nothing, when another tab stored the Workflow since the settings were read', async () => {
    const browser = fakeBrowser();
    const here = browser.openTab();
    const { record, save, stored } = await storedOnly(here);
    const otherTab = browser.openTab();
    const theirs = await saveWorkflow(otherTab, { document: { ...record.document, name: 'Renamed there', settings: ON_ASSIGNMENT }, baseRevision: 1 }, T0 + 500);
    expect(theirs.ok).toBe(true);

    const outcome = await save({ settings: MANUAL_ONLY, readAt: 1 });
    expect(outcome).toEqual({ ok: false, reason: 'conflict', message: expect.stringMatching(/^“Renamed there” was changed in another tab .* not saved/) });
    const after = await stored();
    expect([after.revision, after.document.name, after.document.settings]).toEqual([2, 'Renamed there', ON_ASSIGNMENT]);
    otherTab.close();
  });

  it('refuses when another tab wrote after this one: its own writes count as read, not theirs', async () => {
    const browser = fakeBrowser();
    const { record, save, stored } = await storedOnly(browser.openTab());
    expect(await save({ settings: MANUAL_ONLY, readAt: 1 })).toEqual({ ok: true });
    const otherTab = browser.openTab();
    await saveWorkflow(otherTab, { document: { ...record.document, settings: ON_ASSIGNMENT }, baseRevision: 2 }, T0 + 5000);

    // Shown from revision 1 (this tab's own write not read back yet): that leads to 2, and 3 is theirs.
    expect(await save({ settings: ON_REPLY, readAt: 1 })).toMatchObject({ ok: false, reason: 'conflict' });
    // Shown from their revision: taken.
    expect(await save({ settings: ON_REPLY, readAt: 3 })).toEqual({ ok: true });
    const after = await stored();
    expect([after.revision, after.document.settings]).toEqual([4, ON_REPLY]);
    otherTab.close();
  });

  it('says so when the Workflow is gone', async () => {
    const { db, record, save } = await storedOnly();
    await db.workflows.delete(record.id);
    expect(await save({ settings: MANUAL_ONLY, readAt: 1 })).toEqual({ ok: false, reason: 'missing', message: expect.stringMatching(/no longer stored/) });
  });

  it('says why when the stored record is damaged, and leaves it as it is', async () => {
    const { db, record, save } = await storedOnly();
    await db.workflows.update(record.id, { document: { broken: true } as never });
    const before = await storedRows(db);
    expect(await save({ settings: MANUAL_ONLY, readAt: 1 })).toEqual({ ok: false, reason: 'unreadable', message: expect.stringMatching(/damaged/) });
    expect(await storedRows(db)).toEqual(before);
  });

  it('says the browser is out of room when the write does not fit, and the next write still goes through', async () => {
    const { db, save, stored } = await storedOnly();
    vi.spyOn(db.workflows, 'put').mockRejectedValueOnce(new Dexie.AbortError('Transaction aborted', quotaError()));
    expect(await save({ settings: MANUAL_ONLY, readAt: 1 })).toEqual({ ok: false, reason: 'storage', message: expect.stringMatching(/no room left/) });
    expect((await stored()).revision).toBe(1);

    expect(await save({ settings: ON_REPLY, readAt: 1 })).toEqual({ ok: true });
    expect((await stored()).document.settings).toEqual(ON_REPLY);
  });

  it('refuses a change with no revision read, for a Workflow that is not open here', async () => {
    const { db, save } = await storedOnly();
    const before = await storedRows(db);
    expect(await save({ settings: MANUAL_ONLY })).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await storedRows(db)).toEqual(before);
  });
});
