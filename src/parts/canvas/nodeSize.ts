import { kindOf, stepOutputs, type Step } from '../../../simulator/schema/step.ts';
import type { Size } from './box.ts';

/** The size of a node whose outputs fit its card as it is: the trigger, the When stopped entry, most steps. */
export const NODE_SIZE = { width: 260, height: 84 } as const;

/**
 * The card's measures that decide where its outputs sit. The stylesheet draws the card with the
 * same ones (`.flow-node` padding and border, `.flow-node__outputs` gap, `.flow-node__output-label`
 * type in styles.css and nodes.css); the width computed here is set on the card itself.
 */
export const NODE_METRICS = {
  /** Padding and border, on each side. */
  inset: 12 + 1,
  /** Between two outputs' slots. */
  outputGap: 8,
  /** An output label's type size, at zoom 1 (never below 12 px, to stay readable). */
  labelFontSize: 12,
  /** One more line of an output label. */
  labelLineHeight: 18,
  /** Past this, a label wraps onto more lines rather than widening the card further. */
  maxSlot: 160,
  /** Widths are whole grid steps, so a node's edges and centre stay on the canvas grid. */
  grid: 20,
} as const;

/**
 * Each character's advance as a share of the type size, rounded up from the widest sans-serif
 * the canvas meets (DejaVu Sans Bold, which Chromium draws the 600-weight labels with on Linux;
 * system fonts elsewhere are narrower), so an estimate is never shorter than the label drawn.
 */
function advance(char: string): number {
  if (/[ !'(),\-./:;I[\\\]`fijlrt|]/.test(char)) return 0.5;
  if (/[%@MWmw]/.test(char)) return 1.1;
  if (/[a-z0-9]/.test(char)) return 0.72;
  if (/[\x21-\x7e]/.test(char)) return 0.88;
  // Beyond ASCII: accented letters are narrower, CJK ideographs one em.
  return 1;
}

/** How wide a run of text is drawn as an output label, at most (px at zoom 1). */
export function labelWidth(text: string): number {
  let em = 0;
  for (const char of text) em += advance(char);
  return Math.ceil(em * NODE_METRICS.labelFontSize);
}

/**
 * The narrowest slot a label fits in on at most two lines, broken at a space (a single word, or a
 * label wider than `maxSlot`, wraps anywhere instead — never cut off). A browser filling lines
 * greedily at this width needs no third line: its first line holds at least the best split's.
 */
function labelSlot(label: string): number {
  const words = label.split(' ');
  let best = labelWidth(label);
  for (let i = 1; i < words.length; i++) best = Math.min(best, Math.max(labelWidth(words.slice(0, i).join(' ')), labelWidth(words.slice(i).join(' '))));
  return Math.min(best, NODE_METRICS.maxSlot);
}

/** The labels under a node's outputs, in order ('' for an unlabelled one); an entry (no step) has one, unlabelled. */
function outputLabels(step: Step | undefined): string[] {
  if (!step) return [''];
  const kind = kindOf(step);
  return stepOutputs(step).map((handle) => kind.outputLabel(step, handle));
}

const snapUp = (value: number) => Math.ceil(value / NODE_METRICS.grid) * NODE_METRICS.grid;

/** A card's width for outputs of these labels: each output's slot as wide as the widest label needs. */
function widthFor(labels: readonly string[]): number {
  const { inset, outputGap } = NODE_METRICS;
  const slot = Math.max(0, ...labels.map(labelSlot));
  return Math.max(NODE_SIZE.width, snapUp(2 * inset + labels.length * slot + (labels.length - 1) * outputGap));
}

/**
 * How wide a node is drawn: NODE_SIZE's width, or wider when its outputs' labels need it, so
 * each output handle has room for its label. Everything that places, lays out or draws a node
 * asks this; an entry (the trigger, When stopped) is asked with no step.
 *
 * @example nodeWidth(stopReasonBranch) // wider than NODE_SIZE: a slot per reason, "Outgoing messages" on two lines
 */
export function nodeWidth(step?: Step): number {
  return widthFor(outputLabels(step));
}

/**
 * How big a node is drawn before the browser measures it: `nodeWidth`, and NODE_SIZE's height
 * with a line more when a label wraps at that width.
 */
export function nodeSize(step?: Step): Size {
  const labels = outputLabels(step);
  const width = widthFor(labels);
  const slot = outputSlot(width, labels.length);
  const lines = Math.max(1, ...labels.map((label) => linesAt(label, slot)));
  return { width, height: NODE_SIZE.height + (lines - 1) * NODE_METRICS.labelLineHeight };
}

/** How many lines a label takes in a slot at least `labelSlot` wide: one when it fits, two when broken at a space, else as many as its width needs. */
function linesAt(label: string, slot: number): number {
  const width = labelWidth(label);
  if (width <= slot) return 1;
  return labelSlot(label) < NODE_METRICS.maxSlot ? 2 : Math.ceil(width / slot);
}

/** One output's share of a card `width` wide with `count` outputs, as the stylesheet's equal slots divide it. */
function outputSlot(width: number, count: number): number {
  return (width - 2 * NODE_METRICS.inset - (count - 1) * NODE_METRICS.outputGap) / count;
}

/** Where the handle of output `index` of `count` sits across a card `width` wide: the middle of its slot, from the card's left edge. */
export function outputHandleX(width: number, count: number, index: number): number {
  const slot = outputSlot(width, count);
  return NODE_METRICS.inset + index * (slot + NODE_METRICS.outputGap) + slot / 2;
}
