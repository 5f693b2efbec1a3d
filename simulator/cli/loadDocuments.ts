import { readFileSync } from 'node:fs';
import { parseJson, parseScriptDocument, parseWorkflowDocument, type DocumentIssue, type ParseResult } from '../schema/parseDocument.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';

/** A problem with an input file, ready to print as `file: $.path: message`. */
export interface FileProblem extends DocumentIssue {
  readonly file: string;
}

export function formatFileProblem(problem: FileProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

function load<T>(file: string, parse: (raw: unknown) => ParseResult<T>): { value?: T; problems: FileProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    return { problems: [{ file, path: '$', message: `Cannot read: ${why}` }] };
  }
  const json = parseJson(text);
  const parsed = json.ok ? parse(json.value) : json;
  if (!parsed.ok) return { problems: parsed.issues.map((issue) => ({ file, ...issue })) };
  return { value: parsed.value, problems: [] };
}

export function loadWorkflowFile(file: string) {
  return load<Workflow>(file, parseWorkflowDocument);
}

export function loadScriptFile(file: string) {
  return load<Script>(file, parseScriptDocument);
}
