import { COLUMN_BITS } from '../schema/limits.ts';
import { traceKindSchema, type TraceKind } from '../schema/trace.ts';

export const TRACE_KINDS = traceKindSchema.options;
/** Numeric codes of trace kinds, for the columns. */
export const K = Object.fromEntries(TRACE_KINDS.map((kind, i) => [kind, i])) as Record<TraceKind, number>;

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
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
const STEP_MASK = 2 ** COLUMN_BITS.traceStep - 1;
/** The place's top two bits: what the row's value slot holds (see `VALUE`). */
const SHAPE_SHIFT = STEP_SHIFT + COLUMN_BITS.traceStep;
if (SHAPE_SHIFT !== 30) throw new Error('the trace place must leave its top two bits for the value shape');

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
  /** Per chunk of rows: the time its offsets count from, its rows' slots, and where its stretches start. */
  readonly bases: Float64Array;
  readonly chunks: readonly Int32Array[];
  readonly starts: readonly Int32Array[];
  readonly stretchesBefore: readonly Int32Array[];
  /** Each stretch's time offset and who, in blocks. */
  readonly stretches: readonly Int32Array[];
  /** Rows' value pairs that do not fit their one slot, in blocks. */
  readonly pairs: readonly Int32Array[];
  /** Times no offset holds, by stretch. */
  readonly exactTimes: ReadonlyMap<number, number>;
  /** Each run's contact, by the log's run id. */
  readonly runContacts: Int32Array;
}

/**
 * A row is three Int32 slots (12 bytes), side by side so writing a row touches one stretch of
 * memory. Its time and who it is about are not in it: consecutive rows at the same time about the
 * same run or contact (a step, its message, its timer; a stop and its When stopped path) form a
 * stretch, stored once (`stretches`), and a bit per row marks where a stretch starts.
 */
const SLOTS = 3;
/** kind · code · user + 1, low bits first (widths in `COLUMN_BITS`). */
const HEAD = 0;
/** workflow + 1 · node + 1 · the value's shape, low bits first. */
const PLACE = 1;
/** The row's one value; what it is, its shape says (`SHAPE_*`). */
const VALUE = 2;
/** Neither `a` nor `b` (both -1). */
const SHAPE_NONE = 0;
/** `a` alone (b is -1); for a row with a due time, the due time's offset from the chunk's base. */
const SHAPE_A = 1;
/** `b` alone (a is -1). */
const SHAPE_B = 2;
/** Both: the value is the index of the pair in `pairs` (for a due time, its high and low 32 bits). */
const SHAPE_PAIR = 3;
/** Rows of a chunk, and so bits of its `starts`, a word holds. */
const WORD_BITS = 5;
const WORDS = CHUNK >>> WORD_BITS;
/** Stretches and pairs are kept in blocks of this many (two slots each). */
const BLOCK_BITS = 14;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/** Set bits of a 32-bit word. */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** 16,384 rows. */
class Chunk {
  /**
   * A stretch's time is `base` plus its offset in ms: the clock only moves forward, so the offsets
   * of a chunk's stretches are small whole numbers (4 bytes instead of 8). A time that is not (a
   * fraction of a ms in a live session, before `base`, or 49 days after it) is kept exactly aside.
   */
  readonly base: number;
  readonly slots: Int32Array;
  /** A bit per row: a stretch starts there. The first row of a chunk always starts one. */
  readonly starts: Int32Array;
  /** Per word of `starts`: how many stretches the log had before the word's first row. */
  readonly stretchesBefore: Int32Array;

  constructor(base: number, slots: Int32Array = new Int32Array(CHUNK * SLOTS), starts: Int32Array = new Int32Array(WORDS), stretchesBefore: Int32Array = new Int32Array(WORDS)) {
    this.base = base;
    this.slots = slots;
    this.starts = starts;
    this.stretchesBefore = stretchesBefore;
  }
}

/** The parts of a log its replay reads (see `ReplayedTraceLog`). */
interface Storage {
  readonly strings: string[];
  readonly stringIds: Map<string, number>;
  readonly chunks: Chunk[];
  readonly stretches: Int32Array[];
  readonly pairs: Int32Array[];
  readonly exactTimes: Map<number, number>;
  runContacts: Int32Array;
}

/**
 * The trace, stored as rows of three Int32 slots (12 bytes a row) in chunks of 16,384 rows rather
 * than one object per entry, so a simulation of 100,000 contacts records millions of entries
 * without copying on growth or burdening the garbage collector. Small fields share a slot (kind,
 * code and user; workflow, step and what the value slot holds); a row's time and who it is about
 * are stored once per stretch of rows that share them; of the two values `a` and `b` a row keeps
 * the one it has, and a pair (rare: a field and its value) aside. Strings (message texts, tags,
 * field values) are interned. `materializeEntry` turns a row back into a `TraceEntry` object.
 */
export class TraceLog {
  length = 0;
  readonly strings: string[];
  protected readonly stringIds: Map<string, number>;
  private readonly chunks: Chunk[];
  private readonly stretches: Int32Array[];
  private readonly pairs: Int32Array[];
  /** Times no offset holds, by stretch. */
  private readonly exactTimes: Map<number, number>;
  /** Each run's contact, by run id (4 bytes a run rather than a contact column of 4 bytes a row). */
  protected runContacts: Int32Array;
  private current: Chunk | null = null;
  private stretchCount = 0;
  private pairCount = 0;
  /** The time and who of the stretch being written. */
  private lastT = NaN;
  private lastWho = 0;
  /** The last row whose stretch was looked up, and its stretch. */
  private lookedUpRow = -1;
  private lookedUpStretch = 0;

  /** `shared`: the storage of the log this one reads (a `ReplayedTraceLog`, another thread's rows); none for a log of its own. */
  protected constructor(shared: Storage | null) {
    const storage: Storage = shared ?? { strings: [], stringIds: new Map(), chunks: [], stretches: [], pairs: [], exactTimes: new Map(), runContacts: new Int32Array(1024).fill(NO_CONTACT) };
    this.strings = storage.strings;
    this.stringIds = storage.stringIds;
    this.chunks = storage.chunks;
    this.stretches = storage.stretches;
    this.pairs = storage.pairs;
    this.exactTimes = storage.exactTimes;
    this.runContacts = storage.runContacts;
  }

  /** What a replay of this log reads. */
  protected storage(): Storage {
    return { strings: this.strings, stringIds: this.stringIds, chunks: this.chunks, stretches: this.stretches, pairs: this.pairs, exactTimes: this.exactTimes, runContacts: this.runContacts };
  }

  /** A log that stores its rows. */
  static create(): TraceLog {
    return new TraceLog(null);
  }

  /** A log that checks a second run's rows against a finished one's instead of storing them: see `ReplayedTraceLog`. */
  static replaying(source: TraceLog): TraceLog {
    return new ReplayedTraceLog(source.storage(), source);
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
    // A run's rows are about its contact: the one its `run.started` row names, kept once per run.
    if (run >= 0 && (kind === RUN_STARTED || run >= this.runContacts.length)) this.noteRunContact(run, contact);
    this.write(t, run < 0 ? -contact - 2 : run, kind | (code << CODE_SHIFT) | ((user + 1) << USER_SHIFT), (workflow + 1) | ((node + 1) << STEP_SHIFT), a, b, due);
    return row;
  }

  /** Appends a packed row (see `append`); for a row with a due time (`due` ≥ 0), `a` and `b` are not read. */
  private write(t: number, who: number, head: number, place: number, a: number, b: number, due: number): void {
    const at = this.openRow(t, who);
    const chunk = this.current as Chunk;
    const slots = chunk.slots;
    slots[at + HEAD] = head;
    if (due >= 0) {
      const offset = due - chunk.base;
      const whole = offset >>> 0;
      if (whole === offset && whole !== EXACT_TIME) {
        slots[at + PLACE] = place | (SHAPE_A << SHAPE_SHIFT);
        slots[at + VALUE] = whole | 0;
      } else {
        slots[at + PLACE] = place | (SHAPE_PAIR << SHAPE_SHIFT);
        slots[at + VALUE] = this.addPair(Math.floor(due / TWO_32), due | 0);
      }
    } else if (a === -1) {
      if (b === -1) {
        slots[at + PLACE] = place;
        slots[at + VALUE] = 0;
      } else if (rowSlots[head & KIND_MASK] === DUE_SLOTS) {
        slots[at + PLACE] = place | (SHAPE_PAIR << SHAPE_SHIFT);
        slots[at + VALUE] = this.addPair(a, b);
      } else {
        slots[at + PLACE] = place | (SHAPE_B << SHAPE_SHIFT);
        slots[at + VALUE] = b;
      }
    } else if (b === -1 && rowSlots[head & KIND_MASK] !== DUE_SLOTS) {
      slots[at + PLACE] = place | (SHAPE_A << SHAPE_SHIFT);
      slots[at + VALUE] = a;
    } else {
      // Both values, or a value of a row whose kind keeps a due time there.
      slots[at + PLACE] = place | (SHAPE_PAIR << SHAPE_SHIFT);
      slots[at + VALUE] = this.addPair(a, b);
    }
  }

  /** Keeps a pair of values aside; returns its index. */
  private addPair(a: number, b: number): number {
    const index = this.pairCount++;
    const k = index & BLOCK_MASK;
    if (k === 0) this.pairs.push(new Int32Array(2 << BLOCK_BITS));
    const block = this.pairs[index >>> BLOCK_BITS] as Int32Array;
    block[2 * k] = a;
    block[2 * k + 1] = b;
    return index;
  }

  /**
   * Rows of a run known before the instant they are written at (a planned path): kind, code,
   * user, workflow, step, `a` and `b` packed as `append` packs them, four slots a row (head,
   * place, the value, and for a pair its `b`), for `appendRows`. Not for `run.started` rows nor
   * rows with a due time.
   */
  static rowTemplate(kind: number, workflow: number, node: number, user: number, code: number, a: number, b: number): readonly [number, number, number, number] {
    if (kind === RUN_STARTED) throw new Error('a run.started row names its contact: append it');
    if ((rowSlots[kind] as number) === DUE_SLOTS) throw new Error('a row with a due time is appended with it');
    const shape = a === -1 ? (b === -1 ? SHAPE_NONE : SHAPE_B) : b === -1 ? SHAPE_A : SHAPE_PAIR;
    const value = shape === SHAPE_B ? b : shape === SHAPE_NONE ? 0 : a;
    return [kind | (code << CODE_SHIFT) | ((user + 1) << USER_SHIFT), (workflow + 1) | ((node + 1) << STEP_SHIFT) | (shape << SHAPE_SHIFT), value, shape === SHAPE_PAIR ? b : -1];
  }

  /** `a` and `b` of template row `k` (its first slot) of `templates`. */
  protected static templateValues(templates: Int32Array, k: number): [a: number, b: number] {
    const shape = (templates[k + 1] as number) >>> SHAPE_SHIFT;
    const value = templates[k + 2] as number;
    return shape === SHAPE_A ? [value, -1] : shape === SHAPE_B ? [-1, value] : shape === SHAPE_PAIR ? [value, templates[k + 3] as number] : [-1, -1];
  }

  /**
   * Appends rows `from` to `to` (exclusive) of `templates` (see `rowTemplate`), all at `t` and of
   * `run`: the same rows `append` writes, without packing each again.
   */
  appendRows(t: number, run: number, templates: Int32Array, from: number, to: number): void {
    const first = this.length & MASK;
    const chunk = this.current;
    // Rows that continue the stretch being written, in the current chunk: no stretch to start.
    if (chunk !== null && first !== 0 && first + (to - from) <= CHUNK && t === this.lastT && run === this.lastWho) {
      const slots = chunk.slots;
      let i = first;
      for (let k = from * 4, end = to * 4; k < end; k += 4, i++) {
        if ((i & 31) === 0) chunk.stretchesBefore[i >>> WORD_BITS] = this.stretchCount;
        const at = i * SLOTS;
        const place = templates[k + 1] as number;
        slots[at + HEAD] = templates[k] as number;
        slots[at + PLACE] = place;
        slots[at + VALUE] = place >>> SHAPE_SHIFT === SHAPE_PAIR ? this.addPair(templates[k + 2] as number, templates[k + 3] as number) : (templates[k + 2] as number);
      }
      this.length += to - from;
      return;
    }
    for (let k = from * 4, end = to * 4; k < end; k += 4) {
      const at = this.openRow(t, run);
      const slots = (this.current as Chunk).slots;
      const place = templates[k + 1] as number;
      slots[at + HEAD] = templates[k] as number;
      slots[at + PLACE] = place;
      slots[at + VALUE] = place >>> SHAPE_SHIFT === SHAPE_PAIR ? this.addPair(templates[k + 2] as number, templates[k + 3] as number) : (templates[k + 2] as number);
    }
  }

  /**
   * Takes the next row, in a new chunk when the current one is full, starting a stretch when its
   * time or who differs from the last row's; returns its first slot in the current chunk.
   */
  private openRow(t: number, who: number): number {
    const i = this.length++ & MASK;
    let chunk = this.current;
    const word = i >>> WORD_BITS;
    if (i === 0 || chunk === null) {
      chunk = new Chunk(t);
      this.chunks.push(chunk);
      this.current = chunk;
      chunk.stretchesBefore[0] = this.stretchCount;
      this.startStretch(chunk, i, t, who);
    } else {
      if ((i & 31) === 0) chunk.stretchesBefore[word] = this.stretchCount;
      if (t !== this.lastT || who !== this.lastWho) this.startStretch(chunk, i, t, who);
    }
    return i * SLOTS;
  }

  private startStretch(chunk: Chunk, i: number, t: number, who: number): void {
    const word = i >>> WORD_BITS;
    chunk.starts[word] = (chunk.starts[word] as number) | (1 << (i & 31));
    const s = this.stretchCount++;
    const k = s & BLOCK_MASK;
    if (k === 0) this.stretches.push(new Int32Array(2 << BLOCK_BITS));
    const block = this.stretches[s >>> BLOCK_BITS] as Int32Array;
    const offset = t - chunk.base;
    // `>>> 0` keeps a whole number in [0, 2^32) as it is and changes anything else.
    const whole = offset >>> 0;
    if (whole === offset && whole !== EXACT_TIME) block[2 * k] = whole | 0;
    else {
      block[2 * k] = EXACT_TIME | 0;
      this.exactTimes.set(s, t);
    }
    block[2 * k + 1] = who;
    this.lastT = t;
    this.lastWho = who;
  }

  /**
   * The rows as they are stored, for another thread (a pool's part): no copy, so nothing may be
   * written to this log afterwards.
   */
  rows(): TraceRows {
    return {
      length: this.length,
      bases: Float64Array.from(this.chunks, (chunk) => chunk.base),
      chunks: this.chunks.map((chunk) => chunk.slots),
      starts: this.chunks.map((chunk) => chunk.starts),
      stretchesBefore: this.chunks.map((chunk) => chunk.stretchesBefore),
      stretches: this.stretches,
      pairs: this.pairs,
      exactTimes: this.exactTimes,
      runContacts: this.runContacts,
    };
  }

  /**
   * Appends rows `from` to `to` (exclusive) of another log's `rows` with this log's ids: a string
   * id `i` there is `strings[i]` here, and a run's id there is `runs[id]` here — given here, from
   * `nextRun` on, to each run at its `run.started` row. Returns the next run id to give.
   */
  appendRemapped(rows: TraceRows, from: number, to: number, strings: Int32Array, runs: Int32Array, nextRun: number): number {
    const source = TraceLog.reading(rows);
    const meanings = rowSlots;
    let given = nextRun;
    for (let i = from; i < to; i++) {
      const head = source.headAt(i);
      const kind = head & KIND_MASK;
      let who = source.whoAt(i);
      if (who >= 0) {
        if (kind === RUN_STARTED) {
          runs[who] = given;
          this.noteRunContact(given++, rows.runContacts[who] as number);
        }
        who = runs[who] as number;
      }
      const meaning = meanings[kind] as number;
      let a = source.aAt(i);
      let b = source.bAt(i);
      if (meaning === DUE_SLOTS) {
        this.write(source.tAt(i), who, head, source.placeAt(i), a, b, a === -1 && b === -1 ? -1 : source.dueAt(i));
        continue;
      }
      if (a >= 0) a = strings[a] as number;
      if (b >= 0) b = meaning === STRING_AND_RUN ? (runs[b] as number) : (strings[b] as number);
      this.write(source.tAt(i), who, head, source.placeAt(i), a, b, -1);
    }
    return given;
  }

  /** A log over another thread's rows, to read them (nothing is written to it). */
  private static reading(rows: TraceRows): TraceLog {
    const log = new TraceLog({
      strings: [],
      stringIds: new Map(),
      chunks: Array.from(rows.chunks, (slots, c) => new Chunk(rows.bases[c] as number, slots, rows.starts[c], rows.stretchesBefore[c])),
      stretches: rows.stretches.slice(),
      pairs: rows.pairs.slice(),
      exactTimes: new Map(rows.exactTimes),
      runContacts: rows.runContacts,
    });
    log.length = rows.length;
    return log;
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

  private chunkOf(row: number): Chunk {
    return this.chunks[row >>> CHUNK_BITS] as Chunk;
  }

  /** Slot `slot` of a row. */
  private slot(row: number, slot: number): number {
    return this.chunkOf(row).slots[(row & MASK) * SLOTS + slot] as number;
  }

  /** The index of the stretch row `row` is in: the stretches begun before its word, and in its word up to it. */
  private stretchOf(row: number): number {
    // Readers ask for several fields of a row in turn (its time, contact and run): looked up once.
    if (row === this.lookedUpRow) return this.lookedUpStretch;
    const chunk = this.chunkOf(row);
    const i = row & MASK;
    const word = i >>> WORD_BITS;
    const starts = chunk.starts[word] as number;
    // Most readers go through the rows in order: the next row is in the same stretch unless one starts there.
    const stretch =
      row === this.lookedUpRow + 1 && i !== 0
        ? this.lookedUpStretch + ((starts >>> (i & 31)) & 1)
        : (chunk.stretchesBefore[word] as number) + bitCount(starts & (-1 >>> (31 - (i & 31)))) - 1;
    this.lookedUpRow = row;
    this.lookedUpStretch = stretch;
    return stretch;
  }

  /** Slot `slot` (0: time offset, 1: who) of stretch `s`. */
  private stretchSlot(s: number, slot: number): number {
    return (this.stretches[s >>> BLOCK_BITS] as Int32Array)[2 * (s & BLOCK_MASK) + slot] as number;
  }

  /** Value `slot` (0: a, 1: b) of pair `p`. */
  private pairSlot(p: number, slot: number): number {
    return (this.pairs[p >>> BLOCK_BITS] as Int32Array)[2 * (p & BLOCK_MASK) + slot] as number;
  }

  /** The packed kind · code · user of a row. */
  protected headAt(row: number): number {
    return this.slot(row, HEAD);
  }
  /** The packed workflow · node of a row, without its value's shape. */
  protected placeAt(row: number): number {
    return this.slot(row, PLACE) & ~(3 << SHAPE_SHIFT);
  }
  /** A run's id (≥ 0), or -(contact + 2) for a row about a contact without a run, or -1. */
  protected whoAt(row: number): number {
    return this.stretchSlot(this.stretchOf(row), 1);
  }

  /** Whether row `row` is at time `t` and about `who` (see `whoAt`): one look at its stretch. */
  protected isAt(row: number, t: number, who: number): boolean {
    const s = this.stretchOf(row);
    if (this.stretchSlot(s, 1) !== who) return false;
    const offset = this.stretchSlot(s, 0) >>> 0;
    return (offset === EXACT_TIME ? (this.exactTimes.get(s) as number) : this.chunkOf(row).base + offset) === t;
  }

  tAt(row: number): number {
    const s = this.stretchOf(row);
    const offset = this.stretchSlot(s, 0) >>> 0;
    return offset === EXACT_TIME ? (this.exactTimes.get(s) as number) : this.chunkOf(row).base + offset;
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
    const who = this.whoAt(row);
    return who < 0 ? -who - 2 : (this.runContacts[who] as number);
  }
  runAt(row: number): number {
    const who = this.whoAt(row);
    return who < 0 ? -1 : who;
  }
  workflowAt(row: number): number {
    return (this.slot(row, PLACE) & WORKFLOW_MASK) - 1;
  }
  nodeAt(row: number): number {
    return ((this.slot(row, PLACE) >>> STEP_SHIFT) & STEP_MASK) - 1;
  }
  /** The row's `a` (for a row with a due time, the due time's high 32 bits). */
  aAt(row: number): number {
    const shape = this.slot(row, PLACE) >>> SHAPE_SHIFT;
    if (shape === SHAPE_A) return (rowSlots[this.kindAt(row)] as number) === DUE_SLOTS ? Math.floor(this.dueAt(row) / TWO_32) : this.slot(row, VALUE);
    return shape === SHAPE_PAIR ? this.pairSlot(this.slot(row, VALUE), 0) : -1;
  }
  /** The row's `b` (for a row with a due time, the due time's low 32 bits). */
  bAt(row: number): number {
    const shape = this.slot(row, PLACE) >>> SHAPE_SHIFT;
    if (shape === SHAPE_B) return this.slot(row, VALUE);
    if (shape === SHAPE_A) return (rowSlots[this.kindAt(row)] as number) === DUE_SLOTS ? this.dueAt(row) | 0 : -1;
    return shape === SHAPE_PAIR ? this.pairSlot(this.slot(row, VALUE), 1) : -1;
  }
  /** The due time of a row appended with one (timer rows). */
  dueAt(row: number): number {
    const shape = this.slot(row, PLACE) >>> SHAPE_SHIFT;
    if (shape === SHAPE_A) return this.chunkOf(row).base + (this.slot(row, VALUE) >>> 0);
    if (shape === SHAPE_PAIR) {
      const p = this.slot(row, VALUE);
      return this.pairSlot(p, 0) * TWO_32 + (this.pairSlot(p, 1) >>> 0);
    }
    return -1;
  }

  /** Bytes held by the rows and the interned strings (UTF-16 estimate). */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) strings += 2 * s.length + 16;
    const chunkBytes = 4 * (CHUNK * SLOTS + 2 * WORDS);
    const blockBytes = 4 * (2 << BLOCK_BITS);
    return this.chunks.length * chunkBytes + (this.stretches.length + this.pairs.length) * blockBytes + strings + this.exactTimes.size * 32 + this.runContacts.byteLength;
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

  constructor(storage: Storage, source: TraceLog) {
    super(storage);
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
      const [a, b] = TraceLog.templateValues(templates, k);
      this.check(this.length, t, templates[k] as number, run, (templates[k + 1] as number) & ~(3 << SHAPE_SHIFT), a, b);
      this.length++;
    }
  }

  /** Holds no rows of its own. */
  override byteSize(): number {
    return 0;
  }

  /** Throws unless the source's row `row` is the row given, packed as `append` packs it (`a` and `b` of a row with a due time: its high and low 32 bits). */
  private check(row: number, t: number, head: number, who: number, place: number, a: number, b: number): void {
    if (row >= this.source.length) throw this.diverged(row);
    if (this.headAt(row) !== head || this.placeAt(row) !== place || this.aAt(row) !== a || this.bAt(row) !== b || !this.isAt(row, t, who)) throw this.diverged(row);
  }

  private diverged(row: number): Error {
    return new Error(`The replayed run differs from the one it replays at trace entry ${row}`);
  }
}
