import type { z } from 'zod';
import { SCRIPT_FORMAT, scriptSchema, type Script } from './script.ts';
import { WORKFLOW_FORMAT_VERSION, workflowSchema, type Workflow } from './workflow.ts';
import { migrateWorkflow } from './workflowMigrations.ts';
import { isMissingIssue } from './plainMessages.ts';

/** One thing wrong with a document, at a JSON path such as `$.steps[2].text`. */
export interface DocumentIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: DocumentIssue[] };

/** `['steps', 2, 'text']` → `$.steps[2].text`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Parses JSON text, reporting a syntax error as an issue at `$` rather than throwing. */
export function parseJson(text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path: '$', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
}

function issuesOf(error: z.ZodError): DocumentIssue[] {
  return error.issues.flatMap((issue) => closestIssues(issue, [])).map((issue) => ({ path: formatJsonPath(issue.path), message: describeIssue(issue) }));
}


/**
 * A value that matches no option of a plain union (an expectation with `"reason": "outgoing"`) is
 * reported as the option it comes closest to — the one it lacks the fewest fields of, then the one
 * with the fewest problems — with that option's own problems at their own paths, instead of one
 * "Invalid input" for the whole value. Paths are made whole (`under` is the path of the union).
 */
function closestIssues(issue: z.core.$ZodIssue, under: readonly PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...under, ...issue.path];
  if (issue.code !== 'invalid_union' || ('discriminator' in issue && issue.discriminator) || issue.errors.length === 0) return [{ ...issue, path }];
  const missing = (option: readonly z.core.$ZodIssue[]) => option.filter(isMissingIssue).length;
  const score = (option: readonly z.core.$ZodIssue[]) => missing(option) * 1000 + option.length;
  const closest = issue.errors.reduce((best, option) => (score(option) < score(best) ? option : best));
  // Lacking fields of two options alike, with as many problems, the value is not near any one of them: say so, whole.
  const ambiguous = missing(closest) > 0 && issue.errors.filter((option) => score(option) === score(closest)).length > 1;
  return ambiguous ? [{ ...issue, path }] : closest.flatMap((inner) => closestIssues(inner, path));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator)
    return `Unknown ${String(issue.discriminator)}: ${issue.message}`;
  if (issue.code === 'invalid_union') return 'Matches none of the forms this value can take (see the JSON Schema)';
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length === 1
      ? `Unknown field "${issue.keys[0]}": not part of the format (a typo?)`
      : `Unknown fields ${issue.keys.map((key) => `"${key}"`).join(', ')}: not part of the format (typos?)`;
  return issue.message;
}

const FORMAT = /^exitflow\.(workflow|script)\/(\d+)$/;

function checkFormat(raw: unknown, kind: 'workflow' | 'script', current: number): DocumentIssue | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { path: '$', message: `Expected a JSON object (an exitflow ${kind})` };
  const format = (raw as { format?: unknown }).format;
  const match = typeof format === 'string' ? FORMAT.exec(format) : null;
  if (!match || match[1] !== kind)
    return { path: '$.format', message: `Not an exitflow ${kind}: "format" must be "exitflow.${kind}/${current}"` };
  if (Number(match[2]) < 1)
    return { path: '$.format', message: `Unknown ${kind} format ${format}: the first format is exitflow.${kind}/1` };
  if (Number(match[2]) > current)
    return {
      path: '$.format',
      message: `This ${kind} was made by a newer version of exitflow (format ${format}); this version reads up to exitflow.${kind}/${current}. Update exitflow to open it.`,
    };
  return null;
}

/** Parses a Workflow document of any known format version, migrating older ones first. */
export function parseWorkflowDocument(raw: unknown): ParseResult<Workflow> {
  const formatIssue = checkFormat(raw, 'workflow', WORKFLOW_FORMAT_VERSION);
  if (formatIssue) return { ok: false, issues: [formatIssue] };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateWorkflow(raw as Record<string, unknown>);
  } catch (error) {
    return { ok: false, issues: [{ path: '$.format', message: `Cannot read this older format: ${(error as Error).message}` }] };
  }
  const parsed = workflowSchema.safeParse(migrated);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** Parses a script document. */
export function parseScriptDocument(raw: unknown): ParseResult<Script> {
  const formatIssue = checkFormat(raw, 'script', Number(SCRIPT_FORMAT.split('/')[1]));
  if (formatIssue) return { ok: false, issues: [formatIssue] };
  const parsed = scriptSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

