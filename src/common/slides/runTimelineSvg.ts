import { escapeText } from '../../../simulator/trace/escapeText.ts';
import type { TranscriptItem } from '../../../simulator/trace/transcript.ts';
import { formatVirtualTime } from '../virtualTime.ts';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

/** A slide's size: 16:9, what the PNG is drawn at too. */
export const SLIDE_WIDTH = 1200;
export const SLIDE_HEIGHT = 675;

/** Rows that fit between the heading and the footer at a readable size; the rest are counted. */
export const MAX_ROWS = 16;
/** Characters of a message shown on one row, about the width left of a slide at 16px. */
const MAX_TEXT = 96;
const ROW = 30;
const TOP = 118;

export interface RunTimeline {
  readonly contactName: string;
  /** The contact's conversation as the transcript shows it, the engine's words included (stops read "Workflow … stopped: incoming message"). */
  readonly items: readonly TranscriptItem[];
  readonly startEpochMs: number;
  readonly timeZone: string;
  /** The names of the steps the runs will never reach because they stopped. */
  readonly cancelledSteps: readonly string[];
}

/** Text from files (names, messages) as one line that XML takes as plain text: controls shown as escapes, markup characters as entities. */
export function svgText(text: string): string {
  return escapeText(text.replace(/[\r\n\t]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** At most `max` characters (code points, so no emoji is cut in half), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const author = (item: TranscriptItem, contactName: string): string =>
  item.kind === 'contact' ? contactName : item.kind === 'agent' ? item.user : item.kind === 'workflow' ? `Workflow ${item.workflow}` : item.kind === 'broadcast' ? 'Broadcast' : '';

/**
 * The rows a slide has room for: every stop (the point of the picture) and, around them, the
 * earliest other lines, kept in time order.
 */
function rowsShown(items: readonly TranscriptItem[]): readonly TranscriptItem[] {
  if (items.length <= MAX_ROWS) return items;
  const stops = items.filter((item) => item.kind === 'activity' && item.tone === 'stop').slice(0, MAX_ROWS);
  let room = MAX_ROWS - stops.length;
  const kept = new Set(stops);
  for (const item of items) {
    if (room === 0) break;
    if (!kept.has(item)) {
      kept.add(item);
      room -= 1;
    }
  }
  return items.filter((item) => kept.has(item));
}

/**
 * One contact's run as a slide (SVG, 1200×675): its messages on a timeline with their virtual
 * times, each stop marked in red with the engine's sentence for it, and the steps that will
 * never run because of it. Fonts are the system's, so the file opens the same anywhere.
 */
export function runTimelineSvg({ contactName, items, startEpochMs, timeZone, cancelledSteps }: RunTimeline): string {
  const rows = rowsShown(items);
  const left = items.length - rows.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<rect width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" fill="#ffffff"/>`,
    `<text x="48" y="64" font-size="30" font-weight="700" fill="#111827">${svgText(clip(`The run of ${contactName}`, 60))}</text>`,
    `<line x1="260" y1="${TOP - 18}" x2="260" y2="${TOP + Math.max(rows.length, 1) * ROW - 12}" stroke="#d1d5db" stroke-width="2"/>`,
  ];
  if (rows.length === 0) out.push(`<text x="280" y="${TOP}" font-size="16" fill="#6b7280">Nothing happened in this conversation.</text>`);
  rows.forEach((item, i) => {
    const y = TOP + i * ROW;
    const stop = item.kind === 'activity' && item.tone === 'stop';
    const who = author(item, contactName);
    const line = clip(who ? `${who}: ${item.text}` : item.text, MAX_TEXT);
    out.push(`<text x="48" y="${y}" font-size="14" fill="#6b7280">${svgText(formatVirtualTime(startEpochMs + item.t, timeZone))}</text>`);
    out.push(
      stop
        ? `<rect x="253" y="${y - 12}" width="14" height="14" fill="#dc2626" transform="rotate(45 260 ${y - 5})"/>`
        : `<circle cx="260" cy="${y - 5}" r="5" fill="${item.kind === 'activity' ? '#9ca3af' : '#2563eb'}"/>`,
    );
    out.push(`<text x="280" y="${y}" font-size="16"${stop ? ' font-weight="700" fill="#b91c1c"' : ' fill="#111827"'}>${svgText(line)}</text>`);
  });
  if (left > 0) out.push(`<text x="280" y="${TOP + rows.length * ROW}" font-size="14" fill="#6b7280">…and ${formatCount(left)} more</text>`);
  if (cancelledSteps.length > 0) {
    const named = cancelledSteps.slice(0, 8).join(', ') + (cancelledSteps.length > 8 ? ` and ${cancelledSteps.length - 8} more` : '');
    out.push(`<text x="48" y="${SLIDE_HEIGHT - 36}" font-size="16" fill="#b91c1c">${svgText(clip(`Will not run (cancelled by the stop): ${named}`, 120))}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
