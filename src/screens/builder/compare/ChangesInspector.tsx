import type { FieldChange, StepRef, WorkflowDiff } from '../../../../simulator/graph/workflowDiff.ts';
import { MARK_WORDS, type CompareMark } from './compareMarks.ts';

interface Props {
  readonly diff: WorkflowDiff;
  /** The node picked on a canvas or in the list; null for none. */
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  /** The trigger's id on the newer side, to list its changes when it is picked. */
  readonly triggerId: string;
}

type Listed = StepRef & { readonly mark: CompareMark };

function FieldTable({ changes, caption }: { changes: readonly FieldChange[]; caption: string }) {
  return (
    <table className="compare-fields">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path}>
            <th scope="row">
              <code>{change.path}</code>
            </th>
            <td>{change.before}</td>
            <td>{change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SelectedDetail({ diff, selected, triggerId }: { diff: WorkflowDiff; selected: string; triggerId: string }) {
  const changed = diff.steps.changed.find((step) => step.id === selected);
  const moved = diff.steps.moved.includes(selected);
  if (changed) return <FieldTable caption={`Changed: ${changed.label || changed.kind} (${changed.kind})`} changes={changed.changes} />;
  if (selected === triggerId && diff.trigger.length > 0) return <FieldTable caption="Changed: the trigger" changes={diff.trigger} />;
  const added = diff.steps.added.find((step) => step.id === selected);
  if (added) return <p className="compare-inspector__detail">Added: {added.label || added.kind} ({added.kind}) is only in the newer version.</p>;
  const removed = diff.steps.removed.find((step) => step.id === selected);
  if (removed) return <p className="compare-inspector__detail">Removed: {removed.label || removed.kind} ({removed.kind}) is only in the older version.</p>;
  return <p className="compare-inspector__detail">{moved ? 'Moved on the canvas; nothing else changed.' : 'Unchanged.'}</p>;
}

/**
 * The comparison as a list: each added, removed and changed step (picking one lists its changed
 * fields, before and after), the connections, the trigger and the stop settings.
 */
export function ChangesInspector({ diff, selected, onSelect, triggerId }: Props) {
  const listed: Listed[] = [
    ...diff.steps.changed.map((step) => ({ ...step, mark: 'changed' as const })),
    ...diff.steps.added.map((step) => ({ ...step, mark: 'added' as const })),
    ...diff.steps.removed.map((step) => ({ ...step, mark: 'removed' as const })),
  ];
  const connections = [...diff.edges.added.map((edge) => ({ edge, mark: 'added' as const })), ...diff.edges.removed.map((edge) => ({ edge, mark: 'removed' as const }))];
  return (
    <div className="compare-inspector">
      <h3 className="compare-inspector__heading">Steps</h3>
      {listed.length === 0 ? (
        <p className="compare-inspector__empty">No step added, removed or changed.</p>
      ) : (
        <ul className="compare-inspector__steps" aria-label="Steps that differ">
          {listed.map((step) => (
            <li key={`${step.mark}-${step.id}`}>
              <button type="button" className={`compare-inspector__step compare-mark--${step.mark}`} aria-pressed={selected === step.id} onClick={() => onSelect(step.id)}>
                <span className="compare-badge">{MARK_WORDS[step.mark]}</span> {step.label || step.kind}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected !== null && <SelectedDetail diff={diff} selected={selected} triggerId={triggerId} />}
      {connections.length > 0 && (
        <>
          <h3 className="compare-inspector__heading">Connections</h3>
          <ul className="compare-inspector__edges">
            {connections.map(({ edge, mark }) => (
              <li key={`${mark}-${edge.key}`}>
                <span className="compare-badge">{MARK_WORDS[mark]}</span> {edge.sourceLabel}
                {edge.sourceHandle === 'next' ? '' : ` (${edge.sourceHandle})`} → {edge.targetLabel}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.trigger.length > 0 && <FieldTable caption="Trigger" changes={diff.trigger} />}
      {diff.whenStopped.length > 0 && <FieldTable caption="When stopped" changes={diff.whenStopped} />}
      {diff.settings.length > 0 && <FieldTable caption="Stop settings" changes={diff.settings} />}
      {diff.details.length > 0 && <FieldTable caption="Name and description" changes={diff.details} />}
    </div>
  );
}
