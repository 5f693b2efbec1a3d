import { materializeEntry } from './materialize.ts';
import type { Simulation } from './simulation.ts';

/**
 * A 53-bit hash (cyrb53) of the trace as JSON lines, exactly as `simulate --json` prints them, in
 * hex. Two runs with equal hashes printed the same trace, byte for byte.
 */
export function hashTrace(sim: Simulation): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < sim.trace.length; i++) {
    const line = JSON.stringify(materializeEntry(sim, i)) + '\n';
    for (let j = 0; j < line.length; j++) {
      const c = line.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
