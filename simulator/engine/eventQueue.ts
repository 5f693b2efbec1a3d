/** Queue classes: at one instant, external events run before timers (rule 4 of a stop, SEMANTICS.md). */
export const EXTERNAL = 0;
export const TIMER = 1;

const CLASS_WEIGHT = 2 ** 42;
/** Entries a heap has room for at first. */
const INITIAL_HEAP = 1024;

/** Where entries are queued: the simulation's EventQueue, or any queue with the same ordering. */
export interface Schedule {
  push(time: number, queueClass: number, a: number, b: number): void;
}

/** The sort key of an entry after its time: class first, then insertion sequence. */
export function orderKey(queueClass: number, sequence: number): number {
  return queueClass * CLASS_WEIGHT + sequence;
}

/**
 * A binary min-heap of entries ordered by (time, order), each with two integers of payload.
 * Entries are stored interleaved in one Float64Array — [time, order, a, b] — so an entry and its
 * sibling share a cache line. `pop()` writes the entry into the `top*` fields instead of
 * returning an object, so a hot loop allocates nothing per entry.
 */
export class BinaryHeap {
  size = 0;
  topTime = 0;
  topOrder = 0;
  topClass = 0;
  topA = 0;
  topB = 0;
  private data: Float64Array;

  constructor(capacity = INITIAL_HEAP) {
    this.data = new Float64Array(capacity * 4);
  }

  /** When the earliest entry is due, or `Infinity` when the queue is empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : (this.data[0] as number);
  }

  /** The order key of the earliest entry (call only when not empty). */
  peekOrder(): number {
    return this.data[1] as number;
  }

  /** Adds an entry; `order` breaks ties between equal times (see `orderKey`). */
  push(time: number, order: number, a: number, b: number): void {
    if ((this.size + 1) * 4 > this.data.length) this.grow();
    const d = this.data;
    let i = this.size++;
    // Sift the hole up, moving parents down, then write the new entry once.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = parent * 4;
      const pt = d[p] as number;
      if (pt < time || (pt === time && (d[p + 1] as number) < order)) break;
      const h = i * 4;
      d[h] = pt;
      d[h + 1] = d[p + 1] as number;
      d[h + 2] = d[p + 2] as number;
      d[h + 3] = d[p + 3] as number;
      i = parent;
    }
    const h = i * 4;
    d[h] = time;
    d[h + 1] = order;
    d[h + 2] = a;
    d[h + 3] = b;
  }

  /** Removes the earliest entry into `topTime`, `topClass`, `topA`, `topB`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const d = this.data;
    this.topTime = d[0] as number;
    this.topOrder = d[1] as number;
    this.topClass = this.topOrder >= CLASS_WEIGHT ? TIMER : EXTERNAL;
    // Payloads are int32; `| 0` hands them on as small integers, not doubles, so the code that
    // indexes tables with them stays on V8's integer fast path.
    this.topA = (d[2] as number) | 0;
    this.topB = (d[3] as number) | 0;
    const last = --this.size;
    if (last === 0) return true;
    // Move the last entry to the root and sift it down.
    const l = last * 4;
    d[0] = d[l] as number;
    d[1] = d[l + 1] as number;
    d[2] = d[l + 2] as number;
    d[3] = d[l + 3] as number;
    this.siftDown(0);
    return true;
  }

  /**
   * Replaces the contents with `count` entries laid out [time, order, a, b] in `source`, ordered
   * bottom-up (Floyd's heapify): linear time, where pushing them one by one is n log n.
   */
  load(source: Float64Array, count: number): void {
    this.clear();
    this.appendUnordered(source, 0, count);
    this.heapify();
  }

  /** Empties the heap (to refill it with `appendUnordered` and `heapify`). */
  clear(): void {
    this.size = 0;
  }

  /** Lets go of grown storage while the heap is empty (see EventQueue.releaseStorage). */
  releaseStorage(): void {
    if (this.size === 0 && this.data.length > INITIAL_HEAP * 4) this.data = new Float64Array(INITIAL_HEAP * 4);
  }

  byteSize(): number {
    return this.data.byteLength;
  }

  /** Adds `count` entries from `source` at `from` without ordering them; call `heapify` after. */
  appendUnordered(source: Float64Array, from: number, count: number): void {
    while ((this.size + count) * 4 > this.data.length) this.grow();
    this.data.set(source.subarray(from, from + count * 4), this.size * 4);
    this.size += count;
  }

  /** Restores the heap order after `appendUnordered` (Floyd's heapify). */
  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const d = this.data;
    const last = this.size;
    const h0 = start * 4;
    const time = d[h0] as number;
    const order = d[h0 + 1] as number;
    const a = d[h0 + 2] as number;
    const b = d[h0 + 3] as number;
    let i = start;
    while (2 * i + 1 < last) {
      let child = 2 * i + 1;
      let c = child * 4;
      if (child + 1 < last) {
        const r = c + 4;
        const rt = d[r] as number;
        const ct = d[c] as number;
        if (rt < ct || (rt === ct && (d[r + 1] as number) < (d[c + 1] as number))) {
          child++;
          c = r;
        }
      }
      const ct = d[c] as number;
      if (time < ct || (time === ct && order < (d[c + 1] as number))) break;
      const h = i * 4;
      d[h] = ct;
      d[h + 1] = d[c + 1] as number;
      d[h + 2] = d[c + 2] as number;
      d[h + 3] = d[c + 3] as number;
      i = child;
    }
    const h = i * 4;
    d[h] = time;
    d[h + 1] = order;
    d[h + 2] = a;
    d[h + 3] = b;
  }

  private grow(): void {
    const data = new Float64Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
  }
}

const RING = 4096;
/** Entries per storage block of the ring (32 bytes each: a block is 1 KB). */
const BLOCK = 32;
const BLOCK_FLOATS = BLOCK * 4;
/** Blocks of the ring's storage, and entries of the current bucket's sorted run, at first. */
const INITIAL_BLOCKS = 256;
const INITIAL_RUN = 256;
/** Sort keys of a bucket (see sortRun): entries per bucket, and ms of time within one. */
const RUN_INDEX_SPAN = 2 ** 20;
const RUN_TIME_SPAN = 2 ** 31;
/**
 * Bucket numbers from here on are not counted through: far past any date (2^40 minutes), where
 * `key + 1` would soon stop changing a double, every entry waits in the heap instead (see
 * `openFarBucket`). Inputs never get here (LIMITS.horizonMs); the queue is safe anyway.
 */
const MAX_BUCKET = 2 ** 40;

/**
 * The simulation's event queue, ordered by (time, class, sequence): at one instant external
 * events come before timers, and entries of a class keep the order they were queued in.
 *
 * A calendar queue (a timing wheel). Virtual time is cut into buckets (one minute by default);
 * the current bucket is sorted when it opens (entries queued into it afterwards go to a small
 * heap beside it); the entries of the next 4,095 buckets are appended to a ring of buckets;
 * anything later waits in an overflow heap and moves into the ring as the window reaches it. A population of 100,000 contacts thus sorts a
 * few hundred entries at a time in cache, instead of sifting through a heap of 100,000, and a
 * push is an append. Bucket storage is reused, so a long simulation allocates almost nothing.
 */
export class EventQueue {
  topTime = 0;
  topClass = 0;
  /** The order key of the entry taken last (see `orderKey`): its class and push sequence. */
  topOrder = 0;
  topA = 0;
  topB = 0;
  /**
   * The current bucket, sorted once when it opens: its entries ([time, order, a, b]) in `run`,
   * in `runKeys` their places in `run` in queue order (sort keys until sorted, see `sortRun`),
   * the next to take at `runAt`. Entries queued into the current bucket while it is open go to
   * the small heap `current`; `pop` takes the earlier of the two.
   * A sort (native, on numbers) and reads in order cost less than sifting every entry out of a
   * heap, whose comparisons the CPU cannot predict.
   */
  private run = new Float64Array(INITIAL_RUN * 4);
  private runKeys = new Float64Array(INITIAL_RUN);
  private runAt = 0;
  private runCount = 0;
  private readonly current = new BinaryHeap();
  private currentBucket = -1;
  /**
   * The ring's storage: one slab of blocks of BLOCK entries ([time, order, a, b] each), a
   * bucket being a chain of blocks. A push goes to a random bucket; with per-bucket objects it
   * chased bucket → typed array → backing store, a chain of dependent cache misses, before it
   * could write. Here it reads three small Int32Arrays that stay in cache and stores into the
   * slab, and a store that misses does not stall the CPU as a load does.
   */
  private slab = new Float64Array(INITIAL_BLOCKS * BLOCK_FLOATS);
  /** Per block: the next block of its bucket, or the next free block; -1 at the end. */
  private blockNext = new Int32Array(INITIAL_BLOCKS).fill(-1);
  /** Blocks never handed out start here; freed blocks go on the free list. */
  private blocksUsed = 0;
  private freeBlock = -1;
  /** Per ring slot: entries queued, first and last block of the chain. */
  private readonly bucketLength = new Int32Array(RING);
  private readonly bucketHead = new Int32Array(RING);
  private readonly bucketTail = new Int32Array(RING);
  /** Entries in the ring. */
  private inRing = 0;
  /** Entries beyond the ring's window. */
  private readonly overflow = new BinaryHeap();
  private sequence = 0;
  private count = 0;

  constructor(private readonly bucketWidthMs = 60_000) {}

  get size(): number {
    return this.count;
  }

  /**
   * Lets go of the storage sized for the busiest moment that nothing uses now: the ring's blocks
   * once the ring is empty, the current bucket's run once it is all taken, an empty heap's room.
   * A simulation run to its end keeps its queue (and its trace, for a report or a timeline), and
   * the slab alone was about 84 bytes a contact of a population. Whatever is still queued stays
   * where it is; later pushes grow the storage again.
   */
  releaseStorage(): void {
    if (this.inRing === 0 && this.slab.length > INITIAL_BLOCKS * BLOCK_FLOATS) {
      this.slab = new Float64Array(INITIAL_BLOCKS * BLOCK_FLOATS);
      this.blockNext = new Int32Array(INITIAL_BLOCKS).fill(-1);
      this.blocksUsed = 0;
      this.freeBlock = -1;
    }
    if (this.runAt === this.runCount && this.runKeys.length > INITIAL_RUN) {
      this.run = new Float64Array(INITIAL_RUN * 4);
      this.runKeys = new Float64Array(INITIAL_RUN);
      this.runAt = 0;
      this.runCount = 0;
    }
    this.current.releaseStorage();
    this.overflow.releaseStorage();
  }

  /** Bytes the queue's storage holds. */
  byteSize(): number {
    return this.slab.byteLength + this.blockNext.byteLength + this.run.byteLength + this.runKeys.byteLength + this.current.byteSize() + this.overflow.byteSize();
  }

  /** How many entries were ever pushed: the sequence the next push gets. */
  get pushed(): number {
    return this.sequence;
  }

  push(time: number, queueClass: number, a: number, b: number): void {
    if (Number.isNaN(time)) throw new RangeError('An event queue entry needs a time');
    const order = orderKey(queueClass, this.sequence++);
    const key = Math.floor(time / this.bucketWidthMs);
    this.count++;
    if (key <= this.currentBucket) this.current.push(time, order, a, b);
    else if (key < this.currentBucket + RING && key < MAX_BUCKET) this.append(key, time, order, a, b);
    else this.overflow.push(time, order, a, b);
  }

  /** When the earliest entry is due, or `Infinity` when the queue is empty. */
  peekTime(): number {
    if (this.runAt === this.runCount && this.current.size === 0 && !this.openNextBucket()) return Infinity;
    if (this.runAt === this.runCount) return this.current.peekTime();
    const time = this.run[this.runKeyIndex(this.runAt) * 4] as number;
    return this.current.size === 0 ? time : Math.min(time, this.current.peekTime());
  }

  /** Removes the earliest entry into `topTime`, `topClass`, `topA`, `topB`; false when empty. */
  pop(): boolean {
    if (this.runAt === this.runCount && this.current.size === 0 && !this.openNextBucket()) return false;
    this.count--;
    const heap = this.current;
    if (this.runAt < this.runCount) {
      const at = this.runKeyIndex(this.runAt) * 4;
      const run = this.run;
      const time = run[at] as number;
      const order = run[at + 1] as number;
      const heapFirst = heap.size > 0 && (heap.peekTime() < time || (heap.peekTime() === time && heap.peekOrder() < order));
      if (!heapFirst) {
        this.runAt++;
        this.topTime = time;
        this.topOrder = order;
        this.topClass = order >= CLASS_WEIGHT ? TIMER : EXTERNAL;
        // Payloads are int32 (see BinaryHeap.pop).
        this.topA = (run[at + 2] as number) | 0;
        this.topB = (run[at + 3] as number) | 0;
        return true;
      }
    }
    heap.pop();
    this.topTime = heap.topTime;
    this.topOrder = heap.topOrder;
    this.topClass = heap.topClass;
    this.topA = heap.topA;
    this.topB = heap.topB;
    return true;
  }

  /** The place in `run` of the `i`-th entry in order. */
  private runKeyIndex(i: number): number {
    return this.runKeys[i] as number;
  }

  private append(key: number, time: number, order: number, a: number, b: number): void {
    const slot = key & (RING - 1);
    const length = this.bucketLength[slot] as number;
    const offset = length & (BLOCK - 1);
    let block: number;
    if (offset === 0) {
      // The bucket's last block is full (or it has none): chain a new one.
      block = this.takeBlock();
      if (length === 0) this.bucketHead[slot] = block;
      else this.blockNext[this.bucketTail[slot] as number] = block;
      this.bucketTail[slot] = block;
    } else {
      block = this.bucketTail[slot] as number;
    }
    const d = this.slab;
    const at = block * BLOCK_FLOATS + offset * 4;
    d[at] = time;
    d[at + 1] = order;
    d[at + 2] = a;
    d[at + 3] = b;
    this.bucketLength[slot] = length + 1;
    this.inRing++;
  }

  /** A free block of the slab, taken off the free list or, when it is empty, new. */
  private takeBlock(): number {
    let block = this.freeBlock;
    if (block >= 0) {
      this.freeBlock = this.blockNext[block] as number;
    } else {
      block = this.blocksUsed++;
      if (block >= this.blockNext.length) this.growSlab();
    }
    this.blockNext[block] = -1;
    return block;
  }

  private growSlab(): void {
    const slab = new Float64Array(this.slab.length * 2);
    slab.set(this.slab);
    this.slab = slab;
    const next = new Int32Array(this.blockNext.length * 2).fill(-1);
    next.set(this.blockNext);
    this.blockNext = next;
  }

  /** Makes the next non-empty bucket current; false when the queue is empty. */
  private openNextBucket(): boolean {
    if (this.inRing === 0) {
      if (this.overflow.size === 0) return false;
      // Nothing in the window: jump it to the earliest overflow entry.
      const key = Math.floor(this.overflow.peekTime() / this.bucketWidthMs);
      if (!(key < MAX_BUCKET)) return this.openFarBucket();
      this.currentBucket = key - 1;
      this.refillRing();
    }
    const lengths = this.bucketLength;
    let key = this.currentBucket + 1;
    while (lengths[key & (RING - 1)] === 0) key++;
    this.currentBucket = key;
    const slot = key & (RING - 1);
    const count = lengths[slot] as number;
    // Copy the chain's entries into `run`, and its blocks back to the free list.
    if (count * 4 > this.run.length) {
      this.run = new Float64Array(count * 8);
      this.runKeys = new Float64Array(count * 2);
    }
    const run = this.run;
    let block = this.bucketHead[slot] as number;
    for (let done = 0; done < count; done += BLOCK) {
      const n = Math.min(count - done, BLOCK);
      const from = block * BLOCK_FLOATS;
      run.set(this.slab.subarray(from, from + n * 4), done * 4);
      const next = this.blockNext[block] as number;
      this.blockNext[block] = this.freeBlock;
      this.freeBlock = block;
      block = next;
    }
    this.sortRun(count, key * this.bucketWidthMs);
    this.inRing -= count;
    lengths[slot] = 0;
    this.refillRing();
    return true;
  }

  /**
   * Orders the `count` entries of `run` (bucket starting at `start`) by (time, class, sequence)
   * into `runKeys`. Each key packs the time within the bucket, the class and the entry's place
   * in the bucket into one exactly representable number, so a plain numeric sort orders them.
   * The place stands in for the sequence: a bucket receives its entries in sequence order
   * among those of equal time and class (the overflow hands over all of a bucket's entries in
   * (time, order) order before any push can reach the bucket directly, and pushes come in
   * sequence order). Buckets whose keys would not be exact (fractional times, huge buckets) go
   * to the heap instead.
   */
  private sortRun(count: number, start: number): void {
    const run = this.run;
    const keys = this.runKeys;
    let packable = count <= RUN_INDEX_SPAN && this.bucketWidthMs <= RUN_TIME_SPAN;
    for (let i = 0; i < count && packable; i++) {
      const offset = (run[i * 4] as number) - start;
      const queueClass = (run[i * 4 + 1] as number) >= CLASS_WEIGHT ? TIMER : EXTERNAL;
      packable = Number.isInteger(offset);
      keys[i] = (offset * 2 + queueClass) * RUN_INDEX_SPAN + i;
    }
    if (packable) {
      keys.subarray(0, count).sort();
      // Keep only each key's place in the bucket: the order to read `run` in.
      for (let i = 0; i < count; i++) keys[i] = (keys[i] as number) % RUN_INDEX_SPAN;
      this.runAt = 0;
      this.runCount = count;
      return;
    }
    this.runAt = 0;
    this.runCount = 0;
    this.current.load(run, count);
  }

  /**
   * Past MAX_BUCKET (or at an infinite time) the current bucket never ends: everything left goes
   * to its heap, and so does every later push (`currentBucket` is Infinity). Ordered, and no loop
   * waits for a bucket number to change.
   */
  private openFarBucket(): boolean {
    const overflow = this.overflow;
    this.currentBucket = Infinity;
    while (overflow.pop()) this.current.push(overflow.topTime, overflow.topOrder, overflow.topA, overflow.topB);
    return this.current.size > 0;
  }

  /** Moves overflow entries that the window now reaches into the ring. */
  private refillRing(): void {
    const overflow = this.overflow;
    const limit = Math.min(this.currentBucket + RING, MAX_BUCKET) * this.bucketWidthMs;
    while (overflow.size > 0 && overflow.peekTime() < limit) {
      overflow.pop();
      const time = overflow.topTime;
      this.append(Math.floor(time / this.bucketWidthMs), time, overflow.topOrder, overflow.topA, overflow.topB);
    }
  }
}
