import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { describeSchema, valueLabel, valuesOf } from './describeSchema.ts';
import { readDocumentAt } from './documentReader.ts';
import { schemasAt } from './schemaAt.ts';
import { scriptSchema } from './scriptSchema.ts';

/** Where a completion goes: over the string being typed (both its quotes), or over the bare word before the cursor. */
function replacedRange(context: CompletionContext, stringNode: { offset: number; length: number } | undefined): { from: number; to: number } | null {
  if (stringNode && stringNode.offset < context.pos && context.pos <= stringNode.offset + stringNode.length) {
    return { from: stringNode.offset, to: stringNode.offset + stringNode.length };
  }
  const word = context.matchBefore(/[\w.$-]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return { from: word.from, to: word.to };
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
        options.push({ label: JSON.stringify(key), displayLabel: key, apply: `${JSON.stringify(key)}: `, type: 'property', detail: required ? 'required' : undefined, info: describeSchema([property]) || undefined, boost: required ? 1 : 0 });
      }
    }
  } else {
    options = valuesOf(schemasAt(scriptSchema, location.path, valueAt)).map((value) => ({
      label: JSON.stringify(value),
      type: typeof value === 'string' ? 'enum' : 'keyword',
      detail: valueLabel(value),
    }));
  }
  if (options.length === 0) return null;
  return { ...range, options, validFor: /^"?[\w.$-]*"?$/ };
}
