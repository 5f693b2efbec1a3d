import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCRIPT_FILE_BYTES, readScriptFile, scriptFileName, scriptFileText } from '../../../src/persistence/readScriptFile.ts';

const exampleText = readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/contact-replies.script.json'), 'utf8');

function issuesOf(result: ReturnType<typeof readScriptFile>) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('readScriptFile', () => {
  it('reads an example script, and its export reads back the same', () => {
    const read = readScriptFile(exampleText);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(readScriptFile(scriptFileText(read.value))).toEqual(read);
    expect(scriptFileText(read.value).endsWith('}\n')).toBe(true);
  });

  it('names every problem with its JSON path', () => {
    const json = JSON.parse(exampleText) as { events: Record<string, unknown>[] };
    json.events[0] = { ...json.events[0], contact: 'nobody', at: 'soon' };
    const issues = issuesOf(readScriptFile(JSON.stringify(json)));
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['$.events[0].at', '$.events[0].contact']));
  });

  it('refuses text that is not JSON, another kind of document, and a file too large to be a script', () => {
    expect(issuesOf(readScriptFile('{ "format": '))[0]?.message).toMatch(/^Not valid JSON/);
    expect(issuesOf(readScriptFile(JSON.stringify({ format: 'exitflow.workflow/2' })))[0]).toEqual({ path: '$.format', message: expect.stringContaining('Not an exitflow script') });
    expect(issuesOf(readScriptFile(exampleText, MAX_SCRIPT_FILE_BYTES + 1))[0]?.message).toMatch(/a script file is at most 64 MB/);
  });

  it('names the file after the script', () => {
    const read = readScriptFile(exampleText);
    if (!read.ok) throw new Error('unreadable');
    expect(scriptFileName({ ...read.value, name: 'Contact replies — après 3h' })).toBe('contact-replies-apres-3h.script.json');
    expect(scriptFileName({ ...read.value, name: '!!!' })).toBe('script.script.json');
  });
});
