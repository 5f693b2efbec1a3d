import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { OutcomeDiff, OutcomeDiffProblem, OutcomeDifference, RunOutcome } from '../../../simulator/schema/outcomeDiff.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { describeDiffSummary, hasRowsToList } from './describeDiffSummary.ts';
import { describeRunOutcome } from './describeRunOutcome.ts';
import './outcomeDiff.css';
import { formatCount } from '../../../simulator/schema/formatCount.ts';

interface Props {
  /** The engine's answer: every script's changed runs, or why it was not compared. */
  readonly diff: OutcomeDiff;
  /** Each script's name by its index in the request (`OutcomeDifference.script`); a row's own name when absent. */
  readonly scriptNames?: readonly string[];
  /** A row chosen: open that run where the two sides part (`difference.divergesAt`). Absent when no run can be opened: rows are then plain rows, with no Open button. */
  readonly onOpen?: ((difference: OutcomeDifference) => void) | undefined;
  /** Which rows `onOpen` can open (a script the simulator cannot play has none); every row by default. */
  readonly canOpen?: ((difference: OutcomeDifference) => boolean) | undefined;
  /** The two sides' names in a problem ("the published version", "the draft"); "before" and "after" by default. */
  readonly sideNames?: { readonly before: string; readonly after: string };
  /** A short name for the table, heard by screen readers before the totals. */
  readonly label?: string;
  /** False when the totals are said beside the table already (a live status line): the caption then leaves them out; the table's name keeps them. */
  readonly showSummary?: boolean;
}

const COLUMNS = ['Contact', 'Script', 'Before', 'After', 'Messages'] as const;
const COLUMNS_WITH_OPEN = [...COLUMNS, { key: 'open', label: 'Open', hidden: true }] as const;

/**
 * The runs whose outcome differs between two versions of the Workflows, one row each — contact,
 * script, before → after, the messages no longer or newly sent — under the totals ("3 of 12 runs
 * change"). A script that could not be simulated is a row saying why; a capped list says how many
 * more changed. A row opens that run where its two sides part.
 *
 * @example <OutcomeDiffTable diff={result} onOpen={(difference) => open(difference)} />
 */
export function OutcomeDiffTable({ diff, scriptNames, onOpen, canOpen, sideNames = { before: 'before', after: 'after' }, label = 'Runs that change', showSummary = true }: Props) {
  const summary = describeDiffSummary(diff);
  // Nothing to list (every run ends the same): the sentence alone, not column headings over no
  // rows; where the totals are said beside it already, nothing at all.
  if (!hasRowsToList(diff)) return showSummary ? <p className="outcome-diff__summary outcome-diff__none">{summary}</p> : null;
  return (
    <DataTable
      className="outcome-diff"
      label={`${label}: ${summary}`}
      {...(showSummary ? { caption: <span className="outcome-diff__summary">{summary}</span> } : {})}
      columns={onOpen ? COLUMNS_WITH_OPEN : COLUMNS}
    >
      {diff.rows.flatMap((row) => {
        const script = scriptNames?.[row.script] ?? row.name;
        if (!row.ok)
          return [
            <tr key={`problem-${row.script}`} className="outcome-diff__problem">
              <td colSpan={2}>{script}</td>
              <td colSpan={onOpen ? 4 : 3}>
                Could not be simulated:{' '}
                {row.problems.map((problem, i) => (
                  <span key={i} className="outcome-diff__problem-line">
                    {describeProblem(problem, sideNames)}
                  </span>
                ))}
              </td>
            </tr>,
          ];
        const rows = row.differences.map((difference, i) => <DifferenceRow key={`${row.script}-${i}`} difference={difference} script={script} onOpen={onOpen} opens={onOpen !== undefined && (canOpen?.(difference) ?? true)} />);
        const more = row.changed - row.differences.length;
        if (more > 0)
          rows.push(
            <tr key={`more-${row.script}`} className="outcome-diff__more">
              <td colSpan={onOpen ? 6 : 5}>
                and {formatCount(more)} more in {script}
              </td>
            </tr>,
          );
        return rows;
      })}
    </DataTable>
  );
}

function DifferenceRow({
  difference,
  script,
  onOpen,
  opens,
}: {
  difference: OutcomeDifference;
  script: string;
  onOpen: ((difference: OutcomeDifference) => void) | undefined;
  /** This row opens (else, in a table whose rows open, its Open cell stays empty). */
  opens: boolean;
}) {
  const which = difference.occurrence === 0 ? '' : ` (run ${difference.occurrence + 1})`;
  const visible = difference.divergesAt === null ? 'Open' : `Open at ${formatOffset(difference.divergesAt.t)}`;
  return (
    // The whole row answers a click; its button is the way in for the keyboard and screen readers.
    <tr className={opens ? 'outcome-diff__row outcome-diff__row--opens' : 'outcome-diff__row'} onClick={opens ? () => onOpen?.(difference) : undefined}>
      <th scope="row">
        {difference.contact.name}
        {which}
        <span className="outcome-diff__workflow">{difference.workflow.name}</span>
      </th>
      <td>{script}</td>
      <td>
        <Outcome run={difference.before} />
      </td>
      <td>
        <Outcome run={difference.after} />
      </td>
      <td>
        {difference.noLongerSent.length > 0 && <Texts lead="No longer sent" texts={difference.noLongerSent} />}
        {difference.newlySent.length > 0 && <Texts lead="Newly sent" texts={difference.newlySent} />}
      </td>
      {onOpen && (
        <td>
          {opens && (
          <button
            type="button"
            className="ui-button outcome-diff__open"
            onClick={(event) => {
              event.stopPropagation();
              onOpen(difference);
            }}
            // Starts with the words it shows, so a person who says what they see reaches it.
            aria-label={`${visible}: ${difference.contact.name}'s run, in the simulator`}
          >
            {visible}
          </button>
          )}
        </td>
      )}
    </tr>
  );
}

function Outcome({ run }: { run: RunOutcome | null }) {
  const text = describeRunOutcome(run);
  return (
    <span className={`outcome-diff__outcome outcome-diff__outcome--${run?.status ?? 'none'}`}>
      <strong>{text.outcome}</strong> {text.where}
      {text.why && <span className="outcome-diff__why">{text.why}</span>}
    </span>
  );
}

function Texts({ lead, texts }: { lead: string; texts: readonly string[] }) {
  return (
    <p className="outcome-diff__texts">
      {lead}:{' '}
      {texts.map((text, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <q>{text}</q>
        </span>
      ))}
    </p>
  );
}

/** "On the draft, Workflow 2, $.steps[0].text: Message needs text". */
function describeProblem(problem: OutcomeDiffProblem, sideNames: { readonly before: string; readonly after: string }): string {
  const side = problem.side === 'before' ? sideNames.before : sideNames.after;
  const where = problem.source === 'script' ? 'the script' : problem.index === 0 ? 'the Workflow' : `Workflow ${problem.index + 1}`;
  return `on ${side}, ${where}, ${problem.path}: ${problem.message}`;
}
