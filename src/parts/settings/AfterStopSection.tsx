import { useId } from 'react';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DescribedRadio } from '../../ui/DescribedRadio.tsx';
import { swallowRestOfDoubleClick } from '../../ui/swallowRestOfDoubleClick.ts';
import { appliedReasons, currentRule, STOP_REASONS, withReason, withReentry, withWait, type Reentry } from './afterStopRule.ts';
import { DurationField } from './DurationField.tsx';
import { PauseChoices } from './PauseChoices.tsx';
import { useDurationDraft } from './useDurationDraft.ts';
import { stopReasonLabel } from '../../../simulator/schema/exitConditions.ts';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
  /** Whether the Workflow has a When stopped path: said here, changed on the builder's canvas. */
  readonly whenStoppedPath: boolean;
  /**
   * Adds the When stopped entry to the canvas; only where there is a canvas to add it to and change
   * its steps on (the builder). Its button's click closes the settings dialog.
   */
  readonly onAddWhenStoppedPath?: (() => void) | undefined;
}

const CHOICES: readonly { value: Reentry; label: string; description: string }[] = [
  { value: 'allow', label: 'Right away', description: 'The next trigger starts it again for the contact, as for any run that has ended.' },
  { value: 'after', label: 'After a wait', description: 'Triggers for the contact are ignored until this long after the stop.' },
  { value: 'never', label: 'Never', description: 'A contact whose run was stopped is never started by this Workflow again.' },
];

/**
 * "After a stop": what each chosen exit condition does (stop, or pause and hand back) and when a
 * paused run resumes; whether a contact whose run was stopped may be started again, and after which
 * stops that holds. Every valid change applies at once, like the switches above it; a duration that
 * is no duration is kept in its field, said wrong, and not saved.
 */
export function AfterStopSection({ settings, onChange, whenStoppedPath, onAddWhenStoppedPath }: Props) {
  const id = useId();
  const rule = currentRule(settings);
  const wait = useDurationDraft(rule.wait, (typed) => onChange(withWait(settings, typed)));
  const chosen = appliedReasons(rule);

  return (
    <section className="settings-panel__after-stop" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="settings-panel__heading">
        After a stop
      </h3>
      <PauseChoices settings={settings} onChange={onChange} />
      <fieldset className="settings-panel__choices">
        <legend className="ui-field__label">May start again</legend>
        {CHOICES.map((choice) => (
          <DescribedRadio
            key={choice.value}
            id={`${id}-${choice.value}`}
            name={`${id}-reentry`}
            value={choice.value}
            checked={rule.reentry === choice.value}
            onChange={() => onChange(withReentry(settings, choice.value, wait.lastValid))}
            label={choice.label}
            description={choice.description}
          >
            {choice.value === 'after' && rule.reentry === 'after' && <DurationField id={`${id}-wait`} label="Wait" hint="after the stop, e.g. 7d, 12h, 1d12h" noun="wait" draft={wait} kept={rule.wait} />}
          </DescribedRadio>
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
      {whenStoppedPath && (
        <p className="settings-panel__note">
          Runs the When stopped path after each stop. {onAddWhenStoppedPath ? 'Change its steps on the canvas.' : 'Change its steps in the builder, on its canvas.'}
        </p>
      )}
      {!whenStoppedPath && onAddWhenStoppedPath && (
        <div className="settings-panel__add-path">
          <button
            type="button"
            className="ui-button"
            onClick={(event) => {
              // The dialog closes under the pointer: the second click of a double click must not reach the canvas.
              swallowRestOfDoubleClick(event);
              onAddWhenStoppedPath();
            }}
            aria-describedby={`${id}-add-path-description`}
          >
            Add a When stopped path
          </button>
          <p id={`${id}-add-path-description`} className="ui-field__description">
            Steps that run once, right after a run is stopped, to tidy up: remove a tag, leave a note. Its start goes on the canvas beside the trigger.
          </p>
        </div>
      )}
    </section>
  );
}
