// A script that publishes a new version, through what the worker serves: the versions come with
// the Workflows (by the file the publish names), parsed at the boundary like every document.
import { describe, expect, it } from 'vitest';
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { CompareService } from '../../../simulator/service/compareService.ts';
import { PlaybackService } from '../../../simulator/service/playbackService.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = join(import.meta.dirname, '../../../public/examples/new-version');
const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
const workflow = (file: string): Workflow => {
  const parsed = parseWorkflowDocument(read(file));
  if (!parsed.ok) throw new Error(file);
  return parsed.value;
};
const script = (file: string): Script => {
  const parsed = parseScriptDocument(read(file));
  if (!parsed.ok) throw new Error(file);
  return parsed.value;
};
const V2 = 'versions/trial-follow-up-v2.workflow.json';
const versions = { [V2]: workflow(V2), 'versions/trial-follow-up-no-wait.workflow.json': workflow('versions/trial-follow-up-no-wait.workflow.json') };

describe('the worker’s services and a script that publishes', () => {
  it('PlaybackService plays it with the versions it is given, and refuses it, at the event, without them', () => {
    const service = new PlaybackService();
    const loaded = service.load(structuredClone({ workflows: [workflow('trial-follow-up.workflow.json')], script: script('move.script.json'), versions }));
    expect(loaded.ok).toBe(true);
    const refused = new PlaybackService().load(structuredClone({ workflows: [workflow('trial-follow-up.workflow.json')], script: script('move.script.json') }));
    expect(refused.ok ? [] : refused.problems.map((problem) => problem.path)).toEqual(['$.events[1].file']);
  });

  it('PlaybackService refuses a version that is no Workflow at its place', () => {
    const refused = new PlaybackService().load({ workflows: [workflow('trial-follow-up.workflow.json')], script: script('move.script.json'), versions: { [V2]: { format: 'exitflow.workflow/2' } } });
    expect(refused.ok ? [] : refused.problems.map((problem) => [problem.source, problem.path.startsWith(`$.versions["${V2}"]`) || problem.path.startsWith('$.versions')])).toContainEqual(['script', true]);
  });

  it('CompareService compares every policy script with the versions, each cell simulated', () => {
    const scripts = ['finish', 'stop', 'move', 'move-step-removed'].map((name) => script(`${name}.script.json`));
    const outcome = new CompareService().compare(structuredClone({ workflows: [workflow('trial-follow-up.workflow.json')], scripts, workflow: 'trial-follow-up', versions }));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.result.rows.flatMap((row) => row.cells.map((cell) => cell.ok))).not.toContain(false);
    // Stop: Dana's run stops at the publish under every column.
    const stop = outcome.result.rows[1];
    expect(stop?.cells.every((cell) => cell.ok && cell.runs.some((run) => run.reason === 'workflow_updated'))).toBe(true);
  });
});
