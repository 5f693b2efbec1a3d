import { describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../../../simulator/trace/transcript.ts';
import { MAX_ROWS, runTimelineSvg, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../../src/common/slides/runTimelineSvg.ts';

const base = { contactName: 'Dana', startEpochMs: Date.UTC(2026, 0, 5, 9), timeZone: 'UTC', cancelledSteps: [] as string[] };
const stop: TranscriptItem = { kind: 'activity', seq: 3, t: 120_000, text: 'Workflow Lead nurture stopped: incoming message', tone: 'stop' };
const items: TranscriptItem[] = [
  { kind: 'workflow', seq: 1, t: 0, text: 'Hi Dana, still interested?', workflow: 'Lead nurture' },
  { kind: 'contact', seq: 2, t: 60_000, text: 'Yes please' },
  stop,
];

/** The elements drawn: a builder that forgot to escape a name would let the name add its own. */
const tags = (svg: string): Set<string> => new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((match) => match[1] ?? ''));

/** The text a reader of the picture sees, entities decoded. */
const textOf = (svg: string): string =>
  svg
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const DRAWN = new Set(['svg', 'rect', 'text', 'line', 'circle']);

describe('runTimelineSvg', () => {
  it('draws a slide of the stated size with the stop reason in the engine’s words, its time and the cancelled steps', () => {
    const svg = runTimelineSvg({ ...base, items, cancelledSteps: ['Follow-up'] });
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}"`));
    const text = textOf(svg);
    expect(text).toContain('Workflow Lead nurture stopped: incoming message');
    expect(text).toContain('09:02:00');
    expect(text).toContain('Follow-up');
    expect(text).toContain('Dana: Yes please');
  });

  it('keeps a hostile name and message as text: markup characters escaped, controls shown as escapes', () => {
    const hostile = `<script>alert("x")</script>&'\u202e`;
    const svg = runTimelineSvg({ ...base, contactName: hostile, items: [{ kind: 'contact', seq: 1, t: 0, text: `</text><image href="x"/>` }], cancelledSteps: [hostile] });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('\u202e');
    expect([...tags(svg)].every((tag) => DRAWN.has(tag))).toBe(true);
    expect(textOf(svg)).toContain('<script>alert("x")</script>&\'');
  });

  it('stays bounded for 10,000 lines: a page of rows, the stop among them, and the rest counted', () => {
    const many: TranscriptItem[] = Array.from({ length: 10_000 }, (_, i) => ({ kind: 'contact', seq: i, t: i * 1000, text: `message ${i} ${'x'.repeat(500)}` }));
    many.splice(9_000, 0, { ...stop, seq: 20_000, t: 9_000_500 });
    const svg = runTimelineSvg({ ...base, items: many });
    expect(svg.length).toBeLessThan(20_000);
    const text = textOf(svg);
    expect(text).toContain('incoming message');
    expect(text).toContain(`…and ${(10_001 - MAX_ROWS).toLocaleString('en')} more`);
    expect(text).not.toContain('x'.repeat(200));
  });
});
