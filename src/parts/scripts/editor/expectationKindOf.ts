/** The three kinds of expectation (SPEC §6): a run's status, a message sent, a message never sent. */
export type ExpectationKind = 'status' | 'sent' | 'neverSent';

/** Which kind an expectation row is, by its keys, as the schema's union tells them apart. */
export function expectationKindOf(row: Readonly<Record<string, unknown>>): ExpectationKind {
  if ('sent' in row) return 'sent';
  if ('neverSent' in row) return 'neverSent';
  return 'status';
}
