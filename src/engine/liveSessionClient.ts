import type { LiveCommand } from '../../simulator/engine/liveSession.ts';
import { liveRecordingSchema, liveResultSchema, type LivePublish, type LiveRecording, type LiveResult, type LiveStart } from '../../simulator/schema/live.ts';
import { scriptSchema, type Script } from '../../simulator/schema/script.ts';
import { startEngineWorker } from './engineWorker.ts';

/** The live session, running in the engine's Web Worker. Every answer is parsed before use. */
export interface LiveSessionClient {
  start(input: LiveStart): Promise<LiveResult>;
  command(command: LiveCommand): Promise<LiveResult>;
  /** A new version of a Workflow published now, with what becomes of its runs in flight. */
  publish(input: LivePublish): Promise<LiveResult>;
  advance(ms: number): Promise<LiveResult>;
  jumpToNext(): Promise<LiveResult>;
  script(): Promise<Script | null>;
  /** What the session is kept as (script and the versions its publishes name); null before it starts. */
  recording(): Promise<LiveRecording | null>;
  dispose(): void;
}

const parseResult = (raw: unknown): LiveResult => liveResultSchema.parse(raw);

/** Starts a worker of its own; `dispose` ends it. */
export function createLiveSessionClient(): LiveSessionClient {
  const { api, call, terminate } = startEngineWorker('exitflow engine');
  return {
    start: async (input) => parseResult(await call(api.live.start(input))),
    command: async (command) => parseResult(await call(api.live.command(command))),
    publish: async (input) => parseResult(await call(api.live.publish(input))),
    advance: async (ms) => parseResult(await call(api.live.advance(ms))),
    jumpToNext: async () => parseResult(await call(api.live.jumpToNext())),
    script: async () => {
      const raw = await call(api.live.script());
      return raw === null ? null : scriptSchema.parse(raw);
    },
    recording: async () => {
      const raw = await call(api.live.recording());
      return raw === null ? null : liveRecordingSchema.parse(raw);
    },
    dispose: terminate,
  };
}
