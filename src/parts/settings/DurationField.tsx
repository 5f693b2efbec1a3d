import type { DurationDraft } from './useDurationDraft.ts';

interface Props {
  /** The field's name, before it: "Wait", "Resume after". */
  readonly label: string;
  /** What follows the field in the sentence, with examples: "after the stop, e.g. 7d, 12h, 1d12h". */
  readonly hint: string;
  /** What the duration is, in "the last valid wait (7d) is kept". */
  readonly noun: string;
  readonly id: string;
  readonly draft: DurationDraft;
  /** The duration the Workflow keeps while the field is wrong. */
  readonly kept: string | undefined;
}

/** A duration in a sentence ("Wait [7d] after the stop"), its problem beside it while the text is no duration. */
export function DurationField({ label, hint, noun, id, draft, kept }: Props) {
  const problemId = `${id}-problem`;
  return (
    <div className="settings-panel__wait">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="settings-panel__wait-input"
        value={draft.text}
        onChange={(event) => draft.type(event.target.value)}
        aria-invalid={draft.problem !== undefined}
        aria-describedby={draft.problem ? problemId : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <span className="ui-field__description">{hint}</span>
      {draft.problem && (
        <p id={problemId} className="field-problem" role="alert">
          {draft.problem} Until then the last valid {noun}
          {kept ? ` (${kept})` : ''} is kept.
        </p>
      )}
    </div>
  );
}
