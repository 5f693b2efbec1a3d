import { describe, expect, it } from 'vitest';
import { RunTable, STOPPED, WAITING_TIMER } from '../../../simulator/engine/runTable.ts';

const fields = (table: RunTable, run: number) => ({
  workflow: table.workflow(run),
  contact: table.contact(run),
  node: table.node(run),
  timerToken: table.timerToken(run),
  triggerEvent: table.triggerEvent(run),
  stoppedBy: table.stoppedBy(run),
  startedAt: table.startedAt(run),
  endedAt: table.endedAt(run),
  due: table.due(run),
  status: table.status(run),
  waiting: table.waiting(run),
  reason: table.reason(run),
  chainDepth: table.chainDepth(run),
  whenStoppedRan: table.whenStoppedRan(run),
});

describe('the run table', () => {
  it('hands its rows to another table, which appends each run as it is, past its first capacity', () => {
    const part = new RunTable(16);
    for (let run = 0; run < 40; run++) {
      part.add(run % 3, 1_000 + run, run * 1_000.5, run, run % 4);
      part.setNode(run, run % 9);
      // -1 beside a small number: Int32 pairs that read as a NaN through a Float64 view.
      part.setStoppedBy(run, -1);
      part.setTimerToken(run, run % 2 === 0 ? -1 : run);
      part.setDue(run, run * 86_400_000 + 0.25);
      part.setEndedAt(run, run * 2_000);
      part.setStatus(run, STOPPED);
      part.setWaiting(run, WAITING_TIMER);
      part.setReason(run, run % 5);
      if (run % 2 === 1) part.markWhenStoppedRan(run);
    }
    const rows = part.rows();
    const whole = new RunTable(16);
    whole.add(7, 7, 7, 7, 0);
    const order = Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
    const ids = order.map((run) => whole.appendRow(rows, run));
    expect(ids).toEqual(order.map((_, i) => i + 1));
    expect(order.map((_, i) => fields(whole, i + 1))).toEqual(order.map((run) => fields(part, run)));
    // Copied whole, slot for slot.
    expect(Array.from(whole.rows().subarray(16))).toEqual(order.flatMap((run) => Array.from(rows.subarray(run * 16, run * 16 + 16))));
  });
});
