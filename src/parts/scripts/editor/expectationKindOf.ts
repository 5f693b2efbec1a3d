/**
 * The kinds of expectation: a run's status, a message sent or
 * never sent, and the contact at the end — a tag it has, a tag it lacks, a field's value.
 */
export type ExpectationKind = 'status' | 'sent' | 'neverSent' | 'hasTag' | 'lacksTag' | 'fieldEquals';

/**
 * Which kind an expectation row is, by its keys, as the schema's union tells them apart. A row
 * half-written in the JSON view ({contact, field} without equals) is the kind it is on its way to,
 * so the form shows the field it lacks rather than a run status it never meant.
 */
export function expectationKindOf(row: Readonly<Record<string, unknown>>): ExpectationKind {
  if ('sent' in row) return 'sent';
  if ('neverSent' in row) return 'neverSent';
  if ('hasTag' in row) return 'hasTag';
  if ('lacksTag' in row) return 'lacksTag';
  if ('field' in row || 'equals' in row) return 'fieldEquals';
  return 'status';
}
