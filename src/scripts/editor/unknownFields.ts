import { formatJsonPath, type DocumentIssue } from '../../../simulator/schema/parseDocument.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields of a draft the schema dropped when it parsed it: a typo such as `"reasn"` would
 * otherwise vanish on Save, and the saved script check less than was written. `$schema` at the top
 * (the editor hint of the bundled files) is not one.
 *
 * @example unknownFields({ expect: [{ contact: 'a', neverSent: 'x', reasn: 'manual' }] }, parsed) // at $.expect[0]: "reasn"
 */
export function unknownFields(draft: unknown, parsed: unknown, path: readonly (string | number)[] = []): DocumentIssue[] {
  if (Array.isArray(draft) && Array.isArray(parsed)) return draft.flatMap((item, i) => unknownFields(item, parsed[i], [...path, i]));
  if (!isObject(draft) || !isObject(parsed)) return [];
  return Object.keys(draft).flatMap((key) => {
    if (key in parsed) return unknownFields(draft[key], parsed[key], [...path, key]);
    if (path.length === 0 && key === '$schema') return [];
    // Told on the object that holds it (the event, the expectation): that is where the form can show it.
    return [{ path: formatJsonPath(path), message: `Unknown field "${key}": not part of the script format, so it would be dropped on save (a typo?)` }];
  });
}
