import { describe, expect, it, vi } from 'vitest';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import type { TraceNames } from '../../../simulator/trace/describeEntry.ts';
import { LiveSession } from '../../../simulator/engine/liveSession.ts';
import { contactTranscript } from '../../../simulator/trace/transcript.ts';
import { traceNamesOf } from '../../../simulator/trace/traceNames.ts';
import { formatSpan, formatVirtualTime, withClockTimes } from '../../../src/common/virtualTime.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';
import { nurtureWorkflow } from '../../harness/workflowFixtures.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatSpan', () => {
  it.each<[number, string]>([
    [0, 'now'],
    [999, 'now'],
    [-5 * MINUTE, 'now'],
    [SECOND, '1s'],
    [59 * SECOND + 999, '59s'],
    [MINUTE, '1m'],
    [5 * MINUTE + 30 * SECOND, '5m'],
    [HOUR, '1h'],
    [HOUR + MINUTE, '1h1m'],
    [DAY - MINUTE, '23h59m'],
    [DAY - 1, '23h59m'],
    [DAY, '1d'],
    [DAY + 59 * MINUTE, '1d'],
    [DAY + HOUR, '1d1h'],
    [3 * DAY + 4 * HOUR + 30 * MINUTE, '3d4h'],
    [Number.NaN, 'now'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe('formatVirtualTime', () => {
  const start = Date.parse('2026-01-05T09:00:00Z');

  it('reads as a weekday, date and time in the workspace’s time zone', () => {
    expect(formatVirtualTime(start, 'UTC')).toBe('Mon 5 Jan, 09:00:00');
    expect(formatVirtualTime(start + DAY + 90 * SECOND, 'UTC')).toBe('Tue 6 Jan, 09:01:30');
    expect(formatVirtualTime(start, 'Europe/Berlin')).toBe('Mon 5 Jan, 10:00:00');
    expect(formatVirtualTime(start, 'America/Los_Angeles')).toBe('Mon 5 Jan, 01:00:00');
  });

  it('writes UTC without Intl exactly as Intl writes it: every month and weekday, midnight, the last second, fractions of a second, before 1970', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const instants = [0, -1, -DAY - 1, Date.parse('2026-09-15T00:00:00Z'), Date.parse('2026-06-30T23:59:59.999Z'), Date.parse('2036-02-29T12:34:56.5Z')];
    // A day and a bit apart over ten years: every month, weekday and hour.
    for (let t = start; t < start + 3650 * DAY; t += DAY + 3_723_457) instants.push(t);
    for (const t of instants) expect(formatVirtualTime(t, 'UTC'), new Date(t).toISOString()).toBe(intl.format(t));
  });

  it('makes no Intl formatter for UTC: the first one with a time zone loads ICU’s zone data on the first screen', async () => {
    vi.resetModules();
    const original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
        made++;
        return new target(...args);
      },
    });
    try {
      const fresh = await import('../../../src/common/virtualTime.ts');
      expect(fresh.formatVirtualTime(start, 'UTC')).toBe('Mon 5 Jan, 09:00:00');
      expect(made).toBe(0);
      expect(fresh.formatVirtualTime(start, 'Europe/Berlin')).toBe('Mon 5 Jan, 10:00:00');
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });

  it('refuses an instant no date holds, as Intl does', () => {
    for (const t of [Number.NaN, Infinity, 8.64e15 + 1]) expect(() => formatVirtualTime(t, 'UTC'), String(t)).toThrow(RangeError);
  });
});

describe('withClockTimes', () => {
  /** Nurture stops on Omar's message at +2h and may start again a week after; Omar writes again at +2h1m. */
  function refusedReentry(names: (workflows: readonly Workflow[], base: Script) => TraceNames) {
    const workflows = [nurtureWorkflow({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] }, afterStop: { reentry: 'after', wait: '7d' } })];
    const base = demoScript(new Date('2026-01-05T09:00:00Z'));
    const started = LiveSession.start(workflows, base);
    if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
    const live = started.session;
    for (const [wait, text] of [[0, 'Hi'], [2 * HOUR, 'Stop please'], [MINUTE, 'Hello again']] as const) {
      if (wait > 0) live.advance(wait);
      const outcome = live.command({ type: 'contact.message', contact: 'omar', text });
      if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
    }
    return contactTranscript(live.trace(), 'omar', names(workflows, base)).at(-1)?.text;
  }

  it('writes the instants of a refused re-entry as the clock beside the line does, as the Messages view shows it', () => {
    expect(refusedReentry((workflows, base) => withClockTimes(traceNamesOf(workflows, base), Date.parse(base.start), base.timezone))).toBe(
      'Trigger of Nurture ignored: stopped by incoming message at Mon 5 Jan, 11:00:00; may start again from Mon 12 Jan, 11:00:00',
    );
  });

  it('leaves the trace’s offsets where no clock is given', () => {
    expect(refusedReentry(traceNamesOf)).toBe('Trigger of Nurture ignored: stopped by incoming message at +2h; may start again from +7d2h');
  });
});
