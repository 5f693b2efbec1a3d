import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScriptDraft } from '../../../../src/scripts/editor/checkScriptDraft.ts';
import { issuesByPath } from '../../../../src/scripts/editor/issuesByPath.ts';

/** The "agent takes over" example as its file holds it. */
const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../public/examples/hot-lead/agent-takes-over.script.json'), 'utf8')) as Record<string, unknown> & { events: Record<string, unknown>[] };

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
});
