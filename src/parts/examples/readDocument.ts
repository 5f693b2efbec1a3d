import { parseJson, type ParseResult } from '../../../simulator/schema/parseDocument.ts';
import { nextTask } from '../../common/nextTask.ts';
import type { FetchText } from './fetchText.ts';
import type { FileProblem } from '../../ui/fileProblem.ts';

/** A parsed document and the file it came from. */
export interface LoadedDocument<T> {
  readonly file: string;
  readonly value: T;
}

export type DocumentRead<T> = { readonly ok: true; readonly document: LoadedDocument<T> } | { readonly ok: false; readonly problems: FileProblem[] };

/**
 * Loads a file and parses it as JSON, then with `parse` (a zod document parser), in a task of its
 * own. Every way it can go wrong — not found, not JSON, not a valid document — comes back as
 * problems naming the file and the JSON path.
 */
export async function readDocument<T>(fetchText: FetchText, file: string, parse: (raw: unknown) => ParseResult<T>): Promise<DocumentRead<T>> {
  const fetched = await fetchText(file);
  if (!fetched.ok) return { ok: false, problems: [{ file, path: '$', message: fetched.message }] };
  // Each document is parsed in a task of its own: a situation's files arrive together, and parsed
  // in one task they blocked a slow phone's page for a quarter of a second.
  await nextTask();
  const json = parseJson(fetched.text);
  const parsed = json.ok ? parse(json.value) : json;
  if (!parsed.ok) return { ok: false, problems: parsed.issues.map((issue) => ({ file, ...issue })) };
  return { ok: true, document: { file, value: parsed.value } };
}
