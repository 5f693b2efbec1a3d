import { describe, expect, it } from 'vitest';
import { runStates } from '../../../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../../../simulator/engine/prepareSimulation.ts';
import { parseScriptDocument } from '../../../../simulator/schema/parseDocument.ts';
import { newScript } from '../../../../src/parts/scripts/newScript.ts';
import { followUpWorkflow } from '../../../harness/workflowFixtures.ts';

describe('a new script', () => {
  it('is valid as it is, starts today at 09:00 UTC and plays: the contact’s message starts the Workflow', () => {
    const script = newScript(new Date('2026-11-26T17:45:00+01:00'));
    expect(parseScriptDocument(JSON.parse(JSON.stringify(script)))).toEqual({ ok: true, value: script });
    expect(script.start).toBe('2026-11-26T09:00:00Z');
    const prepared = prepareSimulation({ workflows: [followUpWorkflow()], script });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    expect(runStates(prepared.simulation.runToEnd()).map((run) => run.contact)).toEqual(['contact']);
  });
});
