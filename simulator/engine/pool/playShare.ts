import type { SimulationInput } from '../simulation.ts';
import { partBuffers, playPart, type PoolPart } from './poolPart.ts';

/** What a pool's thread is given: the whole input, and the contacts it plays (`from` up to `to`). */
export interface ShareTask {
  readonly input: SimulationInput;
  readonly contactCount: number;
  readonly from: number;
  readonly to: number;
}

/** Plays a thread's share (calling `beat` as it goes, see `playPart`); the part and the buffers to transfer (not copy) back. */
export function playShare(task: ShareTask, beat?: () => void): { part: PoolPart; transfer: ArrayBuffer[] } {
  const plays = new Uint8Array(task.contactCount);
  plays.fill(1, task.from, task.to);
  const part = playPart(task.input, plays, beat);
  return { part, transfer: partBuffers(part) };
}
