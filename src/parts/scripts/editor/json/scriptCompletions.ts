import { insertCompletionText, pickedCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { describeSchema, valueLabel, valuesOf } from './describeSchema.ts';
import { readDocumentAt } from './documentReader.ts';
import { schemasAt } from './schemaAt.ts';
import { scriptSchema } from './scriptSchema.ts';

/**
 * Where a completion goes: from the string being typed (its opening quote) or the bare word, to the
 * cursor — what is typed so far, which CodeMirror filters the options by.
 */
function replacedRange(context: CompletionContext, stringNode: { offset: number; length: number } | undefined): { from: number; to: number } | null {
  if (stringNode && stringNode.offset < context.pos && context.pos <= stringNode.offset + stringNode.length) {
    return { from: stringNode.offset, to: context.pos };
  }
  const word = context.matchBefore(/[\w.$-]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return { from: word.from, to: word.to };
}

/** The end of the string the cursor is in: its closing quote (which closeBrackets typed ahead), on the same line. */
function stringEnd(view: EditorView, from: number, to: number): number {
  if (view.state.sliceDoc(from, from + 1) !== '"') return to;
  const rest = view.state.sliceDoc(to, view.state.doc.lineAt(to).to);
  const closing = /^(?:[^"\\]|\\.)*"/.exec(rest);
  return closing ? to + closing[0].length : to;
}

/** Writes a completion over the whole string being typed, closing quote included, so none is left doubled. */
function overString(text: string) {
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    view.dispatch({ ...insertCompletionText(view.state, text, from, stringEnd(view, from, to)), annotations: pickedCompletion.of(completion) });
  };
}

/**
 * Completions from the published script schema: the property names an object may have (not those
 * it has), and the values a property allows (an event's `type`, a user's `role`, a boolean).
 */
export function scriptCompletions(context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString();
  const { location, valueAt } = readDocumentAt(text, context.pos);
  // A key being typed comes as its `property` node, spanning the key's string only.
  const previous = location.previousNode;
  const stringNode = previous?.type === 'string' || previous?.type === 'property' ? previous : undefined;
  const range = replacedRange(context, stringNode);
  if (!range) return null;
  let options: Completion[];
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const present = valueAt(objectPath);
    const typed = location.path.at(-1);
    const has = (key: string) => key !== typed && typeof present === 'object' && present !== null && key in present;
    const seen = new Set<string>();
    options = [];
    for (const schema of schemasAt(scriptSchema, objectPath, valueAt)) {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (seen.has(key) || has(key)) continue;
        seen.add(key);
        const required = schema.required?.includes(key) ?? false;
        options.push({ label: JSON.stringify(key), displayLabel: key, apply: overString(`${JSON.stringify(key)}: `), type: 'property', detail: required ? 'required' : undefined, info: describeSchema([property]) || undefined, boost: required ? 1 : 0 });
      }
    }
  } else {
    options = valuesOf(schemasAt(scriptSchema, location.path, valueAt)).map((value) => ({
      label: JSON.stringify(value),
      apply: overString(JSON.stringify(value)),
      type: typeof value === 'string' ? 'enum' : 'keyword',
      detail: valueLabel(value),
    }));
  }
  if (options.length === 0) return null;
  return { ...range, options, validFor: /^"?[\w.$-]*"?$/ };
}
