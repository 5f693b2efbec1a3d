import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../../simulator/schema/parseDocument.ts';
import { harness } from '../../harness/simulationHarness.ts';
import { buildWorkflow, exitOn, noExits, nurtureWorkflow, steps } from '../../harness/workflowFixtures.ts';

const stopped = () =>
  harness(nurtureWorkflow(exitOn(['incoming_message'], true), {}), buildWorkflow({ id: 'stage', name: 'Stage', trigger: { id: 'trigger', type: 'shortcut' }, steps: [steps.setField('set', 'stage', 'human')], edges: ['trigger>set'], settings: noExits() }))
    .user('alice')
    .contact('dana', { tags: ['nurture'] })
    .at('+0')
    .contactSays('Hi')
    .shortcut('alice', 'Stage')
    .at('+2h')
    .contactSays('Never mind');

describe('expectations about the contact at the end', () => {
  it('hasTag, lacksTag and field + equals hold after the When stopped path has tagged and untagged', () => {
    const results = stopped()
      .expect({ contact: 'dana', hasTag: 'handed-over' })
      .expect({ contact: 'dana', lacksTag: 'nurture' })
      .expect({ contact: 'dana', field: 'stage', equals: 'human' })
      .run()
      .expectations();
    expect(results.map((result) => [result.passed, result.message])).toEqual([
      [true, 'dana has the tag "handed-over"'],
      [true, 'dana does not have the tag "nurture"'],
      [true, 'dana\'s field stage is "human"'],
    ]);
  });

  it('each fails, saying what the contact has instead, with the trace entry of its last change', () => {
    const results = stopped()
      .expect({ contact: 'dana', hasTag: 'nurture' })
      .expect({ contact: 'dana', lacksTag: 'handed-over' })
      .expect({ contact: 'dana', field: 'stage', equals: 'bot' })
      .expect({ contact: 'dana', field: 'plan', equals: 'pro' })
      .run()
      .expectations();
    expect(results.map((result) => [result.passed, result.message])).toEqual([
      [false, 'Expected dana to have the tag "nurture", but it does not'],
      [false, 'Expected dana not to have the tag "handed-over", but it does'],
      [false, 'Expected dana\'s field stage to be "bot", but it is "human"'],
      [false, 'Expected dana\'s field plan to be "pro", but it is not set'],
    ]);
    for (const result of results) expect(result.traceSeq).toBeGreaterThan(0);
  });

  it('are part of the script format, refused at their path when malformed', () => {
    const script = (expectation: unknown) => ({ format: 'exitflow.script/1', name: 's', start: '2026-01-05T09:00:00Z', contacts: [{ id: 'dana' }], events: [], expect: [expectation] });
    expect(parseScriptDocument(script({ contact: 'dana', hasTag: 'vip' })).ok).toBe(true);
    expect(parseScriptDocument(script({ contact: 'dana', field: 'stage', equals: '' })).ok).toBe(true);
    const missing = parseScriptDocument(script({ contact: 'dana', field: 'stage' }));
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.path)).toEqual(['$.expect[0].equals']);
    const empty = parseScriptDocument(script({ contact: 'dana', lacksTag: '' }));
    expect(empty.ok ? [] : empty.issues.map((issue) => issue.path)).toEqual(['$.expect[0].lacksTag']);
  });
});
