/**
 * Runs in Chromium (test/bench/persistenceBench.ts builds and opens this page): saves and loads a
 * 1,000-node Workflow through the app's own persistence code on the browser's real IndexedDB.
 */
import { createDb } from '../../../src/persistence/db.ts';
import { createWorkflow, readWorkflow, saveWorkflow } from '../../../src/persistence/workflowRepository.ts';
import { buildWorkflow, type StepInput } from '../../harness/workflowFixtures.ts';

export interface PersistenceFigures {
  readonly nodes: number;
  readonly documentBytes: number;
  readonly rounds: number;
  readonly saveMs: number[];
  readonly loadMs: number[];
}

/** A chain of `steps` Send message steps after the trigger: 1,000 nodes in all for 999 steps. */
function largeWorkflow(steps: number) {
  const stepList: StepInput[] = Array.from({ length: steps }, (_, i) => ({
    id: `s${i}`,
    type: 'send_message',
    label: `Message ${i}`,
    text: `Hello {{contact.name}}, this is message ${i} of the sequence.`,
    position: { x: 0, y: 120 * (i + 1) },
  }));
  const edges = stepList.map((step, i) => `${i === 0 ? 'trigger' : `s${i - 1}`}>${String(step.id)}`);
  return buildWorkflow({ id: 'bench', name: 'Benchmark', steps: stepList, edges });
}

async function run(rounds: number): Promise<PersistenceFigures> {
  const db = createDb({ name: `exitflow-bench-${Date.now()}` });
  const workflow = largeWorkflow(999);
  let record = await createWorkflow(db, workflow, Date.now());
  const saveMs: number[] = [];
  const loadMs: number[] = [];
  // A few untimed rounds first: JIT, IndexedDB's first transactions.
  for (let i = -5; i < rounds; i++) {
    const edited = { ...record.document, name: `Benchmark ${i}` };
    let started = performance.now();
    const saved = await saveWorkflow(db, { document: edited, baseRevision: record.revision }, Date.now());
    const saveTime = performance.now() - started;
    if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
    record = saved.record;
    started = performance.now();
    const read = await readWorkflow(db, record.id);
    const loadTime = performance.now() - started;
    if (!read?.ok || read.record.document.steps.length !== 999) throw new Error('load returned something else');
    if (i >= 0) {
      saveMs.push(saveTime);
      loadMs.push(loadTime);
    }
  }
  db.close();
  await indexedDB.deleteDatabase(db.name);
  return { nodes: workflow.steps.length + 1, documentBytes: JSON.stringify(workflow).length, rounds, saveMs, loadMs };
}

(window as unknown as { runPersistenceBench: typeof run }).runPersistenceBench = run;
