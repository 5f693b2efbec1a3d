import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { K, TraceLog } from '../../../simulator/engine/traceLog.ts';

const DAY = 86_400_000;

function appendAt(trace: TraceLog, times: readonly number[]): void {
  times.forEach((t, i) => trace.append(t, K.event, i, -1, 0, i % 7, -1, 0, -1, i % 5, -1));
}

describe('the trace log', () => {
  it('gives back every row’s time across chunks, whole ms forward as a simulation writes them', () => {
    const trace = TraceLog.create();
    const times = Array.from({ length: 40_000 }, (_, i) => Math.floor(i / 3) * 1_000);
    appendAt(trace, times);
    expect(trace.length).toBe(times.length);
    for (const row of [0, 1, 16_383, 16_384, 16_385, 39_999]) expect(trace.tAt(row)).toBe(times[row]);
    expect(trace.contactAt(16_384)).toBe(16_384);
    expect(trace.nodeAt(39_999)).toBe(39_999 % 7);
  });

  it('keeps times no offset holds exactly: fractions of a ms, a clock that went back, 60 days after a chunk began', () => {
    const trace = TraceLog.create();
    const times = [5_000, 5_000.25, 4_000, 5_000 + 60 * DAY, 365 * DAY + 0.5, 7];
    appendAt(trace, times);
    expect(times.map((_, row) => trace.tAt(row))).toEqual(times);
    // The other columns of those rows are untouched by the time kept aside.
    expect(times.map((_, row) => trace.contactAt(row))).toEqual(times.map((_, i) => i));
    expect(times.map((_, row) => trace.bAt(row))).toEqual(times.map((_, i) => i % 5));
  });

  it('gives back any sequence of times and due times exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 400 * DAY }), fc.double({ min: 0, max: 400 * DAY, noNaN: true })), { maxLength: 300 }), (times) => {
        const trace = TraceLog.create();
        times.forEach((t, i) => trace.append(t, K['timer.set'], i, -1, 0, 1, -1, 0, -1, -1, Math.floor(t) + DAY));
        expect(times.map((_, row) => trace.tAt(row))).toEqual(times);
        expect(times.map((_, row) => trace.dueAt(row))).toEqual(times.map((t) => Math.floor(t) + DAY));
      }),
    );
  });

  it('gives back every field of any sequence of rows as appended (property): times shared or not, runs and contacts, values absent, one or both, due times near and far', () => {
    const value = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 50 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    const row = fc.record({
      dt: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 80 * DAY }), fc.constant(0.5), fc.constant(-1_000)),
      kind: fc.constantFrom(K.event, K.step, K['message.sent'], K['comment.added'], K['timer.set'], K['timer.cancelled'], K['trigger.ignored'], K['run.completed']),
      who: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 40 })),
      workflow: fc.integer({ min: -1, max: 998 }),
      node: fc.integer({ min: -1, max: 5_000 }),
      user: fc.integer({ min: -1, max: 9_999 }),
      code: fc.integer({ min: 0, max: 200 }),
      a: value,
      b: value,
      due: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 3650 * DAY })),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), fc.integer({ min: 0, max: 16_383 }), (rows, padding) => {
        const trace = TraceLog.create();
        // Runs 0-40 are started first (each names contact run + 100), after rows that move the others across a chunk's end.
        for (let run = 0; run <= 40; run++) trace.append(0, K['run.started'], run + 100, run, 0, 0, -1, 0, -1, -1, -1);
        for (let i = 0; i < padding; i++) trace.append(0, K.event, 1, -1, 0, -1, -1, 0, -1, -1, -1);
        const first = trace.length;
        let t = 1_000;
        const hasDue: boolean[] = [];
        const expected = rows.map((r) => {
          t += r.dt;
          // A row with a due time keeps it in place of its values.
          const due = r.kind === K['timer.set'] || r.kind === K['timer.cancelled'] ? r.due : -1;
          const run = r.who >= 0 && r.who % 2 === 0 ? r.who : -1;
          const contact = run >= 0 ? run + 100 : r.who;
          trace.append(t, r.kind, contact, run, r.workflow, r.node, r.user, r.code, r.a, r.b, due);
          hasDue.push(due >= 0);
          return [t, r.kind, r.code, r.user, contact, run, r.workflow, r.node, due >= 0 ? due : r.a, due >= 0 ? due : r.b];
        });
        const read = expected.map((_, i) => {
          const at = first + i;
          const values = hasDue[i] ? [trace.dueAt(at), trace.dueAt(at)] : [trace.aAt(at), trace.bAt(at)];
          return [trace.tAt(at), trace.kindAt(at), trace.codeAt(at), trace.userAt(at), trace.contactAt(at), trace.runAt(at), trace.workflowAt(at), trace.nodeAt(at), ...values];
        });
        expect(read).toEqual(expected);
        // Back to front as well: each row's stretch found without the row before it.
        const backwards = expected.map((_, i) => first + expected.length - 1 - i).map((at) => [trace.tAt(at), trace.contactAt(at), trace.runAt(at)]);
        expect(backwards).toEqual(expected.map((row) => [row[0], row[4], row[5]]).reverse());
      }),
      { numRuns: 60 },
    );
  });

  it('stores a row in 12 bytes, with its time and who once per stretch of rows that share them, and a second value aside', () => {
    const rows = 10 * 16_384;
    const everyRowNew = TraceLog.create();
    const stretchesOfFive = TraceLog.create();
    everyRowNew.append(0, K['run.started'], 1, 0, 0, 0, -1, 0, -1, -1, -1);
    stretchesOfFive.append(0, K['run.started'], 1, 0, 0, 0, -1, 0, -1, -1, -1);
    for (let i = 1; i < rows; i++) {
      everyRowNew.append(i, K.event, i, -1, 0, -1, -1, 0, 3, -1, -1);
      stretchesOfFive.append(Math.floor(i / 5), K.step, 1, 0, 0, 1, -1, 0, -1, 4, -1);
    }
    const runContacts = 4 * 1024;
    // Per chunk: the rows, and a bit and a count per 32 rows saying where stretches start; stretches in blocks of 16,384, 8 bytes each.
    const chunks = 10 * (16_384 * 12 + 2 * 4 * 512);
    const block = 16_384 * 8;
    expect(everyRowNew.byteSize() - runContacts).toBe(chunks + 10 * block);
    // 32,768 stretches of five rows, and one more where a chunk begins inside a stretch: three blocks.
    expect(stretchesOfFive.byteSize() - runContacts).toBe(chunks + 3 * block);
    // Under 15 bytes a row, blocks not yet full included (each row took 24 before stretches).
    expect((stretchesOfFive.byteSize() - runContacts) / rows).toBeLessThan(15);
    expect([stretchesOfFive.tAt(rows - 1), stretchesOfFive.contactAt(rows - 1), stretchesOfFive.bAt(rows - 1)]).toEqual([Math.floor((rows - 1) / 5), 1, 4]);
    // A row with both values keeps them in a block of pairs.
    const pairs = TraceLog.create();
    pairs.append(0, K['contact.changed'], 1, -1, 0, -1, -1, 0, 3, 4, -1);
    expect(pairs.byteSize() - runContacts).toBe(chunks / 10 + 2 * block);
    expect([pairs.aAt(0), pairs.bAt(0)]).toEqual([3, 4]);
  });

  it('gives back who each row is about: a run and its contact, a contact without a run, neither', () => {
    const trace = TraceLog.create();
    trace.append(0, K.event, 4, -1, -1, -1, -1, 0, -1, -1, -1);
    trace.append(0, K['run.started'], 4, 0, 0, 0, -1, 0, -1, -1, -1);
    trace.append(0, K['run.started'], 0, 1, 0, 0, -1, 0, -1, -1, -1);
    trace.append(0, K['workflow.published'], -1, -1, 0, -1, -1, 0, -1, -1, -1);
    trace.append(5, K.step, 4, 0, 0, 1, -1, 0, -1, -1, -1);
    trace.append(6, K.step, 0, 1, 0, 1, -1, 0, -1, -1, -1);
    const rows = Array.from({ length: trace.length }, (_, row) => [trace.contactAt(row), trace.runAt(row)]);
    expect(rows).toEqual([
      [4, -1],
      [4, 0],
      [0, 1],
      [-1, -1],
      [4, 0],
      [0, 1],
    ]);
  });

  it('names the contacts of thousands of runs, past its first table of runs', () => {
    const trace = TraceLog.create();
    for (let run = 0; run < 5_000; run++) trace.append(run, K['run.started'], (run * 7) % 1_000, run, 0, 0, -1, 0, -1, -1, -1);
    expect(trace.contactAt(4_999)).toBe((4_999 * 7) % 1_000);
    expect(trace.runAt(4_999)).toBe(4_999);
  });

  it('writes planned rows as append writes them, across a chunk boundary and at times no offset holds', () => {
    type Row = [kind: number, workflow: number, node: number, user: number, code: number, a: number, b: number];
    const rows: Row[] = [
      [K['when_stopped.started'], 2, 9, -1, 3, -1, -1],
      [K.step, 2, 10, -1, 0, -1, 4],
      [K['comment.added'], 2, 10, 5, 0, 17, -1],
      [K['when_stopped.ended'], 2, 10, -1, 1, -1, -1],
    ];
    const templates = Int32Array.from(rows.flatMap((row) => [...TraceLog.rowTemplate(...row)]));
    const appended = TraceLog.create();
    const planned = TraceLog.create();
    // The run's contact comes from its run.started row; the blocks then straddle the first chunk's end.
    const times = [0, 16_380 * 1_000, 16_380 * 1_000 + 0.5, 90 * DAY];
    for (const log of [appended, planned]) log.append(0, K['run.started'], 41, 3, 2, 0, -1, 0, -1, -1, -1);
    for (let i = 0; appended.length < 16_382; i++) {
      appended.append(times[1] as number, K.event, i, -1, 0, 0, -1, 0, -1, -1, -1);
      planned.append(times[1] as number, K.event, i, -1, 0, 0, -1, 0, -1, -1, -1);
    }
    for (const t of times) {
      for (const [kind, workflow, node, user, code, a, b] of rows) appended.append(t, kind, 41, 3, workflow, node, user, code, a, b, -1);
      planned.appendRows(t, 3, templates, 0, 2);
      planned.appendRows(t, 3, templates, 2, rows.length);
    }
    // Blocks that go on with the stretch being written, past the ends of 32-row words.
    for (let i = 0; i < 50; i++) {
      for (const [kind, workflow, node, user, code, a, b] of rows) appended.append(times[3] as number, kind, 41, 3, workflow, node, user, code, a, b, -1);
      planned.appendRows(times[3] as number, 3, templates, 0, rows.length);
    }
    const read = (log: TraceLog) =>
      Array.from({ length: log.length }, (_, r) => [log.tAt(r), log.kindAt(r), log.codeAt(r), log.userAt(r), log.contactAt(r), log.runAt(r), log.workflowAt(r), log.nodeAt(r), log.aAt(r), log.bAt(r)]);
    expect(planned.length).toBe(16_382 + (times.length + 50) * rows.length);
    expect(read(planned)).toEqual(read(appended));
    // Read back to front too: a row's stretch found without the row before it.
    const backwards = (log: TraceLog) => Array.from({ length: log.length }, (_, r) => [log.tAt(log.length - 1 - r), log.contactAt(log.length - 1 - r), log.runAt(log.length - 1 - r)]);
    expect(backwards(planned)).toEqual(backwards(appended));
    expect(() => TraceLog.rowTemplate(K['run.started'], 0, 0, -1, 0, -1, -1)).toThrow(/names its contact/);
  });

  describe('a replay of a finished log', () => {
    const source = TraceLog.create();
    const text = source.intern('Hello?');
    source.append(0, K['run.started'], 7, 0, 0, 0, -1, 0, -1, -1, -1);
    for (let i = 0; i < 20_000; i++) source.append(i * 1_000, K.event, 7, -1, 0, i % 7, -1, 0, text, i % 5, -1);
    source.append(20_000_000, K['timer.set'], 7, 0, 0, 3, -1, 0, -1, -1, 50 * DAY);

    function replayAll(replay: TraceLog): void {
      replay.append(0, K['run.started'], 7, 0, 0, 0, -1, 0, -1, -1, -1);
      for (let i = 0; i < 20_000; i++) replay.append(i * 1_000, K.event, 7, -1, 0, i % 7, -1, 0, replay.intern('Hello?'), i % 5, -1);
    }

    it('reads the source’s rows up to its own length, and stores none', () => {
      const replay = TraceLog.replaying(source);
      expect(replay.length).toBe(0);
      replayAll(replay);
      replay.append(20_000_000, K['timer.set'], 7, 0, 0, 3, -1, 0, -1, -1, 50 * DAY);
      expect(replay.length).toBe(source.length);
      expect([replay.tAt(16_390), replay.nodeAt(16_390), replay.bAt(16_390), replay.contactAt(16_390), replay.text(replay.aAt(16_390))]).toEqual([16_389_000, 16_389 % 7, 16_389 % 5, 7, 'Hello?']);
      expect(replay.dueAt(replay.length - 1)).toBe(50 * DAY);
      expect(replay.byteSize()).toBe(0);
    });

    it('throws at the first row that differs from the source’s: another time, step, text, due time, or a row past its end', () => {
      const differs: [string, (replay: TraceLog) => void][] = [
        ['time', (replay) => replay.append(1, K['run.started'], 7, 0, 0, 0, -1, 0, -1, -1, -1)],
        ['contact of a run', (replay) => replay.append(0, K['run.started'], 8, 0, 0, 0, -1, 0, -1, -1, -1)],
        ['step', (replay) => replay.append(0, K['run.started'], 7, 0, 0, 1, -1, 0, -1, -1, -1)],
        ['a text the source never had', (replay) => replay.intern('Bye')],
        [
          'due time',
          (replay) => {
            replayAll(replay);
            replay.append(20_000_000, K['timer.set'], 7, 0, 0, 3, -1, 0, -1, -1, 51 * DAY);
          },
        ],
        [
          'a row past the end',
          (replay) => {
            replayAll(replay);
            replay.append(20_000_000, K['timer.set'], 7, 0, 0, 3, -1, 0, -1, -1, 50 * DAY);
            replay.append(20_000_000, K['timer.set'], 7, 0, 0, 3, -1, 0, -1, -1, 50 * DAY);
          },
        ],
        ['planned rows', (replay) => replay.appendRows(0, 0, Int32Array.from(TraceLog.rowTemplate(K.step, 0, 0, -1, 0, -1, -1)), 0, 1)],
      ];
      for (const [what, write] of differs) expect(() => write(TraceLog.replaying(source)), what).toThrow(/differs from the one it replays/);
      // Nothing a failed replay did reached the source.
      expect([source.length, source.strings]).toEqual([20_002, ['Hello?']]);
    });
  });

  it('hands its rows to another log as stored, which appends them with its own string and run ids', () => {
    const part = TraceLog.create();
    const hello = part.intern('Hello?');
    const next = part.intern('next');
    // Run 0 of the part starts first; rows of every sort: a due time, a re-entry refusal naming a run, times no offset holds.
    part.append(1_000, K['run.started'], 5, 0, 0, 0, -1, 0, -1, -1, -1);
    part.append(1_000, K['timer.set'], 5, 0, 0, 2, -1, 0, -1, -1, 3 * DAY + 7);
    for (let i = 0; i < 17_000; i++) part.append(2_000 + i, K.event, 5, -1, 0, -1, 1, 0, hello, -1, -1);
    part.append(2_000.5, K.step, 5, 0, 0, 3, -1, 0, -1, next, -1);
    part.append(2_000 + 60 * DAY, K['run.started'], 6, 1, 0, 0, -1, 0, -1, -1, -1);
    part.append(2_000 + 60 * DAY, K['trigger.ignored'], 6, -1, 0, 0, -1, 2, hello, 0, -1);
    const rows = part.rows();

    const whole = TraceLog.create();
    // The whole interned other texts first: the part's ids are not its.
    whole.intern('Bye');
    const strings = Int32Array.from(part.strings, (text) => whole.intern(text));
    const runs = new Int32Array(2).fill(-1);
    // Runs 0-6 of the whole came from elsewhere.
    const given = whole.appendRemapped(rows, 0, 3, strings, runs, 7);
    expect(whole.appendRemapped(rows, 3, rows.length, strings, runs, given)).toBe(9);
    expect(Array.from(runs)).toEqual([7, 8]);

    const read = (log: TraceLog, row: number, run: (r: number) => number, text: (id: number) => string | undefined) => [
      log.tAt(row),
      log.kindAt(row),
      log.codeAt(row),
      log.userAt(row),
      log.contactAt(row),
      run(log.runAt(row)),
      log.workflowAt(row),
      log.nodeAt(row),
      log.kindAt(row) === K['timer.set'] ? log.dueAt(row) : text(log.aAt(row)),
      log.kindAt(row) === K['trigger.ignored'] ? run(log.bAt(row)) : text(log.bAt(row)),
    ];
    const partRun = (r: number) => r;
    const wholeRun = (r: number) => (r < 0 ? r : runs.indexOf(r));
    for (let row = 0; row < part.length; row++)
      expect(read(whole, row, wholeRun, (id) => whole.text(id)), `row ${row}`).toEqual(read(part, row, partRun, (id) => part.text(id)));
    expect(whole.runAt(0)).toBe(7);
    expect(whole.bAt(part.length - 1)).toBe(7);
  });
});

