import { jsonPathSegments } from './json/jsonPathSegments.ts';

/** Lists whose items people count: `events[3]` reads "Event 4". */
const ITEM_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    events: 'Event',
    contacts: 'Contact',
    users: 'User',
    expect: 'Expectation',
    tags: 'Tag',
  }),
);

/** Keys as the form labels them; a key not listed is shown as written (Maps: a contact field may be called `constructor`). */
const FIELD_LABELS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    format: 'Format',
    name: 'Name',
    start: 'Start',
    timezone: 'Time zone',
    users: 'Users',
    contacts: 'Contacts',
    events: 'Events',
    expect: 'Expectations',
    population: 'Population',
    at: 'Time',
    contact: 'Contact',
    type: 'Type',
    text: 'Text',
    user: 'User',
    to: 'To',
    workflow: 'Workflow',
    tag: 'Tag',
    field: 'Field',
    value: 'Value',
    id: 'ID',
    role: 'Role',
    restricted: 'Restricted',
    tags: 'Tags',
    fields: 'Fields',
    status: 'Status',
    reason: 'Reason',
    atStep: 'At step',
    sent: 'Message contains',
    neverSent: 'Message contains',
    hasTag: 'Tag',
    lacksTag: 'Tag',
    equals: 'Value',
    jitter: 'Jitter',
    seed: 'Seed',
  }),
);

/** Keys labelled differently where they sit: the population's `contacts` is a count, not the contact list. */
const NESTED_LABELS: ReadonlyMap<string, string> = new Map([['population.contacts', 'Number of contacts']]);

/**
 * Where a problem is, in the form's words: the path the schema reports, as people count and label.
 *
 * @example describeIssuePath('$.events[3].user') // 'Event 4 · User'
 */
export function describeIssuePath(path: string): string {
  const segments = jsonPathSegments(path);
  const parts: string[] = [];
  segments.forEach((segment, i) => {
    const previous = segments[i - 1];
    const item = typeof previous === 'string' ? ITEM_NAMES.get(previous) : undefined;
    if (typeof segment === 'string') parts.push(NESTED_LABELS.get(`${String(previous)}.${segment}`) ?? FIELD_LABELS.get(segment) ?? segment);
    // An index names the item in place of its list: `events[3]` is "Event 4", not "Events · #4".
    else if (item !== undefined) parts[parts.length - 1] = `${item} ${segment + 1}`;
    else parts.push(`#${segment + 1}`);
  });
  return parts.length > 0 ? parts.join(' · ') : 'Script';
}
