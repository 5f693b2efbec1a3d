import type { Tooltip } from '@codemirror/view';
import { describeSchema, valueLabel } from './describeSchema.ts';
import { readDocumentAt } from './documentReader.ts';
import { schemasAt } from './schemaAt.ts';
import { scriptSchema } from './scriptSchema.ts';

/** A hover doc: the key or value it is about, and what it says. */
export interface HoverDoc {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * What the published schema says of the key or value at a position of the script (description,
 * type, allowed values, default), and an event type's name in the form; null between values.
 *
 * @example scriptHoverDoc('{"users": [{"role": "agent"}]}', 14)?.text // 'string\nOne of: "owner", "manager", "agent"\nDefault: "agent"'
 */
export function scriptHoverDoc(text: string, position: number): HoverDoc | null {
  const { location, valueAt } = readDocumentAt(text, position);
  const node = location.previousNode;
  if (!node || position < node.offset || position > node.offset + node.length || location.path.length === 0) return null;
  const schemas = schemasAt(scriptSchema, location.path, valueAt);
  const lines = [describeSchema(schemas), location.isAtPropertyKey ? undefined : valueLabel(node.value)].filter(Boolean);
  if (lines.length === 0) return null;
  return { from: node.offset, to: node.offset + node.length, text: lines.join('\n') };
}

/** The hover doc as CodeMirror's tooltip above the key or value. */
export function scriptHover(text: string, position: number): Tooltip | null {
  const doc = scriptHoverDoc(text, position);
  if (!doc) return null;
  return {
    pos: doc.from,
    end: doc.to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'script-json__hover';
      dom.textContent = doc.text;
      return { dom };
    },
  };
}
