import { describe, expect, it } from 'vitest';
import { expectationSchema } from '../../../../../simulator/schema/script.ts';
import { expectationKindOf } from '../../../../../src/parts/scripts/editor/expectationKindOf.ts';

describe('the kind of an expectation row', () => {
  it('tells each form of the schema apart by its keys', () => {
    const rows = [
      [{ contact: 'dana', workflow: 'Lead nurture', status: 'stopped', reason: 'outgoing_message' }, 'status'],
      [{ contact: 'dana', sent: 'Hi' }, 'sent'],
      [{ contact: 'dana', neverSent: 'Still interested?' }, 'neverSent'],
      [{ contact: 'dana', hasTag: 'handed-over' }, 'hasTag'],
      [{ contact: 'dana', lacksTag: 'nurture' }, 'lacksTag'],
      [{ contact: 'dana', field: 'stage', equals: 'human' }, 'fieldEquals'],
    ] as const;
    for (const [row, kind] of rows) {
      expect(expectationSchema.safeParse(row).success).toBe(true);
      expect(expectationKindOf(row)).toBe(kind);
    }
  });

  it('reads a field expectation half-written in the JSON view as one, not as a run status', () => {
    expect(expectationKindOf({ contact: 'dana', field: 'stage' })).toBe('fieldEquals');
    expect(expectationKindOf({ contact: 'dana', equals: 'human' })).toBe('fieldEquals');
    expect(expectationKindOf({ contact: 'dana' })).toBe('status');
  });
});
