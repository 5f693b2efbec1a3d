import { findNodeAtLocation, getLocation, getNodeValue, parseTree, type Location } from 'jsonc-parser';
import type { ValueAt } from './schemaAt.ts';

/** One reading of the JSON text around a position: where it is, and the document's values by path (read once, on demand). */
export interface DocumentReader {
  readonly location: Location;
  readonly valueAt: ValueAt;
}

/** Reads a broken or half-typed document as far as it goes: completions are asked for while typing. */
export function readDocumentAt(text: string, position: number): DocumentReader {
  let root: ReturnType<typeof parseTree> | null = null;
  return {
    location: getLocation(text, position),
    valueAt: (path) => {
      root ??= parseTree(text, [], { allowTrailingComma: true }) ?? null;
      const node = root ? findNodeAtLocation(root, [...path]) : undefined;
      return node ? (getNodeValue(node) as unknown) : undefined;
    },
  };
}
