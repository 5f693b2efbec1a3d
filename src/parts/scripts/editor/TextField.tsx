import type { DraftIssue } from './checkScriptDraft.ts';
import { displayText } from './displayText.ts';
import { EditorField } from './EditorField.tsx';

interface Props {
  readonly label: string;
  readonly issues: readonly DraftIssue[];
  /** The draft's value: usually a string, shown as JSON when it is not. */
  readonly value: unknown;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  /** The id of a datalist of suggestions (time zones, Workflow names). */
  readonly list?: string;
  readonly className?: string;
}

/** A labelled text input of the script form. */
export function TextField({ label, issues, value, onChange, placeholder, list, className }: Props) {
  return (
    <EditorField label={label} issues={issues}>
      {(control) => <input {...control} className={className ? `${control.className} ${className}` : control.className} value={displayText(value)} placeholder={placeholder} list={list} onChange={(event) => onChange(event.target.value)} />}
    </EditorField>
  );
}
