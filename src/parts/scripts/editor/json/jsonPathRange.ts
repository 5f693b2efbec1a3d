import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { jsonPathSegments } from './jsonPathSegments.ts';

/** A span of the JSON text, in UTF-16 offsets (what CodeMirror and JSON.parse count). */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** Where a node is drawn: a scalar with its key (`"user": "bob"`), an object or list by its key or opening bracket only, so a problem of a whole event does not underline twenty lines. */
function rangeOfNode(node: Node): TextRange {
  const property = node.parent?.type === 'property' ? node.parent : null;
  const key = property?.children?.[0];
  if (node.type === 'object' || node.type === 'array') {
    return key ? { from: key.offset, to: key.offset + key.length } : { from: node.offset, to: node.offset + 1 };
  }
  const from = key && property.children?.[1] === node ? key.offset : node.offset;
  return { from, to: node.offset + node.length };
}

/**
 * Where the value at a JSON path (`$.events[3].user`, as the schema's problems give it) is in the
 * text, so a problem can be shown at its place. A value that is missing (a required field left out)
 * is shown at the nearest place that exists: its object. Reads broken text as far as it can.
 *
 * @example jsonPathRange('{"events": [{"at": 5}]}', '$.events[0].at') // { from: 13, to: 20 }: `"at": 5`
 */
export function jsonPathRange(text: string, path: string): TextRange {
  return jsonPathLocator(text)(path);
}

/** `jsonPathRange` for many paths of one text, which is read once (a large script has many problems). */
export function jsonPathLocator(text: string): (path: string) => TextRange {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return (path) => {
    if (!root) return { from: 0, to: Math.min(1, text.length) };
    const segments = jsonPathSegments(path);
    for (let length = segments.length; length > 0; length -= 1) {
      const node = findNodeAtLocation(root, segments.slice(0, length));
      if (node) return rangeOfNode(node);
    }
    return rangeOfNode(root);
  };
}
