import {
  playbackLoadResultSchema,
  playbackResultSchema,
  populationChartsResultSchema,
  type PlaybackLoad,
  type PlaybackLoadResult,
  type PlaybackResult,
  type PopulationChartsResult,
  type SeekOptions,
} from '../../simulator/schema/playback.ts';
import { setBreakpointsResultSchema, type BreakpointsInput, type SetBreakpointsResult } from '../../simulator/schema/breakpoints.ts';
import { coverageOutcomeSchema, type CoverageOutcome, type CoverageRequest } from '../../simulator/schema/coverage.ts';
import { compareOutcomeSchema, type CompareOutcome } from '../../simulator/schema/compare.ts';
import { reportRowsSchema, simulationReportOutcomeSchema, type ReportRows, type ReportRowsRequest, type SimulationReportOutcome } from '../../simulator/schema/report.ts';
import type { CompareRequest } from '../../simulator/service/compareService.ts';
import { startEngineWorker } from './engineWorker.ts';

/** The simulator workspace's playback, in the engine's Web Worker. Every answer is parsed before use. */
export interface PlaybackClient {
  load(input: PlaybackLoad): Promise<PlaybackLoadResult>;
  reload(input: PlaybackLoad): Promise<PlaybackLoadResult>;
  advance(ms: number): Promise<PlaybackResult>;
  /** To instant `t`; forward, it pauses at a breakpoint on the way unless `{ breakpoints: 'pass' }`. Fire now is `seek(run.due)`. */
  seek(t: number, options?: SeekOptions): Promise<PlaybackResult>;
  step(): Promise<PlaybackResult>;
  nextEvent(): Promise<PlaybackResult>;
  runToEnd(): Promise<PlaybackResult>;
  selectContact(id: string): Promise<PlaybackResult>;
  /** Where playback pauses by itself (kept across loads); a frame that paused carries `hit`. */
  setBreakpoints(breakpoints: BreakpointsInput): Promise<SetBreakpointsResult>;
  /** Which steps and paths some run of the scripts took, each script simulated to its end. */
  coverage(request: CoverageRequest): Promise<CoverageOutcome>;
  populationCharts(workflowId: string): Promise<PopulationChartsResult>;
  /** The end-of-run report of what is loaded now (the latest load or reload); the playback stays where it is. */
  report(): Promise<SimulationReportOutcome>;
  /** More runs or trace entries of that report. */
  reportRows(request: ReportRowsRequest): Promise<ReportRows>;
  /** Every script under each exit-condition setting (the Compare grid). */
  compare(request: CompareRequest): Promise<CompareOutcome>;
  dispose(): void;
}

export function createPlaybackClient(): PlaybackClient {
  const { api, call, terminate } = startEngineWorker('exitflow simulator');
  const frame = async (work: Promise<unknown>) => playbackResultSchema.parse(await call(work));
  const loaded = async (work: Promise<unknown>) => playbackLoadResultSchema.parse(await call(work));
  return {
    load: (input) => loaded(api.playback.load(input)),
    reload: (input) => loaded(api.playback.reload(input)),
    advance: (ms) => frame(api.playback.advance(ms)),
    seek: (t, options) => frame(api.playback.seek(t, options)),
    step: () => frame(api.playback.step()),
    nextEvent: () => frame(api.playback.nextEvent()),
    runToEnd: () => frame(api.playback.runToEnd()),
    selectContact: (id) => frame(api.playback.selectContact(id)),
    setBreakpoints: async (breakpoints) => setBreakpointsResultSchema.parse(await call(api.playback.setBreakpoints(breakpoints))),
    coverage: async (request) => coverageOutcomeSchema.parse(await call(api.coverage.coverage(request))),
    populationCharts: async (workflowId) => populationChartsResultSchema.parse(await call(api.playback.populationCharts(workflowId))),
    report: async () => simulationReportOutcomeSchema.parse(await call(api.playback.report())),
    reportRows: async (request) => reportRowsSchema.parse(await call(api.playback.reportRows(request))),
    compare: async (request) => compareOutcomeSchema.parse(await call(api.compare.compare(request))),
    dispose: terminate,
  };
}
