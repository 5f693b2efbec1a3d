import { describe, expect, it } from 'vitest';
import { prepareSimulation } from '../../../simulator/engine/prepareSimulation.ts';
import { simulationReportOutcomeSchema, simulationReportSchema, type SimulationReport } from '../../../simulator/schema/report.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { PlaybackService } from '../../../simulator/service/playbackService.ts';
import { simulationReport } from '../../../simulator/trace/simulationReport.ts';
import { hotLeadSituation } from '../../harness/exampleDocuments.ts';

const { workflows, script: takesOver } = hotLeadSituation('agent-takes-over.script.json');

/** The end-of-run report of a script run to the end against these Workflows. */
function reportOf(input: { workflows: Workflow[]; script: Script }): SimulationReport {
  const prepared = prepareSimulation(input);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return simulationReport(prepared.simulation.runToEnd(), input.script);
}

describe('simulationReport', () => {
  it('reports runs, expectations and trace entries with the names and sentences of the engine', () => {
    const report = reportOf({ workflows, script: takesOver });
    expect(report.scriptName).toBe('Hot lead: agent takes over');
    expect(report.workflowNames).toEqual(['Lead nurture', 'VIP routing']);
    expect(report.runs[0]).toMatchObject({
      state: { contact: 'dana', workflow: 'lead-nurture', status: 'stopped', reason: 'outgoing_message', atStep: 'wait-24h', endedAt: 180_000 },
      contactName: 'Dana',
      workflowName: 'Lead nurture',
      stepLabel: 'Wait 24h',
      reasonText: 'outgoing message',
      stoppedByName: 'Alice',
    });
    expect(report.expectations.map((result) => result.passed)).toEqual([true, true, true]);
    expect(report.trace).toHaveLength(41);
    expect(report.trace.filter((row) => row.entry.kind === 'run.stopped')).toEqual([
      expect.objectContaining({
        contactName: 'Dana',
        workflowName: 'Lead nurture',
        stepLabel: 'Wait 24h',
        description: 'Workflow Lead nurture stopped: outgoing message',
      }),
    ]);
    expect(report.trace.map((row) => row.entry.seq)).toEqual(report.trace.map((_, i) => i));
  });

  it('is plain data, as the Web Worker hands it over, and exactly what the schema describes', () => {
    const report = reportOf({ workflows, script: takesOver });
    expect(structuredClone(report)).toEqual(report);
    expect(simulationReportSchema.parse(structuredClone(report))).toEqual(report);
  });

  // Refusals come back from the playback's `load` (as the workspace gets them), never as a report.
  it('names the document and JSON path of an input the engine refuses', () => {
    const script = { ...takesOver, expect: [{ contact: 'dana', workflow: 'Nobody', status: 'active' as const }] };
    const service = new PlaybackService();
    const loaded = service.load({ workflows, script });
    expect(loaded.ok ? [] : loaded.problems).toEqual([
      { source: 'script', index: 0, path: '$.expect[0].workflow', message: expect.stringContaining('No Workflow "Nobody" is loaded') },
    ]);
    const report = simulationReportOutcomeSchema.parse(service.report());
    expect(report.ok ? [] : report.problems.map((problem) => problem.message)).toEqual(['Nothing is loaded']);
  });
});
