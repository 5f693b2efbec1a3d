import type { Ref } from 'react';
import type { DraftIssue } from './checkScriptDraft.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

interface Props {
  readonly issues: readonly DraftIssue[];
  /** Save moves focus here when there are problems, so they are read out and in view. */
  readonly ref?: Ref<HTMLDivElement>;
}

/** Problems listed at most: a script of 20,000 broken events would otherwise draw 20,000 lines at every keystroke. */
const LISTED = 100;

/** How many problems the draft has and what they are, above the form, updated as the draft changes. */
export function IssueSummary({ issues, ref }: Props) {
  const count = issues.length;
  return (
    // Not atomic: as problems come and go, a screen reader reads what changed, not the whole list again.
    <div ref={ref} role="status" aria-atomic={false} tabIndex={-1} className={count === 0 ? 'script-summary' : 'script-summary script-summary--problems'}>
      <p className="script-summary__title">{count === 0 ? 'No problems' : `${count} ${count === 1 ? 'problem' : 'problems'}`}</p>
      {count > 0 && (
        <ul className="script-summary__list">
          {issues.slice(0, LISTED).map((issue, i) => (
            <li key={i}>
              <span className="script-summary__where">{issue.where}</span>: {issue.message}
            </li>
          ))}
          {count > LISTED && <li>…and {formatCount(count - LISTED)} more</li>}
        </ul>
      )}
    </div>
  );
}
