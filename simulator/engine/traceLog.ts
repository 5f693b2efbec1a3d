import { traceKindSchema, type TraceKind } from '../schema/trace.ts';

export const TRACE_KINDS = traceKindSchema.options;
/** Numeric codes of trace kinds, for the columns. */
export const K = Object.fromEntries(TRACE_KINDS.map((kind, i) => [kind, i])) as Record<TraceKind, number>;

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** Bytes one row takes across the columns. */
const ROW_BYTES = 8 + 1 + 1 + 4 + 4 + 2 + 2 + 2 + 4 + 4 + 8;

/** 16,384 rows of every column. */
class Chunk {
  readonly t = new Float64Array(CHUNK);
  readonly kind = new Uint8Array(CHUNK);
  readonly code = new Uint8Array(CHUNK);
  readonly contact = new Int32Array(CHUNK);
  readonly run = new Int32Array(CHUNK);
  readonly workflow = new Int16Array(CHUNK);
  readonly node = new Int16Array(CHUNK);
  readonly user = new Int16Array(CHUNK);
  readonly a = new Int32Array(CHUNK);
  readonly b = new Int32Array(CHUNK);
  readonly due = new Float64Array(CHUNK);
}

/**
 * The trace, stored as columns of typed arrays (38 bytes a row) in chunks of 16,384 rows rather
 * than one object per entry, so a simulation of 100,000 contacts records millions of entries
 * without copying on growth or burdening the garbage collector. Strings (message texts, tags,
 * field values) are interned. `materializeEntry` turns a row back into a `TraceEntry` object.
 *
 * Columns: time · kind · code (the reason, change or event type, by kind) · contact · run ·
 * workflow · node (step index) · user · a, b (interned strings) · due (a timer's due time).
 */
export class TraceLog {
  length = 0;
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly chunks: Chunk[] = [];
  private current: Chunk | null = null;

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

  /** The interned string `id`, or undefined for -1. */
  text(id: number): string | undefined {
    return id < 0 ? undefined : this.strings[id];
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
    const row = this.length++;
    const i = row & MASK;
    let chunk = this.current;
    if (i === 0 || chunk === null) {
      chunk = new Chunk();
      this.chunks.push(chunk);
      this.current = chunk;
    }
    chunk.t[i] = t;
    chunk.kind[i] = kind;
    chunk.code[i] = code;
    chunk.contact[i] = contact;
    chunk.run[i] = run;
    chunk.workflow[i] = workflow;
    chunk.node[i] = node;
    chunk.user[i] = user;
    chunk.a[i] = a;
    chunk.b[i] = b;
    chunk.due[i] = due;
    return row;
  }

  private chunkOf(row: number): Chunk {
    return this.chunks[row >>> CHUNK_BITS] as Chunk;
  }

  tAt(row: number): number {
    return this.chunkOf(row).t[row & MASK] as number;
  }
  kindAt(row: number): number {
    return this.chunkOf(row).kind[row & MASK] as number;
  }
  codeAt(row: number): number {
    return this.chunkOf(row).code[row & MASK] as number;
  }
  contactAt(row: number): number {
    return this.chunkOf(row).contact[row & MASK] as number;
  }
  runAt(row: number): number {
    return this.chunkOf(row).run[row & MASK] as number;
  }
  workflowAt(row: number): number {
    return this.chunkOf(row).workflow[row & MASK] as number;
  }
  nodeAt(row: number): number {
    return this.chunkOf(row).node[row & MASK] as number;
  }
  userAt(row: number): number {
    return this.chunkOf(row).user[row & MASK] as number;
  }
  aAt(row: number): number {
    return this.chunkOf(row).a[row & MASK] as number;
  }
  bAt(row: number): number {
    return this.chunkOf(row).b[row & MASK] as number;
  }
  dueAt(row: number): number {
    return this.chunkOf(row).due[row & MASK] as number;
  }

  /** Bytes held by the columns and the interned strings (UTF-16 estimate). */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) strings += 2 * s.length + 16;
    return this.chunks.length * CHUNK * ROW_BYTES + strings;
  }
}
