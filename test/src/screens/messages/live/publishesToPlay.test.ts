import { describe, expect, it } from 'vitest';
import type { StoredPublish } from '../../../../../src/persistence/publishedVersions.ts';
import { publishesToPlay } from '../../../../../src/screens/messages/live/publishesToPlay.ts';
import { followUpWorkflow, noExits, nurtureWorkflow } from '../../../../harness/workflowFixtures.ts';

const followUp = followUpWorkflow(noExits(true));
const nurture = nurtureWorkflow(noExits(true));
const stored = (id: number, document = followUp, policy: StoredPublish['policy'] = 'move'): StoredPublish => ({
  id,
  workflowId: document.id,
  createdAt: id,
  kind: 'publish',
  note: '',
  revision: id,
  document,
  policy,
});

describe('publishesToPlay', () => {
  it('plays the publishes of Workflows the session runs, oldest first, each known by its version record', () => {
    const { play, passedOver } = publishesToPlay([stored(9, nurture), stored(4), stored(7, followUp, 'stop')], () => false, [followUp, nurture]);
    expect(play.map(({ file, publish }) => [file, publish.policy])).toEqual([
      ['version-4', 'move'],
      ['version-7', 'stop'],
      ['version-9', 'move'],
    ]);
    expect(passedOver).toEqual([]);
  });

  it('plays none twice: a publish already seen (played, or on its way) is left alone', () => {
    const seen = new Set(['version-4']);
    expect(publishesToPlay([stored(4), stored(5)], (file) => seen.has(file), [followUp]).play.map(({ file }) => file)).toEqual(['version-5']);
  });

  it('passes over a publish of a Workflow the session does not run (its notice and Restart take it in)', () => {
    expect(publishesToPlay([stored(4, nurture), stored(5)], () => false, [followUp])).toMatchObject({ play: [{ file: 'version-5' }], passedOver: ['version-4'] });
  });
});
