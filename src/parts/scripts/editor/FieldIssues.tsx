import type { DraftIssue } from './checkScriptDraft.ts';

/** The problems at one place of the draft, beside what edits it; `id` is what the control's `aria-describedby` names. */
export function FieldIssues({ id, issues }: { id?: string; issues: readonly DraftIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div id={id} className="script-editor__issues">
      {issues.map((issue, i) => (
        <p key={i} className="field-problem">
          {issue.message}
        </p>
      ))}
    </div>
  );
}
