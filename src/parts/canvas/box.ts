import type { Position } from '../../model/workflowEdits.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A node's rectangle on the canvas: its top-left corner and its size, in flow units. */
export interface Box extends Position, Size {}

/** Whether two boxes overlap or come closer than `gap` (touching edges do not overlap). */
export const boxesOverlap = (a: Box, b: Box, gap = 0): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/** Whether two boxes share some horizontal extent (closer than `gap`): one could be below the other. */
export const sameColumn = (a: Box, b: Box, gap = 0): boolean => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap;

/** Whether two boxes share some vertical extent (closer than `gap`): one could be beside the other. */
export const sameRow = (a: Box, b: Box, gap = 0): boolean => a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
