import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LIMITS } from '../schema/limits.ts';
import { parseJson, parseScriptDocument, parseWorkflowDocument, type DocumentIssue, type ParseResult } from '../schema/parseDocument.ts';
import type { Script } from '../schema/script.ts';
import type { Workflow } from '../schema/workflow.ts';
import { escapeText } from '../trace/escapeText.ts';
import { formatCount } from '../schema/formatCount.ts';

/** A problem with an input file, ready to print as `file: $.path: message`. */
export interface FileProblem extends DocumentIssue {
  readonly file: string;
}

/**
 * One line, whatever the file name, path and message hold: a Workflow named "x\nfile: $: …"
 * cannot forge a second problem line (controls and bidi overrides are written as `\u{…}`).
 */
export function formatFileProblem(problem: FileProblem): string {
  return escapeText(`${problem.file}: ${problem.path}: ${problem.message}`);
}

const MB = 1024 * 1024;

/** Why a file cannot be read, or undefined when `stats` is a regular file within `maxBytes`. */
function refusal(stats: Stats, maxBytes: number): string | undefined {
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (!stats.isFile()) return 'is not a regular file';
  if (stats.size > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

function tooLarge(maxBytes: number): string {
  const size = maxBytes % MB === 0 ? `${maxBytes / MB} MB` : `${formatCount(maxBytes)} bytes`;
  return `is larger than ${size}, the most exitflow reads`;
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 text, or says why not. Only regular files:
 * a FIFO, a device (`/dev/zero`) or a folder is refused from its stat, before anything is read.
 * It is opened with O_NONBLOCK, so a FIFO swapped in after the first stat does not hang the open,
 * and checked again on the open descriptor. However big the file claims to be or grows meanwhile
 * (files in /proc say 0 bytes), no more than `maxBytes + 1` bytes are ever read: one more than
 * the cap tells that it is over.
 */
export function readTextFile(file: string, maxBytes: number): { ok: true; text: string } | { ok: false; why: string } {
  let fd: number | undefined;
  try {
    const before = refusal(statSync(file), maxBytes);
    if (before) return { ok: false, why: before };
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    const after = refusal(stats, maxBytes);
    if (after) return { ok: false, why: after };
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 1 << 16), maxBytes + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, why: tooLarge(maxBytes) };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, why: why(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file read and parsed: the document, or its problems; `chars`: how much text was read. */
export interface LoadedFile<T> {
  readonly value?: T;
  readonly problems: FileProblem[];
  readonly chars: number;
}

function load<T>(file: string, maxBytes: number, parse: (raw: unknown) => ParseResult<T>): LoadedFile<T> {
  const read = readTextFile(file, maxBytes);
  if (!read.ok) return { problems: [{ file, path: '$', message: `Cannot read: ${read.why}` }], chars: 0 };
  const chars = read.text.length;
  const json = parseJson(read.text);
  const parsed = json.ok ? parse(json.value) : json;
  if (!parsed.ok) return { problems: parsed.issues.map((issue) => ({ file, ...issue })), chars };
  return { value: parsed.value, problems: [], chars };
}

export function loadWorkflowFile(file: string) {
  return load<Workflow>(file, LIMITS.workflowFileBytes, parseWorkflowDocument);
}

export function loadScriptFile(file: string) {
  return load<Script>(file, LIMITS.scriptFileBytes, parseScriptDocument);
}

/**
 * The new versions a script's publishes name (`file`, relative to the script's folder), each read
 * once, as the engine takes them: by `file`. `chars` is what they hold together, for the caller's
 * cap on everything it reads.
 */
export function loadPublishedVersions(scriptFile: string, script: Script): { readonly versions: Record<string, Workflow>; readonly problems: FileProblem[]; readonly chars: number } {
  const versions: Record<string, Workflow> = {};
  const problems: FileProblem[] = [];
  let chars = 0;
  for (const event of script.events) {
    if (event.type !== 'workflow.publish' || Object.hasOwn(versions, event.file)) continue;
    const loaded = loadWorkflowFile(resolve(dirname(scriptFile), event.file));
    problems.push(...loaded.problems);
    if (loaded.value) versions[event.file] = loaded.value;
    chars += loaded.chars;
    // A thousand publishes of 4 MB files would be 4 GB: stop at the cap on all Workflow files.
    if (chars > LIMITS.workflowFilesChars) break;
  }
  return { versions, problems, chars };
}
