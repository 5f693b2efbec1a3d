import { describe, expect, it } from 'vitest';
import type { LastViewRecord } from '../../../src/model/records.ts';
import { readKeptBreakpoints, readLastView, rememberBreakpoints, rememberOpenWorkflow, rememberShownScreen, rememberView } from '../../../src/persistence/lastView.ts';
import { freshDb } from '../../harness/fakeBrowserStorage.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

describe('the last view', () => {
  it('is null when none was kept', async () => {
    expect(await readLastView(freshDb())).toBeNull();
  });

  it('reads back the view kept last', async () => {
    const db = freshDb();
    await rememberView(db, { workflowId: 'first', viewport: null, savedAt: T0 });
    await rememberView(db, { workflowId: 'follow-up', viewport: { x: 10, y: -20, zoom: 1.5 }, savedAt: T0 + 1 });
    expect(await readLastView(db)).toEqual({ key: 'last-view', workflowId: 'follow-up', viewport: { x: 10, y: -20, zoom: 1.5 }, savedAt: T0 + 1 });
  });

  it('keeps the viewport when the same Workflow is opened again, and drops it for another one', async () => {
    const db = freshDb();
    await rememberView(db, { workflowId: 'follow-up', viewport: { x: 10, y: -20, zoom: 1.5 }, savedAt: T0 });
    await rememberOpenWorkflow(db, 'follow-up', T0 + 1);
    expect((await readLastView(db))?.viewport).toEqual({ x: 10, y: -20, zoom: 1.5 });
    await rememberOpenWorkflow(db, 'other', T0 + 2);
    expect(await readLastView(db)).toEqual({ key: 'last-view', workflowId: 'other', viewport: null, savedAt: T0 + 2 });
  });

  it('keeps the screen shown apart from the open Workflow and its viewport: each writer changes only its own part', async () => {
    const db = freshDb();
    await rememberOpenWorkflow(db, 'follow-up', T0);
    await rememberShownScreen(db, 'follow-up', T0 + 1);
    await rememberView(db, { workflowId: 'follow-up', viewport: { x: 1, y: 2, zoom: 1 }, savedAt: T0 + 2 });
    expect(await readLastView(db)).toMatchObject({ workflowId: 'follow-up', shownInBuilder: 'follow-up', viewport: { x: 1, y: 2, zoom: 1 } });
    // Back on the overview: the Workflow stays open in the store, the screen shown is another.
    await rememberShownScreen(db, null, T0 + 3);
    expect(await readLastView(db)).toEqual({ key: 'last-view', workflowId: 'follow-up', viewport: { x: 1, y: 2, zoom: 1 }, shownInBuilder: null, savedAt: T0 + 3 });
    await rememberOpenWorkflow(db, 'follow-up', T0 + 4);
    expect((await readLastView(db))?.shownInBuilder).toBeNull();
  });

  it('is null when the kept view is damaged, rather than reopening something wrong', async () => {
    const db = freshDb();
    await db.view.put({ key: 'last-view', workflowId: '', viewport: { x: 0, y: 0, zoom: 0 }, savedAt: T0 } as LastViewRecord);
    expect(await readLastView(db)).toBeNull();
  });
});

describe('the simulator\u2019s breakpoints kept per workspace', () => {
  it('keeps each workspace\u2019s own, forgets one set to none, and keeps the rest of the view', async () => {
    const db = freshDb();
    await rememberOpenWorkflow(db, 'wf', 1);
    await rememberBreakpoints(db, 'workflow:wf', 's/wf/wait', 2);
    await rememberBreakpoints(db, 'examples', 'any,r/incoming_message', 3);
    expect(await readKeptBreakpoints(db, 'workflow:wf')).toBe('s/wf/wait');
    expect(await readKeptBreakpoints(db, 'examples')).toBe('any,r/incoming_message');
    expect(await readKeptBreakpoints(db, 'workflow:other')).toBeNull();
    await rememberBreakpoints(db, 'workflow:wf', '', 4);
    expect(await readKeptBreakpoints(db, 'workflow:wf')).toBeNull();
    expect((await readLastView(db))?.workflowId).toBe('wf');
  });

  it('keeps the 50 workspaces set most recently', async () => {
    const db = freshDb();
    for (let i = 0; i < 60; i++) await rememberBreakpoints(db, `workflow:w${i}`, 'any', i);
    expect(await readKeptBreakpoints(db, 'workflow:w9')).toBeNull();
    expect(await readKeptBreakpoints(db, 'workflow:w10')).toBe('any');
    expect(Object.keys((await readLastView(db))?.simulatorBreakpoints ?? {})).toHaveLength(50);
  });
});
