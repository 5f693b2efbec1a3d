import type { DraftIssue } from './checkScriptDraft.ts';
import { displayText } from './displayText.ts';
import { EditorField } from './EditorField.tsx';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface Props {
  readonly label: string;
  readonly issues: readonly DraftIssue[];
  /** The draft's value, which may be one no choice has (a user not in "users", a typo in the JSON). */
  readonly value: unknown;
  readonly choices: readonly Choice[];
  /** The empty choice of an optional field ("— automatic —"); choosing it gives `undefined`, which leaves the field out. */
  readonly none?: string | undefined;
  readonly onChange: (value: string | undefined) => void;
}

/**
 * A labelled select of the script form. A value that is not among the choices is shown as it is,
 * "not listed", rather than the select silently showing its first choice: the problem beside it says why.
 */
export function SelectField({ label, issues, value, choices, none, onChange }: Props) {
  const current = displayText(value);
  const listed = current === '' || choices.some((choice) => choice.value === current);
  return (
    <EditorField label={label} issues={issues}>
      {(control) => (
        <select {...control} value={current} onChange={(event) => onChange(none !== undefined && event.target.value === '' ? undefined : event.target.value)}>
          {none !== undefined ? <option value="">{none}</option> : current === '' && <option value="">— choose —</option>}
          {!listed && <option value={current}>{current} (not listed)</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </EditorField>
  );
}
