import { describe, expect, it } from 'vitest';
import { describeIssuePath } from '../../../../../src/parts/scripts/editor/describeIssuePath.ts';

describe('describeIssuePath: where a problem is, in the form’s words', () => {
  it.each([
    ['$.events[3].user', 'Event 4 · User'],
    ['$.events[0].at', 'Event 1 · Time'],
    ['$.name', 'Name'],
    ['$.timezone', 'Time zone'],
    ['$.contacts', 'Contacts'],
    ['$.contacts[1].id', 'Contact 2 · ID'],
    ['$.users[0].role', 'User 1 · Role'],
    ['$.expect[2].atStep', 'Expectation 3 · At step'],
    ['$.expect[0].hasTag', 'Expectation 1 · Tag'],
    ['$.expect[1].lacksTag', 'Expectation 2 · Tag'],
    ['$.expect[2].field', 'Expectation 3 · Field'],
    ['$.expect[2].equals', 'Expectation 3 · Value'],
    ['$.population.contacts', 'Population · Number of contacts'],
    ['$.population.seed', 'Population · Seed'],
    ['$.contacts[0].tags[1]', 'Contact 1 · Tag 2'],
    ['$.contacts[0].fields["first name"]', 'Contact 1 · Fields · first name'],
    ['$.events[2]', 'Event 3'],
    ['$.contacts[0].fields.constructor', 'Contact 1 · Fields · constructor'],
    ['$', 'Script'],
  ])('%s → %s', (path, where) => {
    expect(describeIssuePath(path)).toBe(where);
  });
});
