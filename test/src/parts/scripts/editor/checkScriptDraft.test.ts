import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScriptDraft } from '../../../../../src/parts/scripts/editor/checkScriptDraft.ts';
import { issuesByPath } from '../../../../../src/parts/scripts/editor/issuesByPath.ts';

/** The "agent takes over" example as its file holds it. */
const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../../public/examples/hot-lead/agent-takes-over.script.json'), 'utf8')) as Record<string, unknown> & { events: Record<string, unknown>[] };

describe('checkScriptDraft: the draft’s problems, by the script schema', () => {
  it('gives the parsed script when there are none, with the schema’s defaults', () => {
    const check = checkScriptDraft({ document: example(), syntaxError: null });
    expect(check.issues).toEqual([]);
    expect(check.script?.name).toBe('Hot lead: agent takes over');
    expect(check.script?.timezone).toBe('UTC');
  });

  it('places each problem at its path, with where it is in the form’s words', () => {
    const document = example();
    document.events[3] = { ...document.events[3], user: 'zed' };
    const check = checkScriptDraft({ document, syntaxError: null });
    expect(check.script).toBeNull();
    expect(check.issues).toEqual([{ path: '$.events[3].user', where: 'Event 4 · User', message: 'No user "zed" in "users"' }]);
    const issuesAt = issuesByPath(check.issues);
    expect(issuesAt(['events', 3, 'user']).map((issue) => issue.message)).toEqual(['No user "zed" in "users"']);
    expect(issuesAt(['events', 3, 'to'])).toEqual([]);
  });

  it('gives, on request, the problems inside a place too (a contact’s tags, which the form has no field for)', () => {
    const issuesAt = issuesByPath([
      { path: '$.contacts[0].tags[1]', where: 'Contact 1 · Tags', message: 'a' },
      { path: '$.contacts[0].tags', where: 'Contact 1 · Tags', message: 'b' },
      { path: '$.contacts[0].tagsExtra', where: '', message: 'not inside' },
      { path: '$.contacts[1].tags[0]', where: 'Contact 2 · Tags', message: 'other contact' },
    ]);
    expect(issuesAt(['contacts', 0, 'tags']).map((issue) => issue.message)).toEqual(['b']);
    expect(issuesAt(['contacts', 0, 'tags'], 'within').map((issue) => issue.message)).toEqual(['a', 'b']);
  });

  it('groups several problems at one path', () => {
    const issuesAt = issuesByPath([
      { path: '$.name', where: 'Name', message: 'a' },
      { path: '$.name', where: 'Name', message: 'b' },
      { path: '$.start', where: 'Start', message: 'c' },
    ]);
    expect(issuesAt(['name']).map((issue) => issue.message)).toEqual(['a', 'b']);
  });

  it('reports a document that is not a script', () => {
    expect(checkScriptDraft({ document: 42, syntaxError: null }).issues).toEqual([{ path: '$', where: 'Script', message: 'Expected a JSON object (an exitflow script)' }]);
  });

  it('while the JSON text does not parse, reports its syntax error alone (the last document is not what is typed)', () => {
    const check = checkScriptDraft({ document: example(), syntaxError: 'Line 1, column 2: Unexpected end' });
    expect(check).toEqual({ script: null, issues: [{ path: '$', where: 'JSON', message: 'Line 1, column 2: Unexpected end' }] });
  });

  it('holds a field the schema would drop as a problem of the object that has it (a typo), but not the files’ $schema', () => {
    const document = example();
    document.events[0] = { ...document.events[0], txet: 'Hi' };
    document.expect = [{ contact: 'dana', neverSent: 'x', reasn: 'manual' }];
    const check = checkScriptDraft({ document, syntaxError: null });
    expect(check.script).toBeNull();
    expect(check.issues.map((issue) => [issue.path, issue.where])).toEqual([
      ['$.events[0]', 'Event 1'],
      ['$.expect[0]', 'Expectation 1'],
    ]);
    expect(check.issues[0]?.message).toBe('Unknown field "txet": not part of the format (a typo?)');
    expect(example().$schema).toBeDefined();
  });

  it('places a tag or field expectation’s problem at the form field that edits it, in the schema’s words', () => {
    const document = example();
    document.expect = [
      { contact: 'dana', hasTag: '' },
      { contact: 'dana', lacksTag: 'x'.repeat(65) },
      { contact: 'dana', field: 'stage' },
    ];
    const check = checkScriptDraft({ document, syntaxError: null });
    expect(check.issues.map((issue) => [issue.where, issue.message])).toEqual([
      ['Expectation 1 · Tag', 'Must not be empty'],
      ['Expectation 2 · Tag', 'At most 64 characters'],
      ['Expectation 3 · Value', 'Required: text'],
    ]);
    const issuesAt = issuesByPath(check.issues);
    expect(issuesAt(['expect', 0, 'hasTag'])).toHaveLength(1);
    expect(issuesAt(['expect', 2, 'equals'])).toHaveLength(1);
  });
});
