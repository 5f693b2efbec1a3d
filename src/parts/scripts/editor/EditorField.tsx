import { useId, type ReactNode } from 'react';
import type { DraftIssue } from './checkScriptDraft.ts';
import { FieldIssues } from './FieldIssues.tsx';

/** The props that tie a control to its label and its problems, and give it the form controls' look. */
export interface FieldControl {
  readonly id: string;
  /** `form-control`, except for a checkbox (`inline`), which keeps its own look. */
  readonly className?: string;
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
}

interface Props {
  readonly label: string;
  /** The problems of the draft at this field's path. */
  readonly issues: readonly DraftIssue[];
  /** A checkbox: the control comes before its label, on one line. */
  readonly inline?: boolean;
  readonly children: (control: FieldControl) => ReactNode;
}

/** A labelled control of the script form, marked invalid and described by its problems while it has any. */
export function EditorField({ label, issues, inline = false, children }: Props) {
  const id = useId();
  const issuesId = `${id}-issues`;
  const control: FieldControl = {
    id,
    ...(inline ? {} : { className: 'form-control' }),
    ...(issues.length > 0 ? { 'aria-invalid': true, 'aria-describedby': issuesId } : {}),
  };
  const labelElement = (
    <label htmlFor={id} className="script-editor__label">
      {label}
    </label>
  );
  return (
    <div className={inline ? 'script-editor__field script-editor__field--inline' : 'script-editor__field'}>
      {inline ? (
        <span className="script-editor__check">
          {children(control)}
          {labelElement}
        </span>
      ) : (
        <>
          {labelElement}
          {children(control)}
        </>
      )}
      <FieldIssues id={issuesId} issues={issues} />
    </div>
  );
}
