import { useId, useState } from 'react';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { appliedReasons, currentRule, STOP_REASONS, waitProblem, withReason, withReentry, withWait, type Reentry } from './afterStopRule.ts';
import { stopReasonLabel } from '../../../simulator/schema/exitConditions.ts';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
  /** Whether the Workflow has a When stopped path: said here, changed on the canvas. */
  readonly whenStoppedPath: boolean;
}

const CHOICES: readonly { value: Reentry; label: string; description: string }[] = [
  { value: 'allow', label: 'Right away', description: 'The next trigger starts it again for the contact, as for any run that has ended.' },
  { value: 'after', label: 'After a wait', description: 'Triggers for the contact are ignored until this long after the stop.' },
  { value: 'never', label: 'Never', description: 'A contact whose run was stopped is never started by this Workflow again.' },
];

/**
 * "After a stop" (SPEC §8.2): whether a contact whose run was stopped may be started again, and
 * after which stops that holds. Every valid change applies at once, like the switches above it;
 * a wait that is no duration is kept in the field, said wrong, and not saved.
 */
export function AfterStopSection({ settings, onChange, whenStoppedPath }: Props) {
  const id = useId();
  const rule = currentRule(settings);
  // What is typed, while the stored wait is still the one it was typed over or the one it sent.
  const [draft, setDraft] = useState<{ text: string; over: string | undefined; sent: string | undefined } | null>(null);
  const drafting = draft !== null && (rule.wait === draft.over || rule.wait === draft.sent);
  const waitText = drafting ? draft.text : (rule.wait ?? '');
  const problem = drafting ? waitProblem(draft.text) : undefined;
  const problemId = `${id}-wait-problem`;

  const typeWait = (text: string) => {
    const valid = waitProblem(text) === undefined;
    setDraft({ text, over: rule.wait, sent: valid ? text.trim() : drafting ? draft.sent : undefined });
    if (valid) onChange(withWait(settings, text.trim()));
  };
  const chosen = appliedReasons(rule);

  return (
    <section className="settings-panel__after-stop" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="settings-panel__heading">
        After a stop
      </h3>
      <fieldset className="settings-panel__choices">
        <legend className="ui-field__label">May start again</legend>
        {CHOICES.map((choice) => (
          <div key={choice.value} className="ui-field">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              className="settings-panel__radio"
              name={`${id}-reentry`}
              value={choice.value}
              checked={rule.reentry === choice.value}
              onChange={() => onChange(withReentry(settings, choice.value, rule.wait ?? (drafting ? draft.sent : undefined)))}
              aria-describedby={`${id}-${choice.value}-description`}
            />
            <div>
              <label htmlFor={`${id}-${choice.value}`} className="settings-panel__choice-label">
                {choice.label}
              </label>
              <p id={`${id}-${choice.value}-description`} className="ui-field__description">
                {choice.description}
              </p>
              {choice.value === 'after' && rule.reentry === 'after' && (
                <div className="settings-panel__wait">
                  <label htmlFor={`${id}-wait`}>Wait</label>
                  <input
                    id={`${id}-wait`}
                    className="settings-panel__wait-input"
                    value={waitText}
                    onChange={(event) => typeWait(event.target.value)}
                    aria-invalid={problem !== undefined}
                    aria-describedby={problem ? problemId : undefined}
                    spellCheck={false}
                    autoComplete="off"
                  />
                  <span className="ui-field__description">after the stop, e.g. 7d, 12h, 1d12h</span>
                  {problem && (
                    <p id={problemId} className="field-problem" role="alert">
                      {problem} Until then the last valid wait{rule.wait ? ` (${rule.wait})` : ''} is kept.
                    </p>
                  )}
                </div>
              )}
            </div>
          </div>
        ))}
      </fieldset>
      {rule.reentry !== 'allow' && (
        <fieldset className="settings-panel__reasons" aria-describedby={`${id}-reasons-description`}>
          <legend className="ui-field__label">Only after these stops</legend>
          <p id={`${id}-reasons-description`} className="ui-field__description">
            A stop for a reason left unticked does not hold the contact back. Keep at least one. A run that completed is never held back: “Trigger once per contact” is the setting for that.
          </p>
          {STOP_REASONS.map((reason) => {
            const ticked = chosen.includes(reason);
            return (
              <Checkbox
                key={reason}
                label={stopReasonLabel(reason)}
                checked={ticked}
                disabled={ticked && chosen.length === 1}
                onCheckedChange={(applies) => onChange(withReason(settings, reason, applies))}
              />
            );
          })}
        </fieldset>
      )}
      {whenStoppedPath && <p className="settings-panel__note">Runs the When stopped path after each stop. Change its steps on the canvas.</p>}
    </section>
  );
}
