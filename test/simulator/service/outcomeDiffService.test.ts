// The impact preview's worker service: the draft's outcome diff against the published version,
// with the request parsed at the boundary like every message the worker takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import { outcomeDiffOutcomeSchema } from '../../../simulator/schema/outcomeDiff.ts';
import { OutcomeDiffService } from '../../../simulator/service/outcomeDiffService.ts';

const folder = join(import.meta.dirname, '../../../public/examples/new-version');
const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
const workflow = (file: string) => {
  const parsed = parseWorkflowDocument(read(file));
  if (!parsed.ok) throw new Error(file);
  return parsed.value;
};
const script = (file: string) => {
  const parsed = parseScriptDocument(read(file));
  if (!parsed.ok) throw new Error(file);
  return { ...parsed.value, events: parsed.value.events.filter((event) => event.type !== 'workflow.publish') };
};
const v1 = workflow('trial-follow-up.workflow.json');
const v2 = workflow('versions/trial-follow-up-v2.workflow.json');

describe('OutcomeDiffService', () => {
  it('lists the runs whose outcome changes between the published version and the draft', () => {
    const answer = new OutcomeDiffService().diff(structuredClone({ before: [v1], after: [v2], scripts: [script('finish.script.json')] }));
    expect(outcomeDiffOutcomeSchema.parse(answer)).toEqual(answer);
    if (!answer.ok) throw new Error(JSON.stringify(answer.problems));
    expect(answer.result.changed).toBeGreaterThan(0);
    expect(answer.result.changed).toBeLessThanOrEqual(answer.result.runs);
  });

  it('finds nothing to list when the draft is the published version', () => {
    const answer = new OutcomeDiffService().diff({ before: [v1], after: [v1], scripts: [script('finish.script.json')] });
    expect(answer.ok && [answer.result.changed, answer.result.rows.every((row) => row.ok && row.differences.length === 0)]).toEqual([0, true]);
  });

  it('keeps the counts whole when the list is cut', () => {
    const answer = new OutcomeDiffService().diff({ before: [v1], after: [v2], scripts: [script('finish.script.json')], maxDifferences: 0 });
    if (!answer.ok) throw new Error('refused');
    expect(answer.result.changed).toBeGreaterThan(0);
    expect(answer.result.rows.flatMap((row) => (row.ok ? row.differences : []))).toEqual([]);
  });

  it('refuses a malformed request with the JSON path of what is wrong', () => {
    const answer = new OutcomeDiffService().diff({ before: [v1], after: [{ format: 'nonsense' }], scripts: [] });
    expect(answer.ok ? [] : answer.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['$.after[0].format', '$.scripts']));
    expect(new OutcomeDiffService().diff({ before: [v1], after: [v2], scripts: [script('finish.script.json')], maxDifferences: 1e12 }).ok).toBe(false);
    expect(new OutcomeDiffService().diff('not an object').ok).toBe(false);
  });
});
