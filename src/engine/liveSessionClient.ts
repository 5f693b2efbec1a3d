import type { LiveCommand } from '../../simulator/engine/liveSession.ts';
import { liveResultSchema, type LiveResult, type LiveStart } from '../../simulator/schema/live.ts';
import { scriptSchema, type Script } from '../../simulator/schema/script.ts';
import { startEngineWorker } from './engineWorker.ts';

/** The live session, running in the engine's Web Worker. Every answer is parsed before use. */
export interface LiveSessionClient {
  start(input: LiveStart): Promise<LiveResult>;
  command(command: LiveCommand): Promise<LiveResult>;
  advance(ms: number): Promise<LiveResult>;
  jumpToNext(): Promise<LiveResult>;
  script(): Promise<Script | null>;
  dispose(): void;
}

const parseResult = (raw: unknown): LiveResult => liveResultSchema.parse(raw);

/** Starts a worker of its own; `dispose` ends it. */
export function createLiveSessionClient(): LiveSessionClient {
  const { api, call, terminate } = startEngineWorker('exitflow engine');
  return {
    start: async (input) => parseResult(await call(api.live.start(input))),
    command: async (command) => parseResult(await call(api.live.command(command))),
    advance: async (ms) => parseResult(await call(api.live.advance(ms))),
    jumpToNext: async () => parseResult(await call(api.live.jumpToNext())),
    script: async () => {
      const raw = await call(api.live.script());
      return raw === null ? null : scriptSchema.parse(raw);
    },
    dispose: terminate,
  };
}
