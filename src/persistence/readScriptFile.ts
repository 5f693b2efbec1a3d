import { parseJson, parseScriptDocument, type ParseResult } from '../../simulator/schema/parseDocument.ts';
import { LIMITS } from '../../simulator/schema/limits.ts';
import type { Script } from '../../simulator/schema/script.ts';
import { fileSlug } from '../common/fileSlug.ts';

/** The largest script file read: the same cap as the command line's (simulator/schema/limits.ts). */
export const MAX_SCRIPT_FILE_BYTES = LIMITS.scriptFileBytes;

/**
 * Reads a script file chosen for import: its size, its JSON, its format and every field. Returns
 * every problem with its JSON path, or the script; never throws.
 */
export function readScriptFile(text: string, sizeBytes = new Blob([text]).size): ParseResult<Script> {
  const tooLarge = scriptFileTooLarge(sizeBytes);
  if (tooLarge) return tooLarge;
  const json = parseJson(text);
  return json.ok ? parseScriptDocument(json.value) : json;
}

/** The refusal of a file too large to be a script, checked before its text is read; `null` when it may be one. */
export function scriptFileTooLarge(sizeBytes: number): Extract<ParseResult<Script>, { ok: false }> | null {
  if (sizeBytes <= MAX_SCRIPT_FILE_BYTES) return null;
  return {
    ok: false,
    issues: [{ path: '$', message: `The file is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; a script file is at most ${MAX_SCRIPT_FILE_BYTES / 1024 / 1024} MB. Is it the right file?` }],
  };
}

/** The file a script is exported as: its JSON, pretty-printed, as the CLI and the simulator read it. */
export function scriptFileText(script: Script): string {
  return `${JSON.stringify(script, null, 2)}\n`;
}

/** A file name for the export: `contact-replies.script.json`. */
export function scriptFileName(script: Script): string {
  return `${fileSlug(script.name) || 'script'}.script.json`;
}
