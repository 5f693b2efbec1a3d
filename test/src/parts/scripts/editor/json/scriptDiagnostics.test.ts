import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScriptDraft } from '../../../../../../src/parts/scripts/editor/checkScriptDraft.ts';
import { scriptDiagnostics } from '../../../../../../src/parts/scripts/editor/json/scriptDiagnostics.ts';

const example = readFileSync(join(import.meta.dirname, '../../../../../../public/examples/follow-up/contact-replies.script.json'), 'utf8');

describe('scriptDiagnostics: the form’s problems, each at its place in the JSON text', () => {
  it('has none for a valid script', () => {
    expect(scriptDiagnostics(example)).toEqual([]);
  });

  it('gives each problem the form shows, with its words, at the line of its JSON path', () => {
    const document = JSON.parse(example) as { events: Record<string, unknown>[] };
    document.events[1] = { ...document.events[1], at: 'soon' };
    const text = JSON.stringify(document, null, 2);
    const form = checkScriptDraft({ document, syntaxError: null }).issues;
    const inline = scriptDiagnostics(text);
    expect(inline.map((diagnostic) => diagnostic.message)).toEqual(form.map((issue) => issue.message));
    expect(inline.map((diagnostic) => diagnostic.source)).toEqual(['Event 2 · Time']);
    expect(text.slice(inline[0]?.from, inline[0]?.to)).toBe('"at": "soon"');
  });

  it('puts a syntax error at the character the message names', () => {
    const text = '{\n  "name": "x",\n  oops\n}';
    const [diagnostic, ...rest] = scriptDiagnostics(text);
    expect(rest).toEqual([]);
    expect(diagnostic?.message).toMatch(/^Not valid JSON\. Line 3, column 3: /);
    expect(text.slice(diagnostic?.from, diagnostic?.to)).toBe('o');
  });
});
