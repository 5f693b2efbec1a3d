import type { Diagnostic } from '@codemirror/lint';
import { checkScriptDraft } from '../checkScriptDraft.ts';
import { jsonSyntaxError } from '../jsonSyntaxError.ts';
import { jsonPathLocator } from './jsonPathRange.ts';
import { syntaxErrorRange } from './syntaxErrorRange.ts';

/**
 * The problems of the JSON text, each at its place: the same check, with the same words, as the
 * form's (`checkScriptDraft` on the parsed text, or the syntax error while it does not parse), so
 * editing the JSON is as safe as editing the form.
 */
export function scriptDiagnostics(text: string): Diagnostic[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = jsonSyntaxError(text, error);
    return [{ ...syntaxErrorRange(text, message), severity: 'error', source: 'JSON', message: `Not valid JSON. ${message}` }];
  }
  const { issues } = checkScriptDraft({ document, syntaxError: null });
  if (issues.length === 0) return [];
  const rangeOf = jsonPathLocator(text);
  return issues.map((issue) => ({ ...rangeOf(issue.path), severity: 'error', source: issue.where, message: issue.message }));
}
