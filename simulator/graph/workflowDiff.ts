import { STEP_KINDS, type Step } from '../schema/step.ts';
import type { Edge, Workflow } from '../schema/workflow.ts';

/** One field that differs, at a JSON-ish path inside its object (`delay.duration`, `paths[vip].label`), with both values in words. */
export interface FieldChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** A step as the diff names it: its id, its label and its kind in words ("Wait"). */
export interface StepRef {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
}

/** A step kept by id whose fields differ; named as the newer side has it. */
export interface ChangedStep extends StepRef {
  readonly changes: readonly FieldChange[];
}

/** A connection told by what it joins (its own id plays no part), with the nodes' labels on its side. */
export interface EdgeRef {
  /** Equal for two edges joining the same output to the same node. */
  readonly key: string;
  readonly source: string;
  readonly sourceHandle: string;
  readonly target: string;
  readonly sourceLabel: string;
  readonly targetLabel: string;
}

/** What differs between two versions of a Workflow, steps matched by id. */
export interface WorkflowDiff {
  readonly steps: {
    readonly added: readonly StepRef[];
    readonly removed: readonly StepRef[];
    readonly changed: readonly ChangedStep[];
    /** Ids of steps kept that stand elsewhere on the canvas (a move alone is not a change). */
    readonly moved: readonly string[];
  };
  readonly edges: { readonly added: readonly EdgeRef[]; readonly removed: readonly EdgeRef[] };
  readonly trigger: readonly FieldChange[];
  /** The When stopped entry: added, removed or relabelled. */
  readonly whenStopped: readonly FieldChange[];
  /** Stop settings: exit conditions and their actions, manual stop, after the stop, pause. */
  readonly settings: readonly FieldChange[];
  /** The Workflow's name and description. */
  readonly details: readonly FieldChange[];
}

const NOT_SET = 'not set';
const LONGEST_VALUE = 160;

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrimitive = (value: Json) => value === undefined || value === null || typeof value !== 'object';
const hasIds = (list: readonly Json[]): list is Record<string, Json>[] => list.every((item) => isRecord(item) && typeof item['id'] === 'string');

function clip(text: string): string {
  return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

/** A value in words: text in quotes, switches as on/off, lists joined, anything absent as "not set". */
function inWords(value: Json): string {
  if (value === undefined || value === null) return NOT_SET;
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : clip(value.map(inWords).join(', '));
  if (isRecord(value) && typeof value['label'] === 'string' && value['label'] !== '') return clip(JSON.stringify(value['label']));
  return clip(JSON.stringify(value));
}

function sameValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  // An absent field and one set to undefined are the same document.
  return (a === undefined || a === null) && (b === undefined || b === null);
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * Every leaf that differs between two JSON values, generically: objects by key, lists of objects
 * with ids by id (a Branch's paths), other lists of objects by place, lists of plain values as one
 * value. So a new kind of step, or a new field, is compared without a line here.
 */
function collectChanges(path: string, a: Json, b: Json, out: FieldChange[], skip: ReadonlySet<string> = NO_KEYS): void {
  if (sameValue(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !(key in a))];
    for (const key of keys) if (!skip.has(key)) collectChanges(join(path, key), a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !(a.every(isPrimitive) && b.every(isPrimitive))) {
    if (hasIds(a) && hasIds(b)) {
      const byIdAfter = new Map(b.map((item) => [item['id'] as string, item]));
      const idsBefore = new Set(a.map((item) => item['id'] as string));
      for (const item of a) collectChanges(`${path}[${String(item['id'])}]`, item, byIdAfter.get(item['id'] as string), out);
      for (const item of b) if (!idsBefore.has(item['id'] as string)) collectChanges(`${path}[${String(item['id'])}]`, undefined, item, out);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) collectChanges(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  out.push({ path: path === '' ? 'value' : path, before: inWords(a), after: inWords(b) });
}

const NO_KEYS: ReadonlySet<string> = new Set();
/** Where a node stands is not what it does: a move is reported apart (`moved`). */
const PLACE: ReadonlySet<string> = new Set(['position']);

function kindName(type: string): string {
  return (STEP_KINDS as Readonly<Record<string, { readonly name: string } | undefined>>)[type]?.name ?? type;
}

function stepRef(step: Step): StepRef {
  return { id: step.id, label: step.label, kind: kindName(step.type) };
}

function stepChanges(before: Step, after: Step): FieldChange[] {
  const changes: FieldChange[] = [];
  collectChanges('', before, after, changes, PLACE);
  // The kind by its name in the palette, not its type id.
  return changes.map((change) => (change.path === 'type' ? { path: 'type', before: kindName(before.type), after: kindName(after.type) } : change));
}

/** The first step of each id: a draft may hold two (the validator says so), and the diff must not fail on it. */
function stepsById(workflow: Workflow): Map<string, Step> {
  const byId = new Map<string, Step>();
  for (const step of workflow.steps) if (!byId.has(step.id)) byId.set(step.id, step);
  return byId;
}

function samePlace(a: Step['position'], b: Step['position']): boolean {
  return (a?.x ?? 0) === (b?.x ?? 0) && (a?.y ?? 0) === (b?.y ?? 0);
}

function nodeLabel(workflow: Workflow, steps: ReadonlyMap<string, Step>, id: string): string {
  const step = steps.get(id);
  if (step) return step.label === '' ? kindName(step.type) : step.label;
  if (id === workflow.trigger.id) return workflow.trigger.label === '' ? 'Trigger' : workflow.trigger.label;
  if (id === workflow.whenStopped?.id) return workflow.whenStopped.label === '' ? 'When stopped' : workflow.whenStopped.label;
  return id;
}

/** An edge's identity in a diff: what it joins (source, output, target), never its id. */
export function edgeKey(edge: Pick<Edge, 'source' | 'sourceHandle' | 'target'>): string {
  return JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
}

/** Edges of `from` beyond those `other` has (by what they join; a pair drawn twice counts twice). */
function extraEdges(from: Workflow, fromSteps: ReadonlyMap<string, Step>, other: Workflow): EdgeRef[] {
  const left = new Map<string, number>();
  for (const edge of other.edges) left.set(edgeKey(edge), (left.get(edgeKey(edge)) ?? 0) + 1);
  const extra: EdgeRef[] = [];
  for (const edge of from.edges) {
    const key = edgeKey(edge);
    const count = left.get(key) ?? 0;
    if (count > 0) {
      left.set(key, count - 1);
      continue;
    }
    extra.push({
      key,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      sourceLabel: nodeLabel(from, fromSteps, edge.source),
      targetLabel: nodeLabel(from, fromSteps, edge.target),
    });
  }
  return extra;
}

/**
 * What changed from one version of a Workflow to another: steps added, removed and changed (by
 * step id, each changed field with its path and both values in words; a move listed apart), edges
 * added and removed (by source, output and target), and the trigger, the When stopped entry, the
 * stop settings and the name. Pure, and total over valid documents and drafts alike.
 *
 * @example diffWorkflows(v1, v2).steps.changed[0] // { id: 'wait', label: 'Wait 2h', kind: 'Wait', changes: [{ path: 'delay.duration', before: '"24h"', after: '"2h"' }] }
 */
export function diffWorkflows(before: Workflow, after: Workflow): WorkflowDiff {
  const stepsBefore = stepsById(before);
  const stepsAfter = stepsById(after);
  const added: StepRef[] = [];
  const removed: StepRef[] = [];
  const changed: ChangedStep[] = [];
  const moved: string[] = [];
  for (const [id, old] of stepsBefore) {
    const now = stepsAfter.get(id);
    if (!now) {
      removed.push(stepRef(old));
      continue;
    }
    const changes = stepChanges(old, now);
    if (changes.length > 0) changed.push({ ...stepRef(now), changes });
    if (!samePlace(old.position, now.position)) moved.push(id);
  }
  for (const [id, step] of stepsAfter) if (!stepsBefore.has(id)) added.push(stepRef(step));

  const trigger: FieldChange[] = [];
  collectChanges('', before.trigger, after.trigger, trigger, PLACE);
  const whenStopped: FieldChange[] = [];
  const entry = (workflow: Workflow) => (workflow.whenStopped ? { id: workflow.whenStopped.id, label: workflow.whenStopped.label } : undefined);
  collectChanges('whenStopped', entry(before), entry(after), whenStopped);
  const settings: FieldChange[] = [];
  collectChanges('', before.settings, after.settings, settings);
  const details: FieldChange[] = [];
  collectChanges('', { name: before.name, description: before.description }, { name: after.name, description: after.description }, details);

  return {
    steps: { added, removed, changed, moved },
    edges: { added: extraEdges(after, stepsAfter, before), removed: extraEdges(before, stepsBefore, after) },
    trigger,
    whenStopped,
    settings,
    details,
  };
}

/** True when the two versions differ in nothing but where their nodes stand. */
export function isWorkflowDiffEmpty(diff: WorkflowDiff): boolean {
  const { steps, edges } = diff;
  return (
    steps.added.length + steps.removed.length + steps.changed.length + edges.added.length + edges.removed.length + diff.trigger.length + diff.whenStopped.length + diff.settings.length + diff.details.length ===
    0
  );
}
