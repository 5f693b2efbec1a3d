import fc from 'fast-check';
import { LIMITS } from '../../simulator/schema/limits.ts';
import { WORKFLOW_FORMAT } from '../../simulator/schema/workflow.ts';
import { PROFILE } from './profile.ts';

/**
 * Hostile inputs for the fuzzing suite: Workflow documents, scripts, live commands and command
 * lines, as plain JSON values (what a file, an import or a message to the worker carries). A mix
 * of plausible and absurd, biased toward the boundaries of `simulator/schema/limits.ts` and of the
 * schemas' own maxima (64-character ids, 120-character names, 4,096-character texts).
 *
 * Arbitraries generate a compact *recipe* (counts, picks, mutations) that a `map` turns into the
 * document, so a shrunk counterexample stays readable ("32,768 filler users, then rita") and big
 * documents (100,000 contacts) cost no generation time.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// ── strings and numbers ──────────────────────────────────────────────────────────────────────

/** Characters that have broken text output elsewhere: line breaks that forge lines, bidi overrides, NUL, lone surrogates. */
const NASTY = ['\u0000', '\n', '\r\n', '\t', '\u001b[31m', '\u202e', '\u2066', '\u200b', '\ud800', '\udfff', '\uffff', '"', '\\', '$', '{{contact.name}}', '{{contact.fields.__proto__}}', 'file.json: $.steps[0]: forged'];

/** Lengths on either side of the schemas' maxima. */
const LENGTHS = [0, 1, 63, 64, 65, 119, 120, 121, 199, 200, 201, 1024, 1025, 2000, 2001, 4096, 4097];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('Hi', 'pricing', 'stop', 'Still there?', 'yes', '') },
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .record({ length: fc.oneof(fc.constantFrom(...LENGTHS), PROFILE.deep ? fc.constant(200_000) : fc.constant(5000)), char: fc.constantFrom('a', 'é', '\u202e', ' ', '😀', '\n') })
      .map(({ length, char }) => char.repeat(length)),
  },
);

/** Plausible text: valid wherever text goes (up to the 4,096-character maximum of a message). */
export const calmText: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('Hi', 'pricing', 'stop', 'Still there?', 'yes', 'Grüße 😀') },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '') },
);

/**
 * A world is calm or wild. A calm one is valid by the schemas (it may still be refused by the
 * validator: an unreachable step, a loop without a pause) and reaches the engine with values at
 * the limits; a wild one mixes in the absurd at every field, now and then (`ratio` : 1).
 */
const wild = <T, U = T>(h: boolean, calm: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>, ratio = 20): fc.Arbitrary<T | U> =>
  h ? fc.oneof({ weight: ratio, arbitrary: calm }, { weight: 1, arbitrary: hostile }) : calm;

const text = (h: boolean): fc.Arbitrary<string> => (h ? hostileText : calmText);

/** Ids: mostly valid and shared (so references meet), sometimes at or past their limits. */
export const idOf = (pool: readonly string[], h = true): fc.Arbitrary<string> =>
  wild(
    h,
    fc.constantFrom(...pool),
    fc.oneof(fc.constantFrom('a'.repeat(64), 'a'.repeat(65), '', ' ', 'a b', 'é', '__proto__', 'constructor', 'toString', '-', '.', '0'), hostileText),
    15,
  );

/** Numbers where numbers go wrong; some written as strings, as a careless export would. */
export const hostileNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(0, -0, 1, -1, 0.5, 2 ** 15, 2 ** 16, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, 5e-324),
  fc.constantFrom<Json>('NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '1_000', '١٢٣', ''),
  fc.integer().map((n): Json => n),
);

/** A value that is not what any field expects. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileNumber,
  hostileText,
  fc.constantFrom<Json>(null, true, false, [], {}, [null], { '': '' }),
  // A marker `mutate` expands (a deep value cannot cross to the sandbox thread, nor print, as itself).
  fc.record({ depth: fc.constantFrom(2, 64, 1000, 2500), kind: fc.constantFrom('array', 'object') }).map(({ depth, kind }): Json => ({ $nest: depth, kind })),
);

/** A value with its `$nest` marker made the deep value it stands for. */
export function expand(value: Json): Json {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.$nest === 'number')
    return nest(value.$nest, value.kind === 'array' ? 'array' : 'object');
  return value;
}

function nest(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 'deep';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Durations (Wait, timeout, jitter), biased to the horizon (`LIMITS.horizonMs`: 3650 days) and far past it. */
const HORIZON_DAYS = LIMITS.horizonMs / 86_400_000;
const CALM_DURATIONS = ['1h', '24h', '30m', '1d', '2h', '90s', '0s', '1s', '1d1h1m1s', '365d', `${HORIZON_DAYS}d`, `${HORIZON_DAYS * 24}h`, `${HORIZON_DAYS * 86_400}s`];
export const durationText = (h = true): fc.Arbitrary<string> =>
  wild(
    h,
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom('1h', '24h', '30m', '1d', '2h', '90s') }, { weight: 1, arbitrary: fc.constantFrom(...CALM_DURATIONS) }),
    fc.oneof(
      fc.constantFrom(
        '0', `${HORIZON_DAYS + 1}d`, `${HORIZON_DAYS * 24 + 1}h`, `${HORIZON_DAYS * 86_400 + 1}s`, '366000d', '200000000d', '100000000000000000d',
        '100000000000000000000d', `${'9'.repeat(400)}d`, '0d0h0m0s', '1x', '', '+1h', '-1s', '1.5h', '1e3s', '1h1d', ' 1h',
      ),
      fc
        .record({ d: fc.option(fc.nat()), h: fc.option(fc.nat()), m: fc.option(fc.nat()), s: fc.option(fc.nat()) })
        .map(({ d, h: hours, m, s }) => [d === null ? '' : `${d}d`, hours === null ? '' : `${hours}h`, m === null ? '' : `${m}m`, s === null ? '' : `${s}s`].join('') || '0s'),
    ),
    8,
  );

/** Offsets of script events: mostly the first hours, sometimes the horizon's edge and beyond. */
export const offsetText = (h = true): fc.Arbitrary<string> =>
  wild(
    h,
    fc.oneof(
      { weight: 16, arbitrary: fc.constantFrom('+0', '+1s', '+1m', '+1h', '+2h', '+1d', '+25h', '+3d') },
      { weight: 1, arbitrary: fc.constantFrom('+365d', '+365d1s', '+366d', `+${HORIZON_DAYS}d`, `+${HORIZON_DAYS * 24}h`) },
    ),
    fc.oneof(durationText(true).map((d) => `+${d}`), fc.constantFrom('0', '1h', '+', '+-1h', `+${HORIZON_DAYS}d1s`, '+NaN', '')),
    10,
  );

// ── mutations: unknown keys, wrong values, deleted fields ───────────────────────────────────

export type Mutation =
  | { readonly kind: 'unknownKey'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'delete'; readonly at: number };

const unknownKey = fc.constantFrom('reasn', '__proto__', 'constructor', 'prototype', 'toString', 'x-extra', '', '$schema', 'type ', 'valueOf');

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('unknownKey' as const), at: fc.nat(), key: fc.oneof(unknownKey, hostileText), value: hostileValue }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

/** Every place in a document (objects and arrays, then leaves), at most `max` of them, in a fixed order. */
function places(doc: Json, max = 2000): { parent: JsonObject | Json[]; key: string | number; value: Json }[] {
  const out: { parent: JsonObject | Json[]; key: string | number; value: Json }[] = [];
  const walk = (value: Json) => {
    if (out.length >= max || value === null || typeof value !== 'object') return;
    const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (out.length >= max) return;
      out.push({ parent: value, key, value: child });
      walk(child);
    }
  };
  walk(doc);
  return out;
}

/** Sets an own property, even one named `__proto__` (as `JSON.parse` would). */
function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a deep copy of `doc` (`at` picks a place, modulo the number of places). */
export function mutate(doc: JsonObject, mutations: readonly Mutation[]): JsonObject {
  const copy = JSON.parse(JSON.stringify(doc)) as JsonObject;
  for (const mutation of mutations) {
    const all = places(copy);
    if (mutation.kind === 'unknownKey') {
      const objects = [copy, ...all.map((p) => p.value).filter((v): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v))];
      const target = objects[mutation.at % objects.length] as JsonObject;
      setOwn(target, mutation.key, expand(mutation.value));
      continue;
    }
    if (all.length === 0) continue;
    const place = all[mutation.at % all.length] as (typeof all)[number];
    if (mutation.kind === 'replace') {
      if (Array.isArray(place.parent)) place.parent[place.key as number] = expand(mutation.value);
      else setOwn(place.parent, place.key as string, expand(mutation.value));
    } else if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else delete place.parent[place.key as string];
  }
  return copy;
}

const mutationsArb = (h: boolean) => wild(h, fc.constant([] as Mutation[]), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), 3);

// ── Workflows ────────────────────────────────────────────────────────────────────────────────

export const WORKFLOW_IDS = ['w0', 'w1', 'w2'] as const;
export const USER_IDS = ['alice', 'bob', 'rita'] as const;
export const CONTACT_IDS = ['dana', 'omar', 'c.1'] as const;
/** Users the generated scripts mark restricted (besides any restricted filler). */
export const RESTRICTED = 'rita';

type StepKind =
  | 'send' | 'ask' | 'wait' | 'waitUntil' | 'branch' | 'hours' | 'assign' | 'field' | 'tag' | 'comment' | 'open' | 'close' | 'trigger' | 'jump' | 'end';

interface StepRecipe {
  readonly kind: StepKind;
  readonly text: string;
  readonly duration: string;
  readonly timeout: string | null;
  readonly time: string;
  /** For a jump: which step (index modulo the count) it continues at; for a trigger: which Workflow. */
  readonly target: number;
  readonly label: string;
}

const stepKind: fc.Arbitrary<StepKind> = fc.constantFrom('send', 'send', 'ask', 'wait', 'wait', 'waitUntil', 'branch', 'hours', 'assign', 'field', 'tag', 'comment', 'open', 'close', 'trigger', 'jump', 'jump', 'end');

/** A Wait's duration: the services get only slow loops in the light generation of the default profile (see `profile.ts`). */
const waitDuration = (light: boolean, h: boolean): fc.Arbitrary<string> =>
  light
    ? wild(h, fc.constantFrom('1h', '1d', '2h', '24h', `${HORIZON_DAYS}d`), durationText(true).filter((d) => !/^(0|\d+[sm]|0[dhms].*)$/.test(d)), 8)
    : fc.oneof({ weight: 2, arbitrary: fc.constantFrom('1s', '0s', '1m', '1h') }, { weight: 3, arbitrary: durationText(h) });

const stepRecipe = (light: boolean, h: boolean): fc.Arbitrary<StepRecipe> =>
  fc.record({
    kind: stepKind,
    text: text(h),
    duration: waitDuration(light, h),
    timeout: fc.option(light ? waitDuration(light, h) : durationText(h), { freq: 2 }),
    time: wild(h, fc.constantFrom('09:00', '02:30', '00:00', '23:59', '17:00'), fc.constantFrom('24:00', '9:00', '12:60', ''), 40),
    target: fc.nat({ max: 40 }),
    label: wild(h, fc.constantFrom('', 'Step', 'a'.repeat(120), '\u202eevil'), hostileText),
  });

export interface WorkflowRecipe {
  readonly id: string;
  readonly name: string;
  readonly trigger: string;
  readonly oncePerContact: boolean;
  readonly steps: readonly StepRecipe[];
  /** The number of steps, with Sends added: 0 (as generated), or at and past the 1,000-steps-per-instant guard and the 5,000-step maximum. */
  readonly fillerSteps: number;
  readonly manualStop: boolean;
  readonly exits: readonly string[];
  readonly exitsEnabled: boolean;
  /** The When stopped path: its steps in a chain, or none; `null` for no entry. */
  readonly whenStopped: readonly WhenStoppedStep[] | null;
  /** `settings.afterStop`, or none. */
  readonly afterStop: { readonly reentry: string; readonly wait: string | null; readonly reasons: readonly string[] | null } | null;
  /** Conditions that pause the run instead of stopping it, and how a paused run resumes (absent: never set). */
  readonly pause: { readonly conditions: readonly string[]; readonly resume: string | null } | null;
  readonly mutations: readonly Mutation[];
}

/** A step of the When stopped path: a kind allowed there, the Stop reason branch (going on at one reason, else ending), or — hostile — a Wait, which the validator refuses. */
interface WhenStoppedStep {
  readonly kind: 'send' | 'tag' | 'field' | 'comment' | 'assign' | 'close' | 'why' | 'end' | 'wait';
  readonly reason: string;
  readonly text: string;
}

const STOP_REASONS = ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment'];

const whenStoppedStep = (h: boolean): fc.Arbitrary<WhenStoppedStep> =>
  fc.record({
    kind: wild(h, fc.constantFrom('send', 'tag', 'tag', 'field', 'comment', 'assign', 'close', 'why', 'why', 'end'), fc.constant('wait'), 15),
    reason: fc.constantFrom(...STOP_REASONS),
    text: text(h),
  }) as fc.Arbitrary<WhenStoppedStep>;

const afterStopArb = (h: boolean): fc.Arbitrary<WorkflowRecipe['afterStop']> =>
  fc.option(
    fc.record({
      reentry: wild(h, fc.constantFrom('allow', 'never', 'after', 'after'), fc.constantFrom('sometimes', '')),
      wait: fc.option(wild(h, fc.constantFrom('1h', '2h', '1d', '7d'), durationText(true)), { freq: 4 }),
      reasons: fc.option(fc.subarray(STOP_REASONS, { minLength: 1 }), { freq: 2 }),
    }),
    { freq: 2 },
  );

const EXIT_CONDITIONS = ['outgoing_message', 'incoming_message', 'manual_assignment'];

/** Which exit conditions pause instead of stop, and the resume rule: silence for a while, the conversation closed, or (wild) nonsense. */
const pauseArb = (h: boolean): fc.Arbitrary<WorkflowRecipe['pause']> =>
  fc.option(
    fc.record({
      conditions: fc.subarray(EXIT_CONDITIONS, { minLength: 1 }),
      resume: fc.option(wild(h, fc.constantFrom('silence 2h', 'silence 1m', 'silence 7d', 'conversation_closed'), fc.constantFrom('silence 0s', 'silence never', 'sometimes')), { freq: 6 }),
    }),
    { freq: 2 },
  );

const TRIGGERS = ['incoming_message', 'incoming_message', 'incoming_message', 'conversation_opened', 'conversation_closed', 'shortcut', 'tag_updated', 'field_updated', 'workflow_started'];

export const workflowRecipe = (index: number, light: boolean, h: boolean): fc.Arbitrary<WorkflowRecipe> =>
  fc.record({
    id: wild(h, fc.constant(WORKFLOW_IDS[index % WORKFLOW_IDS.length] as string), idOf(WORKFLOW_IDS), 9),
    name: wild(h, fc.constantFrom(`Workflow ${index}`, `${'W'.repeat(118)} ${index}`), hostileText),
    trigger: wild(h, fc.constantFrom(...TRIGGERS), fc.constantFrom('outgoing', '', 'Incoming_message')),
    oncePerContact: fc.boolean(),
    steps: fc.array(stepRecipe(light, h), { minLength: 0, maxLength: 8 }),
    fillerSteps: fc.oneof(
      { weight: 15, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(10, 999, 1000, 1001, 1002, LIMITS.steps) },
      ...(h ? [{ weight: 1, arbitrary: fc.constant(LIMITS.steps + 1) }] : []),
    ),
    manualStop: fc.boolean(),
    exits: fc.subarray(EXIT_CONDITIONS),
    exitsEnabled: fc.boolean(),
    whenStopped: fc.option(fc.array(whenStoppedStep(h), { maxLength: 4 }), { freq: 2 }),
    afterStop: afterStopArb(h),
    pause: pauseArb(h),
    mutations: mutationsArb(h),
  });

/** The document a recipe stands for: a chain trigger → s0 → s1 → …, loops by Jump to. */
export function buildWorkflowDoc(recipe: WorkflowRecipe, workflowRefs: readonly string[]): JsonObject {
  const steps: JsonObject[] = [];
  const edges: JsonObject[] = [];
  const filler = (): StepRecipe => ({ kind: 'send', text: 'Filler', duration: '1h', timeout: null, time: '09:00', target: 0, label: '' });
  // Jump to and End only last (steps after them would be unreachable); a step with outputs is not last (an End follows);
  // Start a Workflow only for a Workflow that can be started so (else a Send).
  const own = recipe.steps.map((step, i, list): StepRecipe => {
    if ((step.kind === 'jump' || step.kind === 'end') && i < list.length - 1) return { ...step, kind: 'send' };
    if (step.kind === 'trigger' && workflowRefs.length === 0) return { ...step, kind: 'send' };
    return step;
  });
  const last = own[own.length - 1];
  const tail: StepRecipe[] = last === undefined || last.kind === 'jump' || last.kind === 'end' ? [] : [{ ...filler(), kind: 'end' }];
  // Filler Sends, inserted before the last step, bring the count to `fillerSteps` (when more than the steps themselves).
  const pad = Math.max(0, recipe.fillerSteps - own.length - tail.length);
  const body = [...own, ...tail];
  const all = [...body.slice(0, -1), ...Array.from({ length: pad }, filler), ...body.slice(-1)];
  const n = all.length;
  let edgeCount = 0;
  const edge = (source: string, target: string, sourceHandle?: string) =>
    edges.push({ id: `e${edgeCount++}`, source, target, ...(sourceHandle === undefined ? {} : { sourceHandle }) });
  if (n > 0) edge('trigger', 's0');
  all.forEach((step, i) => {
    const id = `s${i}`;
    const next = i + 1 < n ? `s${i + 1}` : null;
    const base = { id, label: step.label };
    const outs: string[] = [];
    switch (step.kind) {
      case 'send': steps.push({ ...base, type: 'send_message', text: step.text }); outs.push('next'); break;
      case 'ask':
        steps.push({ ...base, type: 'ask_question', text: step.text || 'What?', field: 'need', ...(step.timeout === null ? {} : { timeout: step.timeout }) });
        outs.push('answered', ...(step.timeout === null ? [] : ['timeout']));
        break;
      case 'wait': steps.push({ ...base, type: 'wait', delay: { kind: 'duration', duration: step.duration } }); outs.push('next'); break;
      case 'waitUntil': steps.push({ ...base, type: 'wait', delay: { kind: 'time_of_day', time: step.time } }); outs.push('next'); break;
      case 'branch':
        steps.push({ ...base, type: 'branch', paths: [{ id: 'p', label: 'P', conditions: [{ subject: 'last_message', operator: 'contains', value: step.text }] }] });
        outs.push('p', 'else');
        break;
      case 'hours': steps.push({ ...base, type: 'datetime_branch', days: [1, 2, 3, 4, 5], from: step.time, to: '17:00' }); outs.push('match', 'else'); break;
      case 'assign': steps.push({ ...base, type: 'assign', assignee: { kind: 'user', id: 'bob' } }); outs.push('next'); break;
      case 'field': steps.push({ ...base, type: 'update_field', field: 'need', value: step.text }); outs.push('next'); break;
      case 'tag': steps.push({ ...base, type: 'update_tag', action: step.target % 2 === 0 ? 'add' : 'remove', tag: 'done' }); outs.push('next'); break;
      case 'comment': steps.push({ ...base, type: 'add_comment', text: step.text }); outs.push('next'); break;
      case 'open': steps.push({ ...base, type: 'open_conversation' }); outs.push('next'); break;
      case 'close': steps.push({ ...base, type: 'close_conversation' }); outs.push('next'); break;
      case 'trigger': steps.push({ ...base, type: 'trigger_workflow', workflow: workflowRefs[step.target % Math.max(1, workflowRefs.length)] ?? 'w0' }); outs.push('next'); break;
      case 'jump': steps.push({ ...base, type: 'jump_to', target: `s${step.target % n}` }); break;
      case 'end': steps.push({ ...base, type: 'end' }); break;
    }
    if (next) for (const out of outs) edge(id, next, out === 'next' ? undefined : out);
  });
  const path = recipe.whenStopped;
  if (path !== null) {
    // A chain from the entry: an End only last, the Stop reason branch going on at its reason (else nowhere).
    path.forEach((step, i) => {
      const id = `ws${i}`;
      const next = i + 1 < path.length && step.kind !== 'end' ? `ws${i + 1}` : null;
      const base = { id, label: '' };
      let out: string | undefined;
      switch (step.kind) {
        case 'send': steps.push({ ...base, type: 'send_message', text: step.text || 'Bye' }); break;
        case 'tag': steps.push({ ...base, type: 'update_tag', action: i % 2 === 0 ? 'add' : 'remove', tag: 'done' }); break;
        case 'field': steps.push({ ...base, type: 'update_field', field: 'need', value: step.text }); break;
        case 'comment': steps.push({ ...base, type: 'add_comment', text: step.text || 'Stopped' }); break;
        case 'assign': steps.push({ ...base, type: 'assign', assignee: { kind: 'team', id: 'sales' } }); break;
        case 'close': steps.push({ ...base, type: 'close_conversation' }); break;
        case 'why': steps.push({ ...base, type: 'stop_reason_branch' }); out = step.reason; break;
        case 'wait': steps.push({ ...base, type: 'wait', delay: { kind: 'duration', duration: '1h' } }); break;
        case 'end': steps.push({ ...base, type: 'end' }); break;
      }
      if (i === 0) edge('when-stopped', id);
      if (next && (i === 0 || !path.slice(0, i).some((earlier) => earlier.kind === 'end'))) edge(id, next, out);
    });
  }
  const trigger: JsonObject = { id: 'trigger', type: recipe.trigger, oncePerContact: recipe.oncePerContact };
  if (recipe.trigger === 'tag_updated') Object.assign(trigger, { tag: 'done', action: 'added' });
  if (recipe.trigger === 'field_updated') Object.assign(trigger, { field: 'need' });
  const doc: JsonObject = {
    format: WORKFLOW_FORMAT,
    id: recipe.id,
    name: recipe.name,
    trigger,
    ...(path === null ? {} : { whenStopped: { id: 'when-stopped' } }),
    steps,
    edges,
    settings: {
      manualStop: recipe.manualStop,
      exitConditions: {
        enabled: recipe.exitsEnabled && recipe.exits.length > 0,
        on: [...recipe.exits],
        ...(recipe.pause === null ? {} : { actions: Object.fromEntries(recipe.pause.conditions.map((condition) => [condition, 'pause'])) }),
      },
      ...(recipe.afterStop === null ? {} : { afterStop: afterStopDoc(recipe.afterStop) }),
      ...(recipe.pause === null || recipe.pause.resume === null ? {} : { pause: { resume: resumeDoc(recipe.pause.resume) } }),
    },
  };
  return mutate(doc, recipe.mutations);
}

/** 'silence 2h' → after 2h without a message from a person; 'conversation_closed'; anything else as it is (refused). */
function resumeDoc(rule: string): JsonObject {
  if (rule === 'conversation_closed') return { on: 'conversation_closed' };
  const [on, after = ''] = rule.split(' ');
  return on === 'silence' ? { on: 'silence', after } : { on: rule };
}

function afterStopDoc(rule: NonNullable<WorkflowRecipe['afterStop']>): JsonObject {
  return { reentry: rule.reentry, ...(rule.wait === null ? {} : { wait: rule.wait }), ...(rule.reasons === null ? {} : { reasons: [...rule.reasons] }) };
}

// ── scripts ──────────────────────────────────────────────────────────────────────────────────

interface UserRecipe {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly restricted: boolean;
}

interface EventRecipe {
  readonly type: string;
  readonly at: string;
  /** A listed contact (index) or any id. */
  readonly contact: number | string;
  readonly user: string | null;
  readonly text: string;
  readonly workflow: number | string;
}

export interface ScriptRecipe {
  readonly format: string;
  readonly name: string;
  readonly start: string;
  readonly timezone: string | null;
  readonly users: readonly UserRecipe[];
  /** Unrestricted filler users listed before the named ones: past 32,767 a 16-bit index wraps. */
  readonly fillerUsers: number;
  readonly contacts: readonly { readonly id: string; readonly name: string; readonly tags: readonly string[]; readonly fieldKey: string; readonly fieldValue: string }[];
  readonly fillerContacts: number;
  readonly events: readonly EventRecipe[];
  readonly expect: readonly { readonly contact: number | string; readonly workflow: number | string; readonly status: string; readonly reason: string | null }[];
  readonly population: { readonly contacts: Json; readonly jitter: string; readonly seed: Json; readonly allOnFirst: boolean } | null;
  readonly mutations: readonly Mutation[];
}

const EVENT_TYPES = ['contact.message', 'contact.message', 'contact.message', 'agent.message', 'broadcast.message', 'assign', 'unassign', 'workflow.stop', 'workflow.stop', 'workflow.stop', 'shortcut', 'tag.add', 'tag.remove', 'field.set', 'conversation.open', 'conversation.close'];
/** Event types without a `user` field (strict scripts refuse one). */
const USERLESS = new Set(['contact.message', 'broadcast.message']);

const userRecipe = (h: boolean): fc.Arbitrary<UserRecipe> =>
  fc.record({
    id: idOf(USER_IDS, h),
    name: wild(h, fc.constantFrom('Alice', 'Bob', 'Rita', 'a'.repeat(120)), hostileText),
    role: wild(h, fc.constantFrom('agent', 'manager', 'owner'), fc.constantFrom('admin', '')),
    restricted: fc.boolean(),
  });

/** A workflow reference: an index into the generated Workflows (by id or by name), or a hostile name. */
const workflowRef = (h: boolean): fc.Arbitrary<number | string> => wild(h, fc.nat({ max: 5 }), hostileText);

const eventRecipe = (h: boolean): fc.Arbitrary<EventRecipe> =>
  fc.record({
    type: wild(h, fc.constantFrom(...EVENT_TYPES), fc.constantFrom('contact.typing', 'workflow.Stop', ''), 40),
    at: offsetText(h),
    contact: wild(h, fc.nat({ max: 3 }), idOf(CONTACT_IDS), 30),
    user: fc.option(fc.oneof({ weight: 3, arbitrary: fc.constant(RESTRICTED) }, { weight: 3, arbitrary: wild(h, fc.constantFrom('alice', 'bob'), idOf(USER_IDS), 10) }), { freq: 6 }),
    text: text(h),
    workflow: workflowRef(h),
  });

/** A script: calm (`h` false) is valid by the schema; wild mixes in the absurd. */
export const scriptRecipe = (light: boolean, h: boolean): fc.Arbitrary<ScriptRecipe> =>
  fc.record({
    format: wild(h, fc.constant('exitflow.script/1'), fc.constantFrom('exitflow.script/2', 'exitflow.script/0', 'exitflow.workflow/1', ''), 40),
    name: wild(h, fc.constantFrom('Fuzz', 'a'.repeat(200)), hostileText),
    start: wild(
      h,
      fc.oneof({ weight: 20, arbitrary: fc.constant('2026-01-05T09:00:00Z') }, { weight: 1, arbitrary: fc.constantFrom('2026-10-25T00:30:00+02:00', '2026-03-29T01:59:59Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z') }),
      fc.constantFrom('2026-01-05', 'not a date', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00Z'),
    ),
    timezone: wild(
      h,
      fc.oneof({ weight: 10, arbitrary: fc.constant(null) }, { weight: 8, arbitrary: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Kiritimati') }),
      fc.constantFrom('Mars/Olympus', '', 'utc', 'Etc/GMT+14', hostileString()),
    ),
    // alice and bob (whom the events name), a third user now and then, and rita, restricted.
    users: fc
      .tuple(userRecipe(h), userRecipe(h), fc.option(userRecipe(h), { freq: 4 }))
      .map(([alice, bob, extra]) => [
        { ...alice, id: 'alice' },
        { ...bob, id: 'bob' },
        ...(extra === null || ['alice', 'bob', RESTRICTED].includes(extra.id) ? [] : [extra]),
        { id: RESTRICTED, name: 'Rita', role: 'agent', restricted: true },
      ]),
    // Listed before the others, so rita's index is past them: at the limit (calm), or past it and past 2^15 (wild).
    fillerUsers: fc.oneof(
      { weight: 40, arbitrary: fc.constant(0) },
      { weight: 2, arbitrary: fc.constantFrom(1, 100, LIMITS.users - 5) },
      ...(h ? [{ weight: 2, arbitrary: fc.constantFrom(LIMITS.users, LIMITS.users + 1, 2 ** 15 - 1, 2 ** 15, 2 ** 16) }] : []),
    ),
    contacts: fc.uniqueArray(
      fc.record({
        id: idOf(CONTACT_IDS, h),
        name: wild(h, fc.constantFrom('Dana', '', 'a'.repeat(120)), hostileText, 3),
        tags: fc.array(wild(h, fc.constantFrom('vip', 'done'), hostileText), { maxLength: 2 }),
        fieldKey: wild(h, fc.constantFrom('need', 'plan'), fc.constantFrom('__proto__', 'constructor', '', 'a'.repeat(65)), 12),
        fieldValue: wild(h, calmText, hostileText, 3),
      }),
      { minLength: 1, maxLength: 3, selector: (contact) => contact.id },
    ),
    fillerContacts: fc.oneof(
      { weight: 30, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: light ? fc.constantFrom(10, 200) : fc.constantFrom(10, 1000, LIMITS.listedContacts - 3) },
      ...(h && !light ? [{ weight: 1, arbitrary: fc.constant(LIMITS.listedContacts + 1) }] : []),
    ),
    events: fc.array(eventRecipe(h), { maxLength: 10 }),
    expect: fc.array(
      fc.record({
        contact: wild(h, fc.nat({ max: 3 }), idOf(CONTACT_IDS), 10),
        workflow: workflowRef(h),
        status: fc.constantFrom('active', 'completed', 'stopped', 'stopped', 'failed'),
        reason: fc.option(wild(h, fc.constantFrom('manual', 'incoming_message', 'outgoing_message'), fc.constantFrom('reasn', 'outgoing'))),
      }),
      { maxLength: 2 },
    ),
    population: fc.option(
      fc.record({
        contacts: fc.oneof(
          { weight: 12, arbitrary: fc.constantFrom<Json>(1, 2, 50) },
          { weight: 2, arbitrary: light ? fc.constantFrom<Json>(20) : fc.constantFrom<Json>(100_000, LIMITS.populationContacts) },
          ...(h ? [{ weight: 1, arbitrary: fc.constantFrom<Json>(0, -1, 1.5, LIMITS.populationContacts + 1, 2 ** 31, '10') }] : []),
        ),
        jitter: light ? waitDuration(true, h) : durationText(h),
        seed: wild(h, fc.integer().map((n): Json => n), hostileNumber, 10),
        // A population plays its first contact's events only: most scripts keep to that.
        allOnFirst: wild(h, fc.constant(true), fc.constant(false), 10),
      }),
      { freq: 6 },
    ),
    mutations: mutationsArb(h),
  });

function hostileString(): string {
  return '\u202eUTC\n';
}

const refOf = (ref: number | string, workflows: readonly JsonObject[], byName: boolean): string => {
  if (typeof ref === 'string') return ref;
  const target = workflows[ref % Math.max(1, workflows.length)];
  const value = target?.[byName ? 'name' : 'id'];
  return typeof value === 'string' ? value : 'w0';
};

/** The script a recipe stands for, naming the given Workflow documents. */
export function buildScriptDoc(recipe: ScriptRecipe, workflows: readonly JsonObject[]): JsonObject {
  const users: Json[] = [
    ...Array.from({ length: recipe.fillerUsers }, (_, i): Json => ({ id: `u${i}`, name: `U${i}` })),
    ...recipe.users.map((user): Json => ({ id: user.id, name: user.name, role: user.role, restricted: user.restricted })),
  ];
  const contacts: Json[] = [
    ...recipe.contacts.map((contact): Json => {
      const fields: JsonObject = {};
      setOwnField(fields, contact.fieldKey, contact.fieldValue);
      return { id: contact.id, name: contact.name, tags: [...contact.tags], fields };
    }),
    ...Array.from({ length: recipe.fillerContacts }, (_, i): Json => ({ id: `k${i}` })),
  ];
  const listed = recipe.contacts.map((c) => c.id);
  const events = recipe.events.map((event, i): Json => {
    const contact =
      recipe.population?.allOnFirst === true ? (listed[0] ?? 'dana') : typeof event.contact === 'number' ? (listed[event.contact % Math.max(1, listed.length)] ?? 'dana') : event.contact;
    const out: JsonObject = { at: event.at, contact, type: event.type };
    if (event.user !== null && !USERLESS.has(event.type)) out.user = event.user;
    if (/message/.test(event.type)) out.text = event.text;
    if (event.type === 'workflow.stop' || event.type === 'shortcut') {
      out.workflow = refOf(event.workflow, workflows, i % 2 === 1);
      out.user ??= RESTRICTED;
    }
    if (event.type === 'agent.message') out.user ??= 'alice';
    if (event.type === 'assign') out.to = 'bob';
    if (event.type.startsWith('tag.')) out.tag = event.text || 'done';
    if (event.type === 'field.set') Object.assign(out, { field: 'need', value: event.text });
    return out;
  });
  const doc: JsonObject = {
    format: recipe.format,
    name: recipe.name,
    start: recipe.start,
    users,
    contacts,
    events,
    expect: recipe.expect.map((e, i): Json => ({ contact: typeof e.contact === 'number' ? (listed[e.contact % Math.max(1, listed.length)] ?? 'dana') : e.contact, workflow: refOf(e.workflow, workflows, i % 2 === 1), status: e.status, ...(e.reason === null ? {} : { reason: e.reason }) })),
  };
  if (recipe.timezone !== null) doc.timezone = recipe.timezone;
  if (recipe.population) doc.population = { contacts: recipe.population.contacts, jitter: recipe.population.jitter, seed: recipe.population.seed };
  return mutate(doc, recipe.mutations);
}

function setOwnField(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ── a world: Workflows and a script that names them ─────────────────────────────────────────

export interface World {
  readonly workflows: JsonObject[];
  readonly script: JsonObject;
}

/** What a world is made from; `buildWorld` makes it (in the sandbox, so a shrunk case prints small). */
export interface WorldRecipe {
  readonly workflows: readonly WorkflowRecipe[];
  /** Copies of a one-step Workflow listed before the generated ones (at and past `LIMITS.workflows` and the trace's Workflow column). */
  readonly copies: number;
  readonly script: ScriptRecipe;
}

/**
 * One to three generated Workflows (rarely, after many copies of a small one), and a script naming
 * them; calm or wild; and one case in four a known danger with random details (see `dangerOf`).
 */
export const worldArb = (light: boolean, fastLoops = !light): fc.Arbitrary<WorldRecipe> =>
  fc.oneof({ weight: 3, arbitrary: worldOf(light, false) }, { weight: 3, arbitrary: worldOf(light, true) }, { weight: 2, arbitrary: dangerOf(light, fastLoops) });

const plainStep = (kind: StepKind, duration = '1h', target = 0): StepRecipe => ({ kind, text: 'Hello {{contact.name}}', duration, timeout: null, time: '09:00', target, label: '' });

/**
 * Shapes that broke exitflow before (issue 13), with the rest generated: a restricted user's stop
 * past 2^15 users; a Wait as long as the horizon or absurdly longer; a loop that pauses a second
 * (a minute for the services in the light profile); many Workflows before the one that speaks; and
 * a run stopped (or paused, and resumed) by replies, assignments, manual stops and closes while it
 * waits, taking a generated When stopped path — generated Workflows alone reached one in about one
 * world in a hundred.
 */
const dangerOf = (light: boolean, fastLoops: boolean): fc.Arbitrary<WorldRecipe> =>
  fc
    .record({
      kind: fc.constantFrom('restrictedStop', 'longWait', 'fastLoop', 'manyWorkflows', 'stoppedWithPath', 'stoppedWithPath', 'stoppedWithPath'),
      path: fc.array(whenStoppedStep(false), { minLength: 1, maxLength: 4 }),
      afterStop: afterStopArb(false),
      pause: pauseArb(false),
      replies: fc.array(fc.record({ type: fc.constantFrom('contact.message', 'agent.message', 'assign', 'workflow.stop', 'conversation.close'), at: fc.constantFrom('+1m', '+2h', '+3h', '+5h', '+1d', '+2d'), user: fc.constantFrom('alice', 'bob') }), { minLength: 1, maxLength: 6 }),
      script: scriptRecipe(light, false),
      h: fc.boolean(),
      fillerUsers: fc.constantFrom(0, LIMITS.users - 5, LIMITS.users - 3, 2 ** 15 - 3, 2 ** 15, 2 ** 16),
      wait: fc.oneof(durationText(false), durationText(true), fc.constantFrom('100000000000000000000d', '100000000000000000d', `${HORIZON_DAYS}d`, '200000000d')),
      loop: fastLoops ? fc.constantFrom('1s', '0s', '1m') : fc.constantFrom('1h', '1d'),
      copies: fc.constantFrom(LIMITS.workflows - 3, LIMITS.workflows + 1, 2049),
      stopAt: offsetText(false),
      manualStop: fc.boolean(),
    })
    .map(({ kind, script, fillerUsers, wait, loop, copies, stopAt, manualStop, path, afterStop, pause, replies }): WorldRecipe => {
      const base: WorkflowRecipe = { id: 'w0', name: 'Workflow 0', trigger: 'incoming_message', oncePerContact: false, steps: [], fillerSteps: 0, manualStop, exits: [], exitsEnabled: false, whenStopped: null, afterStop: null, pause: null, mutations: [] };
      const hello: EventRecipe = { type: 'contact.message', at: '+0', contact: 0, user: null, text: 'Hi', workflow: 0 };
      const scripted = { ...script, events: [hello, ...script.events] };
      switch (kind) {
        case 'restrictedStop':
          return {
            workflows: [{ ...base, manualStop: true, steps: [plainStep('send'), plainStep('wait', '24h'), plainStep('send')] }],
            copies: 0,
            script: { ...scripted, fillerUsers, events: [hello, { type: 'workflow.stop', at: stopAt, contact: 0, user: RESTRICTED, text: '', workflow: 0 }, ...script.events] },
          };
        case 'longWait':
          return { workflows: [{ ...base, steps: [plainStep('send'), plainStep('wait', wait), plainStep('send')] }], copies: 0, script: scripted };
        case 'fastLoop':
          // One contact: a population of looping contacts is the heavy work the light profile leaves to a deep run.
          return { workflows: [{ ...base, steps: [plainStep('wait', loop), plainStep('send'), plainStep('jump', '1h', 0)] }], copies: 0, script: { ...scripted, population: light ? null : scripted.population } };
        case 'manyWorkflows':
          return { workflows: [{ ...base, steps: [plainStep('send'), plainStep('wait', '1h'), plainStep('send')] }], copies, script: scripted };
        case 'stoppedWithPath': {
          // A run waiting a day, every exit condition on (some pausing), a When stopped path, and replies, assignments,
          // manual stops and closes while it waits: runs stop, pause, resume and take the path.
          // Settings the validator accepts, so the run plays: a re-entry wait only with "after", a resume rule for a pause.
          const validAfterStop = afterStop === null ? null : { ...afterStop, wait: afterStop.reentry === 'after' ? afterStop.wait : null };
          const validPause = pause === null ? null : { ...pause, resume: pause.resume ?? 'silence 2h' };
          const workflow: WorkflowRecipe = { ...base, manualStop: true, exits: EXIT_CONDITIONS, exitsEnabled: true, whenStopped: path, afterStop: validAfterStop, pause: validPause, steps: [plainStep('send'), plainStep('wait', '1d'), plainStep('send')] };
          const events = replies.map(({ type, at, user }): EventRecipe => ({ type, at, contact: 0, user, text: 'Hello again', workflow: 0 }));
          return { workflows: [workflow], copies: 0, script: { ...scripted, events: [hello, ...events, ...script.events] } };
        }
      }
    });

const worldOf = (light: boolean, h: boolean): fc.Arbitrary<WorldRecipe> =>
  fc
    .record({
      recipes: fc.tuple(workflowRecipe(0, light, h), fc.option(workflowRecipe(1, light, h), { freq: 2 }), fc.option(workflowRecipe(2, light, h), { freq: 4 })),
      copies: fc.oneof(
        { weight: 20, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constantFrom(10, LIMITS.workflows - 3) },
        ...(h ? [{ weight: 1, arbitrary: fc.constantFrom(LIMITS.workflows + 1, 2049) }] : []),
      ),
      script: scriptRecipe(light, h),
    })
    .map(({ recipes, copies, script }) => ({ workflows: recipes.filter((r): r is WorkflowRecipe => r !== null), copies, script }));

export function buildWorld(recipe: WorldRecipe): World {
  const refs = recipe.workflows.filter((r) => r.trigger === 'workflow_started').map((r) => r.id);
  const workflows = recipe.workflows.map((r) => buildWorkflowDoc(r, refs));
  const fillers = Array.from({ length: recipe.copies }, (_, i): JsonObject => ({
    format: WORKFLOW_FORMAT,
    id: `f${i}`,
    name: `Filler ${i}`,
    trigger: { id: 'trigger', type: 'incoming_message' },
    steps: [{ id: 'say', label: '', type: 'send_message', text: `from f${i}` }],
    edges: [{ id: 'e0', source: 'trigger', target: 'say' }],
  }));
  return { workflows: [...fillers, ...workflows], script: buildScriptDoc(recipe.script, workflows) };
}

/** Input for a service: a world to build, or a raw value that is not one. */
export type Loadable = { readonly world: WorldRecipe } | { readonly raw: Json };

const loadableArb = (light: boolean, fastLoops = !light): fc.Arbitrary<Loadable> =>
  fc.oneof({ weight: 12, arbitrary: worldArb(light, fastLoops).map((world): Loadable => ({ world })) }, { weight: 1, arbitrary: hostileValue.map((raw): Loadable => ({ raw })) });

/** The engine property's case: a world and the horizon (`--until`, ms; `'Infinity'` decoded in the sandbox). */
export interface EngineCase {
  readonly world: WorldRecipe;
  readonly until: Json;
}

const DAY = 86_400_000;
export const engineCaseArb: fc.Arbitrary<EngineCase> = fc.record({
  world: worldArb(false),
  until: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Json>(null) },
    { weight: 1, arbitrary: fc.constantFrom<Json>(0, 1000, DAY, 30 * DAY, 365 * DAY, LIMITS.horizonMs, LIMITS.horizonMs + 1, 200_000_000 * DAY, 1e17 * DAY, Number.MAX_VALUE, 'Infinity') },
  ),
});

// ── live sessions ───────────────────────────────────────────────────────────────────────────

export type LiveOp =
  | { readonly op: 'command'; readonly input: Json }
  | { readonly op: 'advance'; readonly ms: Json | 'NaN' | 'Infinity' | '-Infinity' | 'undefined' }
  | { readonly op: 'jumpToNext' }
  | { readonly op: 'start'; readonly input: Json };

/** Milliseconds to advance: seconds to days, the horizon's edge, absurd values (`'NaN'` etc. are decoded in the sandbox). */
const advanceMs: fc.Arbitrary<LiveOp & { op: 'advance' }> = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom<Json>(0, 1000, 60_000, 3_600_000, 86_400_000, 30 * 86_400_000) },
    { weight: 2, arbitrary: fc.constantFrom<Json>(365 * 86_400_000, 366 * 86_400_000, LIMITS.horizonMs, LIMITS.horizonMs + 1, 1e15, 1e21, 1e308, Number.MAX_SAFE_INTEGER, 0.5, -1, -0) },
    { weight: 1, arbitrary: fc.constantFrom<Json>('NaN', 'Infinity', '-Infinity', 'undefined', '1000', null, {}) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1e12, noNaN: true }) },
  )
  .map((ms) => ({ op: 'advance' as const, ms }));

const commandArb: fc.Arbitrary<Json> = fc
  .record({ event: eventRecipe(true), extra: fc.option(fc.record({ key: unknownKey, value: hostileValue }), { freq: 5 }), raw: fc.option(hostileValue, { freq: 12 }) })
  .map(({ event, extra, raw }) => {
    if (raw !== null) return raw;
    const doc = buildScriptDoc(
      { format: 'exitflow.script/1', name: 'x', start: '2026-01-05T09:00:00Z', timezone: null, users: [], fillerUsers: 0, contacts: [], fillerContacts: 0, events: [event], expect: [], population: null, mutations: [] },
      [{ id: 'w0', name: 'Workflow 0' }, { id: 'w1', name: 'Workflow 1' }, { id: 'w2', name: 'Workflow 2' }],
    );
    const command = (doc.events as JsonObject[])[0] as JsonObject;
    delete command.at;
    if (event.at !== '+0' && event.at.length % 3 === 0) command.at = event.at;
    if (extra) setOwn(command, extra.key, extra.value);
    return command;
  });

export const liveOpsArb: fc.Arbitrary<LiveOp[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: commandArb.map((input): LiveOp => ({ op: 'command', input })) },
    { weight: 4, arbitrary: advanceMs },
    { weight: 2, arbitrary: fc.constant<LiveOp>({ op: 'jumpToNext' }) },
  ),
  { minLength: 1, maxLength: 12 },
);

export interface LiveCase {
  readonly start: Loadable;
  readonly ops: LiveOp[];
}

/** A live session: a world to start on (or, now and then, something that is not one) and what a person does. */
export const liveCaseArb: fc.Arbitrary<LiveCase> = fc.record({
  // Fast loops too: the live clock has its own cap (`LIMITS.liveEntriesPerAdvance`).
  start: loadableArb(!PROFILE.heavy, true),
  ops: liveOpsArb,
});

// ── playback and compare ────────────────────────────────────────────────────────────────────

export type PlaybackOp =
  | { readonly op: 'advance' | 'seek'; readonly arg: Json }
  | { readonly op: 'step' | 'nextEvent' | 'runToEnd' | 'report' }
  | { readonly op: 'selectContact' | 'populationCharts' | 'reportRows'; readonly arg: Json };

const playbackOp: fc.Arbitrary<PlaybackOp> = fc.oneof(
  fc.record({ op: fc.constantFrom('advance' as const, 'seek' as const), arg: fc.oneof(fc.constantFrom<Json>(0, 1000, 3_600_000, 86_400_000, -1, 1e308, 'NaN', 'Infinity'), hostileNumber) }),
  fc.record({ op: fc.constantFrom('step' as const, 'nextEvent' as const, 'runToEnd' as const, 'report' as const) }),
  fc.record({ op: fc.constantFrom('selectContact' as const, 'populationCharts' as const), arg: fc.oneof(fc.constantFrom<Json>('dana', 'w0', 'Workflow 0'), hostileValue) }),
  fc.record({ op: fc.constant('reportRows' as const), arg: fc.oneof(fc.record({ kind: fc.constantFrom<Json>('runs', 'trace', 'x'), from: hostileNumber, count: hostileNumber }), hostileValue) }),
);

export interface PlaybackCase {
  readonly load: Loadable;
  readonly ops: PlaybackOp[];
}

export const playbackCaseArb: fc.Arbitrary<PlaybackCase> = fc.record({
  load: loadableArb(!PROFILE.heavy),
  ops: fc.array(playbackOp, { maxLength: 8 }),
});

/** A Compare request: Workflows, one or two scripts, maybe a Workflow to compare; or a raw value. */
export type CompareCase = { readonly world: WorldRecipe; readonly second: ScriptRecipe | null; readonly workflow: string | null } | { readonly raw: Json };

export const compareCaseArb: fc.Arbitrary<CompareCase> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ world: worldArb(!PROFILE.heavy), second: fc.option(scriptRecipe(!PROFILE.heavy, false), { freq: 3 }), workflow: fc.option(fc.oneof(fc.constantFrom('w0', 'Workflow 1'), hostileText), { freq: 3 }) }),
  },
  { weight: 1, arbitrary: hostileValue.map((raw): CompareCase => ({ raw })) },
);

/** The request a Compare case stands for. */
export function buildCompareRequest(input: CompareCase): Json {
  if ('raw' in input) return expand(input.raw);
  const world = buildWorld(input.world);
  return {
    workflows: world.workflows,
    scripts: [world.script, ...(input.second === null ? [] : [buildScriptDoc(input.second, world.workflows)])],
    ...(input.workflow === null ? {} : { workflow: input.workflow }),
  };
}

// ── the command line ────────────────────────────────────────────────────────────────────────

export interface CliCase {
  readonly world: WorldRecipe;
  /** Raw text for a file instead of its JSON (not JSON, empty, a BOM). */
  readonly scriptText: string | null;
  readonly until: string | null;
  readonly json: boolean;
  readonly extraArgs: readonly string[];
}

export const cliCaseArb: fc.Arbitrary<CliCase> = fc.record({
  world: worldArb(!PROFILE.heavy),
  scriptText: fc.oneof({ weight: 25, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', '{', '\ufeff{}', 'null', '[]', '"x"', '{"format":"exitflow.script/1"', '1e999') }),
  until: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: offsetText(false) },
    { weight: 1, arbitrary: fc.oneof(offsetText(true), fc.constantFrom('+200000000d', '+0', 'forever', '', '30d')) },
  ),
  json: fc.boolean(),
  extraArgs: fc.oneof(
    { weight: 25, arbitrary: fc.constant([] as string[]) },
    { weight: 1, arbitrary: fc.constantFrom(['--script'], ['--script', 'SCRIPT'], ['--nope'], ['MISSING.json'], ['DIR'], ['--until'], ['--json', '--json'], ['--'], ['-']) },
  ),
});
