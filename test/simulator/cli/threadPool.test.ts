import { describe, expect, it } from 'vitest';
import { playInThreads } from '../../../simulator/cli/threadPool.ts';
import { Simulation } from '../../../simulator/engine/simulation.ts';
import { hashTrace } from '../../../simulator/engine/traceHash.ts';
import { buildWorkload } from '../../bench/workload.ts';

describe('the command line’s pool of threads', () => {
  it('plays a population over two threads, beating as they go, to the trace one thread plays', () => {
    const { workflow, script, until } = buildWorkload(20_000);
    const input = { workflows: [workflow], script, until };
    const { simulation, play } = playInThreads(input, 2, { silentMs: 20_000 });
    expect(play).toEqual({ threads: 2 });
    expect(hashTrace(simulation)).toBe(hashTrace(new Simulation(input).runToEnd()));
  });

  it('says a thread stopped playing, in bounded time, when one dies without answering (out of memory): no hang', () => {
    const { workflow, script, until } = buildWorkload(100_000);
    const started = performance.now();
    // Before, the main thread waited for ever on the flag a dead thread never raises.
    expect(() =>
      playInThreads({ workflows: [workflow], script, until }, 2, { silentMs: 2_000, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } }),
    ).toThrow(/A worker thread stopped playing \(nothing for 2 s\): it may have run out of memory/);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
