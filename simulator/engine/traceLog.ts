import { COLUMN_BITS } from '../schema/limits.ts';
import { traceKindSchema, type TraceKind } from '../schema/trace.ts';

export const TRACE_KINDS = traceKindSchema.options;
/** Numeric codes of trace kinds, for the columns. */
export const K = Object.fromEntries(TRACE_KINDS.map((kind, i) => [kind, i])) as Record<TraceKind, number>;

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** Bytes one row takes across the columns. */
const ROW_BYTES = 4 * 6;
const RUN_STARTED = K['run.started'];
/** `runContacts` of a run no row has named yet. */
const NO_CONTACT = -2;
/** A row's time offset that says "not an offset: the time is in `exactTimes`". */
const EXACT_TIME = 0xffffffff;
const TWO_32 = 4294967296;
/** Where each packed field starts, and its mask (widths from `COLUMN_BITS`, checked against `LIMITS`). */
const CODE_SHIFT = COLUMN_BITS.traceKind;
const USER_SHIFT = CODE_SHIFT + COLUMN_BITS.traceCode;
const KIND_MASK = 2 ** COLUMN_BITS.traceKind - 1;
const CODE_MASK = 2 ** COLUMN_BITS.traceCode - 1;
const STEP_SHIFT = COLUMN_BITS.traceWorkflow;
const WORKFLOW_MASK = 2 ** COLUMN_BITS.traceWorkflow - 1;

/** What the `a` and `b` slots of a row hold, by kind: interned strings (the default), a due time, or (b) a run id. */
export const ROW_SLOTS = { strings: 0, due: 1, stringAndRun: 2 } as const;
const DUE_KINDS = ['timer.set', 'timer.fired', 'timer.cancelled', 'pause.extended', 'run.paused', 'run.resumed', 'timer.frozen'] as const;
const DUE_SLOTS = ROW_SLOTS.due;
const STRING_AND_RUN = ROW_SLOTS.stringAndRun;

/** Per trace kind code, what its `a` and `b` slots hold (see ROW_SLOTS). */
export const rowSlots: Uint8Array = (() => {
  const slots = new Uint8Array(TRACE_KINDS.length);
  for (const kind of DUE_KINDS) slots[K[kind]] = ROW_SLOTS.due;
  // A re-entry refusal names the stopped run that keeps the Workflow from starting.
  slots[K['trigger.ignored']] = ROW_SLOTS.stringAndRun;
  return slots;
})();

/**
 * A finished log's rows as plain typed arrays and a map, which another thread receives without a
 * copy (see `TraceLog.rows`); `TraceLog.appendRemapped` appends them to a log of its own.
 */
export interface TraceRows {
  readonly length: number;
  /** Per chunk of rows: the time its offsets count from, and its slots. */
  readonly bases: Float64Array;
  readonly chunks: readonly Int32Array[];
  /** Times no offset holds, by row. */
  readonly exactTimes: ReadonlyMap<number, number>;
  /** Each run's contact, by the log's run id. */
  readonly runContacts: Int32Array;
}

/** Int32 slots of a row, side by side so writing a row touches one stretch of memory. */
const SLOTS = 6;
/** The time's offset from the chunk's `base`, read as unsigned. */
const T = 0;
/** kind · code · user + 1, low bits first (widths in `COLUMN_BITS`). */
const HEAD = 1;
/**
 * Who the row is about: a run (its id, ≥ 0: the contact is the run's), or no run and a contact c as
 * -(c + 2), or neither as -1.
 */
const WHO = 2;
/** workflow + 1 · node + 1, low bits first. */
const PLACE = 3;
/** Interned strings; for rows with a due time, its high and low 32 bits instead. */
const A = 4;
const B = 5;

/** 16,384 rows of 6 slots. */
class Chunk {
  /**
   * A row's time is `base` plus its offset in ms: the clock only moves forward, so the offsets of a
   * chunk's rows are small whole numbers (4 bytes instead of 8). A time that is not (a fraction of
   * a ms in a live session, before `base`, or 49 days after it) is kept exactly beside the chunk.
   */
  readonly base: number;
  readonly slots = new Int32Array(CHUNK * SLOTS);
  /** Times no offset can hold, by row within the chunk. */
  exactTimes: Map<number, number> | null = null;

  constructor(base: number) {
    this.base = base;
  }
}

/**
 * The trace, stored as rows of six Int32 slots (24 bytes a row) in chunks of 16,384 rows rather
 * than one object per entry, so a simulation of 100,000 contacts records millions of entries
 * without copying on growth or burdening the garbage collector. Small fields share a slot
 * (kind, code and user; workflow and step). Strings (message texts, tags, field values) are
 * interned. `materializeEntry` turns a row back into a `TraceEntry` object.
 */
export class TraceLog {
  length = 0;
  readonly strings: string[];
  protected readonly stringIds: Map<string, number>;
  private readonly chunks: Chunk[];
  /** Each run's contact, by run id (4 bytes a run rather than a contact column of 4 bytes a row). */
  protected runContacts: Int32Array;
  private current: Chunk | null = null;

  /** `shared`: the log whose rows and strings this one reads (a `ReplayedTraceLog`); none for a log of its own. */
  protected constructor(shared: TraceLog | null) {
    this.strings = shared?.strings ?? [];
    this.stringIds = shared?.stringIds ?? new Map();
    this.chunks = shared?.chunks ?? [];
    this.runContacts = shared?.runContacts ?? new Int32Array(1024).fill(NO_CONTACT);
  }

  /** A log that stores its rows. */
  static create(): TraceLog {
    return new TraceLog(null);
  }

  /** A log that checks a second run's rows against a finished one's instead of storing them: see `ReplayedTraceLog`. */
  static replaying(source: TraceLog): TraceLog {
    return new ReplayedTraceLog(source);
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

  /** The interned string `id`, or undefined for -1. */
  text(id: number): string | undefined {
    return id < 0 ? undefined : this.strings[id];
  }

  /**
   * Appends a row. `workflow`, `node`, `user`, `a`, `b` are -1 when absent; `due` (a timer's due
   * time, ms) is -1 when absent, and a row with a due time carries no strings. A row with a run is
   * about the run's contact, the one its `run.started` row named (`contact` is read only there).
   */
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
    const row = this.length;
    const at = this.openRow(t);
    const slots = (this.current as Chunk).slots;
    slots[at + HEAD] = kind | (code << CODE_SHIFT) | ((user + 1) << USER_SHIFT);
    if (run < 0) slots[at + WHO] = -contact - 2;
    else {
      slots[at + WHO] = run;
      // A run's rows are about its contact: the one its `run.started` row names, kept once per run.
      if (kind === RUN_STARTED || run >= this.runContacts.length) this.noteRunContact(run, contact);
    }
    slots[at + PLACE] = (workflow + 1) | ((node + 1) << STEP_SHIFT);
    if (due >= 0) {
      slots[at + A] = Math.floor(due / TWO_32);
      slots[at + B] = due | 0;
    } else {
      slots[at + A] = a;
      slots[at + B] = b;
    }
    return row;
  }

  /**
   * Rows of a run known before the instant they are written at (a planned path): kind, code,
   * user, workflow, step, `a` and `b` packed as `append` packs them, four slots a row, for
   * `appendRows`. Not for `run.started` rows nor rows with a due time.
   */
  static rowTemplate(kind: number, workflow: number, node: number, user: number, code: number, a: number, b: number): readonly [number, number, number, number] {
    if (kind === RUN_STARTED) throw new Error('a run.started row names its contact: append it');
    return [kind | (code << CODE_SHIFT) | ((user + 1) << USER_SHIFT), (workflow + 1) | ((node + 1) << STEP_SHIFT), a, b];
  }

  /**
   * Appends rows `from` to `to` (exclusive) of `templates` (see `rowTemplate`), all at `t` and of
   * `run`: the same rows `append` writes, without packing each again.
   */
  appendRows(t: number, run: number, templates: Int32Array, from: number, to: number): void {
    // Rows that fit in the current chunk share one time offset: written as one block.
    const first = this.length & MASK;
    const chunk = this.current;
    if (chunk !== null && first !== 0 && first + (to - from) <= CHUNK) {
      const offset = t - chunk.base;
      const whole = offset >>> 0;
      if (whole === offset && whole !== EXACT_TIME) {
        const slots = chunk.slots;
        const time = whole | 0;
        let at = first * SLOTS;
        for (let k = from * 4, end = to * 4; k < end; k += 4, at += SLOTS) {
          slots[at + T] = time;
          slots[at + HEAD] = templates[k] as number;
          slots[at + WHO] = run;
          slots[at + PLACE] = templates[k + 1] as number;
          slots[at + A] = templates[k + 2] as number;
          slots[at + B] = templates[k + 3] as number;
        }
        this.length += to - from;
        return;
      }
    }
    for (let r = from; r < to; r++) {
      const at = this.openRow(t);
      const slots = (this.current as Chunk).slots;
      const k = r * 4;
      slots[at + HEAD] = templates[k] as number;
      slots[at + WHO] = run;
      slots[at + PLACE] = templates[k + 1] as number;
      slots[at + A] = templates[k + 2] as number;
      slots[at + B] = templates[k + 3] as number;
    }
  }

  /** Takes the next row, in a new chunk when the current one is full, and writes its time; returns its first slot in the current chunk. */
  private openRow(t: number): number {
    const i = this.length++ & MASK;
    let chunk = this.current;
    if (i === 0 || chunk === null) {
      chunk = new Chunk(t);
      this.chunks.push(chunk);
      this.current = chunk;
    }
    const at = i * SLOTS;
    const offset = t - chunk.base;
    // `>>> 0` keeps a whole number in [0, 2^32) as it is and changes anything else.
    const whole = offset >>> 0;
    if (whole === offset && whole !== EXACT_TIME) chunk.slots[at + T] = whole | 0;
    else {
      chunk.slots[at + T] = EXACT_TIME | 0;
      (chunk.exactTimes ??= new Map()).set(i, t);
    }
    return at;
  }

  /**
   * The rows as they are stored, for another thread (a pool's part): no copy, so nothing may be
   * written to this log afterwards.
   */
  rows(): TraceRows {
    const exactTimes = new Map<number, number>();
    this.chunks.forEach((chunk, c) => chunk.exactTimes?.forEach((t, i) => exactTimes.set((c << CHUNK_BITS) + i, t)));
    return {
      length: this.length,
      bases: Float64Array.from(this.chunks, (chunk) => chunk.base),
      chunks: this.chunks.map((chunk) => chunk.slots),
      exactTimes,
      runContacts: this.runContacts,
    };
  }

  /**
   * Appends rows `from` to `to` (exclusive) of another log's `rows` with this log's ids, as they
   * are stored, without unpacking each: a string id `i` there is `strings[i]` here, and a run's
   * id there is `runs[id]` here — given here, from `nextRun` on, to each run at its `run.started`
   * row. Returns the next run id to give.
   */
  appendRemapped(rows: TraceRows, from: number, to: number, strings: Int32Array, runs: Int32Array, nextRun: number): number {
    const meanings = rowSlots;
    let given = nextRun;
    for (let i = from; i < to; i++) {
      const c = i >>> CHUNK_BITS;
      const source = rows.chunks[c] as Int32Array;
      const s = (i & MASK) * SLOTS;
      const offset = (source[s + T] as number) >>> 0;
      const at = this.openRow(offset === EXACT_TIME ? (rows.exactTimes.get(i) as number) : (rows.bases[c] as number) + offset);
      const head = source[s + HEAD] as number;
      const kind = head & KIND_MASK;
      let who = source[s + WHO] as number;
      if (who >= 0) {
        if (kind === RUN_STARTED) {
          runs[who] = given;
          this.noteRunContact(given++, rows.runContacts[who] as number);
        }
        who = runs[who] as number;
      }
      let a = source[s + A] as number;
      let b = source[s + B] as number;
      const meaning = meanings[kind] as number;
      if (meaning !== DUE_SLOTS) {
        if (a >= 0) a = strings[a] as number;
        if (b >= 0) b = meaning === STRING_AND_RUN ? (runs[b] as number) : (strings[b] as number);
      }
      const slots = (this.current as Chunk).slots;
      slots[at + HEAD] = head;
      slots[at + WHO] = who;
      slots[at + PLACE] = source[s + PLACE] as number;
      slots[at + A] = a;
      slots[at + B] = b;
    }
    return given;
  }

  private noteRunContact(run: number, contact: number): void {
    if (run >= this.runContacts.length) this.growRunContacts(run);
    this.runContacts[run] = contact;
  }

  private growRunContacts(run: number): void {
    const grown = new Int32Array(Math.max(run + 1, this.runContacts.length * 2)).fill(NO_CONTACT);
    grown.set(this.runContacts);
    this.runContacts = grown;
  }

  /** The slots of the chunk row `row` is in. */
  protected rowSlots(row: number): Int32Array {
    return this.chunkOf(row).slots;
  }

  private chunkOf(row: number): Chunk {
    return this.chunks[row >>> CHUNK_BITS] as Chunk;
  }

  /** Slot `slot` of a row. */
  private slot(row: number, slot: number): number {
    return this.chunkOf(row).slots[(row & MASK) * SLOTS + slot] as number;
  }

  tAt(row: number): number {
    const chunk = this.chunkOf(row);
    const offset = (chunk.slots[(row & MASK) * SLOTS + T] as number) >>> 0;
    return offset === EXACT_TIME ? (chunk.exactTimes?.get(row & MASK) as number) : chunk.base + offset;
  }
  kindAt(row: number): number {
    return this.slot(row, HEAD) & KIND_MASK;
  }
  codeAt(row: number): number {
    return (this.slot(row, HEAD) >> CODE_SHIFT) & CODE_MASK;
  }
  userAt(row: number): number {
    return (this.slot(row, HEAD) >>> USER_SHIFT) - 1;
  }
  contactAt(row: number): number {
    const who = this.slot(row, WHO);
    return who < 0 ? -who - 2 : (this.runContacts[who] as number);
  }
  runAt(row: number): number {
    const who = this.slot(row, WHO);
    return who < 0 ? -1 : who;
  }
  workflowAt(row: number): number {
    return (this.slot(row, PLACE) & WORKFLOW_MASK) - 1;
  }
  nodeAt(row: number): number {
    return (this.slot(row, PLACE) >>> STEP_SHIFT) - 1;
  }
  aAt(row: number): number {
    return this.slot(row, A);
  }
  bAt(row: number): number {
    return this.slot(row, B);
  }
  /** The due time of a row appended with one (timer rows). */
  dueAt(row: number): number {
    return this.slot(row, A) * TWO_32 + (this.slot(row, B) >>> 0);
  }

  /** Bytes held by the rows and the interned strings (UTF-16 estimate). */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) strings += 2 * s.length + 16;
    let aside = 0;
    for (const chunk of this.chunks) aside += (chunk.exactTimes?.size ?? 0) * 32;
    return this.chunks.length * CHUNK * ROW_BYTES + strings + aside + this.runContacts.byteLength;
  }
}

/**
 * The trace of a second run of the input a finished simulation ran (the simulator's playback
 * simulates again from the start to move through time, while the run to the end made at load is
 * kept for the report): the same rows come again in the same order, so each is checked against
 * the finished run's row instead of being stored a second time, and reads see that run's rows up
 * to this log's length. The source must be finished (nothing more is written to it). A row that
 * differs throws: the run is not the one the source recorded, and showing it would show another.
 *
 * A class of its own, so the engine's `append` stays one path for a log that stores.
 */
class ReplayedTraceLog extends TraceLog {
  private readonly source: TraceLog;

  constructor(source: TraceLog) {
    super(source);
    this.source = source;
  }

  override intern(text: string | undefined): number {
    if (text === undefined) return -1;
    const id = this.stringIds.get(text);
    if (id === undefined) throw this.diverged(this.length);
    return id;
  }

  override append(t: number, kind: number, contact: number, run: number, workflow: number, node: number, user: number, code: number, a: number, b: number, due: number): number {
    const row = this.length;
    const head = kind | (code << CODE_SHIFT) | ((user + 1) << USER_SHIFT);
    const place = (workflow + 1) | ((node + 1) << STEP_SHIFT);
    if (due >= 0) this.check(row, t, head, run < 0 ? -contact - 2 : run, place, Math.floor(due / TWO_32), due | 0);
    else this.check(row, t, head, run < 0 ? -contact - 2 : run, place, a, b);
    if (run >= 0 && kind === RUN_STARTED && this.runContacts[run] !== contact) throw this.diverged(row);
    this.length++;
    return row;
  }

  override appendRows(t: number, run: number, templates: Int32Array, from: number, to: number): void {
    for (let r = from; r < to; r++) {
      const k = r * 4;
      this.check(this.length, t, templates[k] as number, run, templates[k + 1] as number, templates[k + 2] as number, templates[k + 3] as number);
      this.length++;
    }
  }

  /** Holds no rows of its own. */
  override byteSize(): number {
    return 0;
  }

  /** Throws unless the source's row `row` is the row given, packed as `append` packs it. */
  private check(row: number, t: number, head: number, who: number, place: number, a: number, b: number): void {
    if (row >= this.source.length) throw this.diverged(row);
    const slots = this.rowSlots(row);
    const at = (row & MASK) * SLOTS;
    if (slots[at + HEAD] !== head || slots[at + WHO] !== who || slots[at + PLACE] !== place || slots[at + A] !== a || slots[at + B] !== b || this.tAt(row) !== t) throw this.diverged(row);
  }

  private diverged(row: number): Error {
    return new Error(`The replayed run differs from the one it replays at trace entry ${row}`);
  }
}

