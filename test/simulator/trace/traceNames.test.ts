import { describe, expect, it } from 'vitest';
import { traceNamesOf } from '../../../simulator/trace/traceNames.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';
import { followUpWorkflow, noExits } from '../../harness/workflowFixtures.ts';

describe('traceNamesOf', () => {
  const base = demoScript(new Date('2026-01-05T09:00:00Z'));
  const workflow = followUpWorkflow(noExits(), { id: 'nudge', name: 'Nudge' });
  const names = traceNamesOf([workflow], { ...base, contacts: [...base.contacts, { id: 'anon', name: '', tags: [], fields: {} }] });

  it('names Workflows, users and contacts from the documents', () => {
    expect([names.workflow('nudge'), names.user('alice'), names.contact('omar')]).toEqual(['Nudge', 'Alice', 'Omar']);
  });

  it('quotes step and trigger labels', () => {
    expect(names.step('nudge', 'wait-24h')).toBe('"Wait 24h"');
    expect(names.step('nudge', 'trigger')).toBe('"Contact writes in"');
  });

  it('falls back to the id for what the documents do not name', () => {
    expect([names.workflow('gone'), names.user('zed'), names.contact('anon'), names.contact('nobody'), names.step('nudge', 'removed'), names.step('gone', 'x')]).toEqual([
      'gone',
      'zed',
      'anon',
      'nobody',
      '"removed"',
      '"x"',
    ]);
  });
});
