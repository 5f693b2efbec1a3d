import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useId, useMemo, useState } from 'react';
import { diffWorkflows } from '../../../../simulator/graph/workflowDiff.ts';
import type { OutcomeDifference } from '../../../../simulator/schema/outcomeDiff.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { ScriptRecord, VersionRecord } from '../../../model/records.ts';
import { savedScriptKey } from '../../../parts/scripts/scriptChoice.ts';
import { useNavigate } from '../../../routing/Router.tsx';
import type { Route } from '../../../routing/routes.ts';
import { ChangesInspector } from './ChangesInspector.tsx';
import { CompareCanvas } from './CompareCanvas.tsx';
import { canvasMarks } from './compareMarks.ts';
import { OutcomeComparison } from './OutcomeComparison.tsx';
import { summarizeDiff } from './summarizeDiff.ts';
import { CURRENT_NAME, sideFromValue, sideValue, versionName, type CompareSide } from './versionName.ts';
import './compare.css';

interface Props {
  readonly workflowId: string;
  /** The history, newest first. */
  readonly versions: readonly VersionRecord[];
  /** The Workflow as it is now (the draft being edited). */
  readonly current: Workflow;
  readonly initial: { readonly older: CompareSide; readonly newer: CompareSide };
}

interface Resolved {
  readonly name: string;
  readonly workflow: Workflow;
}

function resolve(side: CompareSide, versions: readonly VersionRecord[], current: Workflow): Resolved {
  const version = side.kind === 'version' ? versions.find((candidate) => candidate.id === side.id) : undefined;
  return version ? { name: versionName(version), workflow: version.document } : { name: CURRENT_NAME, workflow: current };
}

function SidePicker({ label, side, versions, onChange }: { label: string; side: CompareSide; versions: readonly VersionRecord[]; onChange: (side: CompareSide) => void }) {
  const id = useId();
  return (
    <div className="compare-view__picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={sideValue(side)} onChange={(event) => onChange(sideFromValue(event.target.value))}>
        <option value="current">{CURRENT_NAME}</option>
        {versions.map((version) => (
          <option key={version.id} value={sideValue({ kind: 'version', id: version.id })}>
            {versionName(version)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Two versions of a Workflow side by side, the older on the left: each canvas marks what the
 * structural diff found (removed on the left, added on the right, changed on both), a line sums
 * it up, the inspector lists each change field by field, and the outcomes on picked scripts say
 * whose run the change would alter.
 */
export function CompareView({ workflowId, versions, current, initial }: Props) {
  const [older, setOlder] = useState(initial.older);
  const [newer, setNewer] = useState(initial.newer);
  const [selected, setSelected] = useState<string | null>(null);
  const left = resolve(older, versions, current);
  const right = resolve(newer, versions, current);
  const diff = useMemo(() => diffWorkflows(left.workflow, right.workflow), [left.workflow, right.workflow]);
  const leftMarks = useMemo(() => canvasMarks(diff, left.workflow, 'older'), [diff, left.workflow]);
  const rightMarks = useMemo(() => canvasMarks(diff, right.workflow, 'newer'), [diff, right.workflow]);
  const select = useCallback((id: string) => setSelected(id), []);
  const navigate = useNavigate();
  return (
    <div className="compare-view">
      <div className="compare-view__bar">
        <SidePicker label="Older" side={older} versions={versions} onChange={setOlder} />
        <SidePicker
          label="Newer"
          side={newer}
          versions={versions}
          onChange={setNewer}
        />
        <p className="compare-view__summary" role="status">
          {summarizeDiff(diff)}
        </p>
      </div>
      <div className="compare-view__main">
        <section className="compare-view__side" aria-label={`Older: ${left.name}`}>
          <h3 className="compare-view__side-name" title={`Older: ${left.name}`}>
            Older: {left.name}
          </h3>
          <div className="compare-view__canvas">
            <ReactFlowProvider>
              <CompareCanvas key={sideValue(older)} workflow={left.workflow} marks={leftMarks} selected={selected} onSelect={select} label={`Older: ${left.name}`} />
            </ReactFlowProvider>
          </div>
        </section>
        <section className="compare-view__side" aria-label={`Newer: ${right.name}`}>
          <h3 className="compare-view__side-name" title={`Newer: ${right.name}`}>
            Newer: {right.name}
          </h3>
          <div className="compare-view__canvas">
            <ReactFlowProvider>
              <CompareCanvas key={sideValue(newer)} workflow={right.workflow} marks={rightMarks} selected={selected} onSelect={select} label={`Newer: ${right.name}`} />
            </ReactFlowProvider>
          </div>
        </section>
        <aside className="compare-view__inspector" aria-label="Differences">
          <ChangesInspector diff={diff} selected={selected} onSelect={select} triggerId={right.workflow.trigger.id} />
        </aside>
        <div className="compare-view__outcomes">
          <OutcomeComparison
            key={`${sideValue(older)}|${sideValue(newer)}`}
            workflowId={workflowId}
            older={left.workflow}
            newer={right.workflow}
            sideNames={{ before: `the older version (${left.name})`, after: `the newer version (${right.name})` }}
            // The simulator plays the stored Workflow, which is the current draft: a run of a past version cannot be opened there.
            onOpen={newer.kind === 'current' ? (difference, script) => navigate(simulatorAt(workflowId, script, difference)) : undefined}
          />
          {newer.kind !== 'current' && (
            <p className="compare-view__hint">
              A run opens in the simulator when the newer side is {CURRENT_NAME}, the Workflow the simulator plays.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

/** The simulator on the stored Workflow and the saved script, on the run's own contact, at the instant the two sides part. */
function simulatorAt(workflowId: string, script: ScriptRecord, difference: OutcomeDifference): Route {
  return {
    screen: 'simulator',
    example: null,
    workflow: workflowId,
    script: savedScriptKey(script.id),
    contact: difference.contact.id,
    ...(difference.divergesAt ? { at: difference.divergesAt.t } : {}),
  };
}
