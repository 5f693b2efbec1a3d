import { traceKindSchema, type TraceKind } from '../schema/trace.ts';

export const TRACE_KINDS = traceKindSchema.options;
/** Numeric codes of trace kinds, for the columns. */
export const K = Object.fromEntries(TRACE_KINDS.map((kind, i) => [kind, i])) as Record<TraceKind, number>;

/**
 * The trace, stored as columns of typed arrays (about 40 bytes an entry) rather than one object
 * per entry, so a simulation of 100,000 contacts records millions of entries cheaply. Strings
 * (message texts, tags, field values) are interned. `materializeEntry` turns a row back into a
 * `TraceEntry` object.
 *
 * Columns: time · kind · contact · run · workflow · node (step index) · user · code (the reason,
 * change or event type, by kind) · a, b (interned strings) · due (a timer's due time).
 */
export class TraceLog {
  length = 0;
  t: Float64Array;
  kind: Uint8Array;
  contact: Int32Array;
  run: Int32Array;
  workflow: Int16Array;
  node: Int32Array;
  user: Int16Array;
  code: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  due: Float64Array;
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  constructor(capacity = 1024) {
    this.t = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.contact = new Int32Array(capacity);
    this.run = new Int32Array(capacity);
    this.workflow = new Int16Array(capacity);
    this.node = new Int32Array(capacity);
    this.user = new Int16Array(capacity);
    this.code = new Uint8Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.due = new Float64Array(capacity);
  }

  /** The id of a string in `strings`; -1 for `undefined`. */
  intern(text: string | undefined): number {
    if (text === undefined) return -1;
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  append(
    t: number,
    kind: number,
    contact: number,
    run: number,
    workflow: number,
    node: number,
    user: number,
    code: number,
    a: number,
    b: number,
    due: number,
  ): number {
    const i = this.length;
    if (i === this.t.length) this.grow();
    this.t[i] = t;
    this.kind[i] = kind;
    this.contact[i] = contact;
    this.run[i] = run;
    this.workflow[i] = workflow;
    this.node[i] = node;
    this.user[i] = user;
    this.code[i] = code;
    this.a[i] = a;
    this.b[i] = b;
    this.due[i] = due;
    this.length = i + 1;
    return i;
  }

  /** Bytes held by the columns (allocated capacity) and the interned strings (UTF-16 estimate). */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) strings += 2 * s.length + 16;
    return this.t.length * 41 + strings;
  }

  private grow(): void {
    const capacity = this.t.length * 2;
    const resize = <T extends Float64Array | Uint8Array | Int32Array | Int16Array>(from: T, make: new (n: number) => T): T => {
      const to = new make(capacity);
      to.set(from);
      return to;
    };
    this.t = resize(this.t, Float64Array);
    this.kind = resize(this.kind, Uint8Array);
    this.contact = resize(this.contact, Int32Array);
    this.run = resize(this.run, Int32Array);
    this.workflow = resize(this.workflow, Int16Array);
    this.node = resize(this.node, Int32Array);
    this.user = resize(this.user, Int16Array);
    this.code = resize(this.code, Uint8Array);
    this.a = resize(this.a, Int32Array);
    this.b = resize(this.b, Int32Array);
    this.due = resize(this.due, Float64Array);
  }
}
