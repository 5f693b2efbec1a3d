import type { CompareCell, CompareResult, CompareRun, NotSentMessage } from '../../../../simulator/schema/compare.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { describeCompareRun } from './describeCompareRun.ts';
import './compare.css';

/** A cell lists at most this many runs; a population's thousands are summed up after them. */
const RUNS_SHOWN = 5;

interface Props {
  /** What `compareConfigurations` answered. */
  readonly result: CompareResult;
  /** The table's caption, e.g. "Lead nurture under each exit-condition setting". */
  readonly caption?: string;
}

/**
 * "Compare": the same scripts under each exit-condition setting, side by side. Rows are scripts,
 * columns are settings; a cell says where and when each run stopped (or that it completed or still
 * waits) and which Workflow messages were not sent compared with exit conditions off.
 */
export function CompareGrid({ result, caption = 'Where each script stops under each exit-condition setting' }: Props) {
  return (
    <DataTable
      className="compare-grid"
      caption={
        <>
          <span className="compare-grid__title">{caption}</span>
          <span className="compare-grid__note">“Not sent”: Workflow messages sent with exit conditions off but not under that setting.</span>
        </>
      }
      columns={['Script', ...result.configurations.map((configuration) => ({ key: configuration.id, label: configuration.label }))]}
    >
      {result.rows.map((row) => (
        <tr key={row.script}>
          <th scope="row">{row.name}</th>
          {row.cells.map((cell) => (
            <CompareGridCell key={cell.configuration} cell={cell} />
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

type CellKind = 'problem' | 'stopped' | 'failed' | 'paused' | 'active' | 'completed' | 'none';

/** The cell's colour: a stop anywhere in it wins, as it is what the comparison is about; then a failure, then a run held paused. */
function cellKind(cell: CompareCell): CellKind {
  if (!cell.ok) return 'problem';
  for (const status of ['stopped', 'failed', 'paused', 'active'] as const) if (cell.runs.some((run) => run.status === status)) return status;
  return cell.runs.length > 0 ? 'completed' : 'none';
}

function CompareGridCell({ cell }: { cell: CompareCell }) {
  const kind = cellKind(cell);
  if (!cell.ok)
    return (
      <td className={`compare-cell compare-cell--${kind}`}>
        <p className="compare-cell__line">
          <strong className="compare-cell__outcome">Cannot simulate:</strong> {cell.problems[0]?.message}
          {cell.problems.length > 1 ? ` (and ${cell.problems.length - 1} more)` : ''}
        </p>
      </td>
    );
  const contacts = new Set(cell.runs.map((run) => run.contact.id));
  const workflows = new Set(cell.runs.map((run) => run.workflow.id));
  const label = (run: CompareRun) =>
    [workflows.size > 1 ? run.workflow.name : '', contacts.size > 1 ? run.contact.name : ''].filter(Boolean).join(' · ');
  const shown = cell.runs.slice(0, RUNS_SHOWN);
  const lines = shown.map((run) => <RunLine key={run.run} run={run} label={label(run)} />);
  return (
    <td className={`compare-cell compare-cell--${kind}`}>
      {cell.runs.length === 0 ? (
        <p className="compare-cell__line">Never started</p>
      ) : shown.length === 1 ? (
        <p className="compare-cell__line">{lines}</p>
      ) : (
        <ul className="compare-cell__runs">
          {shown.map((run, i) => (
            <li key={run.run} className="compare-cell__line">
              {lines[i]}
            </li>
          ))}
        </ul>
      )}
      {cell.runs.length > shown.length ? (
        <p className="compare-cell__more">…and {cell.runs.length - shown.length} more runs</p>
      ) : null}
      <NotSent messages={cell.notSent} showContact={contacts.size > 1} />
    </td>
  );
}

function RunLine({ run, label }: { run: CompareRun; label: string }) {
  const text = describeCompareRun(run);
  return (
    <span className={`compare-run compare-run--${run.status}`}>
      {label ? <span className="compare-run__who">{label}: </span> : null}
      <strong className="compare-run__outcome">{text.outcome}</strong> {text.where}
      {text.why ? ` — ${text.why}` : ''}
    </span>
  );
}

/** The messages "off" sent and this setting did not, each once per distinct text (and contact, when several). */
function NotSent({ messages, showContact }: { messages: readonly NotSentMessage[]; showContact: boolean }) {
  if (messages.length === 0) return null;
  const distinct = new Map<string, { message: NotSentMessage; count: number }>();
  for (const message of messages) {
    const key = JSON.stringify([showContact ? message.contact.id : '', message.text]);
    const seen = distinct.get(key);
    if (seen) seen.count++;
    else distinct.set(key, { message, count: 1 });
  }
  const items = [...distinct.entries()].map(([key, { message, count }]) => (
    <span key={key} className="compare-not-sent__message">
      <q className="compare-not-sent__text" title={message.text}>
        {message.text}
      </q>
      {showContact ? ` to ${message.contact.name}` : ''}
      {count > 1 ? ` ×${count}` : ''}
    </span>
  ));
  return (
    <div className="compare-not-sent">
      <span className="compare-not-sent__label">Not sent:</span>{' '}
      {items.length === 1 ? (
        items[0]
      ) : (
        <ul className="compare-not-sent__list">
          {items.map((item) => (
            <li key={item.key}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
