import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../../../simulator/trace/transcript.ts';
import { Transcript } from '../../../../src/parts/transcript/Transcript.tsx';
import { reactRootPerTest } from '../../../support/reactRootPerTest.ts';

const root = reactRootPerTest();

const lines = (count: number): TranscriptItem[] => Array.from({ length: count }, (_, seq) => ({ kind: 'contact', seq, t: seq * 1_000, text: `Message number ${seq}` }));
const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

/** Counts reads of an element's scroll height (each one lays the page out when it has changed). */
function countHeightReads() {
  const own = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  if (!own?.get) throw new Error('no scrollHeight getter');
  const read = own.get;
  let count = 0;
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      count++;
      return read.call(this);
    },
  });
  return { count: () => count, restore: () => Object.defineProperty(Element.prototype, 'scrollHeight', own) };
}

/** A transcript in a box 200 px high, so 40 lines overflow it. */
function draw(items: readonly TranscriptItem[]) {
  const transcript = createElement(Transcript, { contactName: 'Dana', items, startEpochMs: 0, timeZone: 'UTC' });
  if (root.mounted) root.render(transcript, { sync: true });
  else root.mount(transcript, { style: 'display: flex; flex-direction: column; height: 200px; width: 320px', sync: true });
  const log = root.host.querySelector<HTMLElement>('[role="log"]');
  if (!log) throw new Error('no log');
  log.style.overflowY = 'auto';
  log.style.minHeight = '0';
  return log;
}

const atEnd = (log: HTMLElement) => log.scrollHeight - log.clientHeight - log.scrollTop <= 1;

describe('Transcript', () => {
  it('opens at its end without reading its height in the commit that mounts it', async () => {
    const reads = countHeightReads();
    let log: HTMLElement;
    try {
      log = draw(lines(40));
      expect(reads.count()).toBe(0);
    } finally {
      reads.restore();
    }
    await frames();
    expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
    expect(atEnd(log)).toBe(true);
  });

  it('follows a new line while at its end, and stays where a person scrolled up to', async () => {
    draw(lines(40));
    await frames();
    let log = draw(lines(41));
    expect(atEnd(log)).toBe(true);
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    log = draw(lines(42));
    await frames();
    expect(log.scrollTop).toBe(0);
  });
});
