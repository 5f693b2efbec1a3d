import type { Tooltip } from '@codemirror/view';
import { describeSchema, valueLabel } from './describeSchema.ts';
import { readDocumentAt } from './documentReader.ts';
import { schemasAt } from './schemaAt.ts';
import { scriptSchema } from './scriptSchema.ts';

/**
 * The hover doc of a key or value of the script: what the published schema says of that place
 * (description, type, allowed values, default), and an event type's name in the form.
 */
export function scriptHover(text: string, position: number): Tooltip | null {
  const { location, valueAt } = readDocumentAt(text, position);
  const node = location.previousNode;
  if (!node || position < node.offset || position > node.offset + node.length || location.path.length === 0) return null;
  const schemas = schemasAt(scriptSchema, location.path, valueAt);
  const lines = [describeSchema(schemas), location.isAtPropertyKey ? undefined : valueLabel(node.value)].filter(Boolean);
  if (lines.length === 0) return null;
  return {
    pos: node.offset,
    end: node.offset + node.length,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'script-json__hover';
      dom.textContent = lines.join('\n');
      return { dom };
    },
  };
}
