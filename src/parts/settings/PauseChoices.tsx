import { useId, useState } from 'react';
import { EXIT_CONDITION_CATALOGUE } from '../../../simulator/schema/exitConditions.ts';
import type { ExitAction, ResumeRule, WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { settingsProblems } from '../../../simulator/validate/settingsProblems.ts';
import { DescribedRadio } from '../../ui/DescribedRadio.tsx';
import { DurationField } from './DurationField.tsx';
import { conditionAction, DEFAULT_RESUME_AFTER, pausingConditions, withAction, withResume } from './pauseRule.ts';
import { useDurationDraft } from './useDurationDraft.ts';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
}

const ACTIONS: readonly { value: ExitAction; label: string; description: string }[] = [
  { value: 'stop', label: 'Stop the run', description: 'Stop (the default): the run ends there for the contact.' },
  {
    value: 'pause',
    label: 'Pause the run',
    description: 'Pause: the Workflow waits while your team talks, then carries on where it was; its timers keep the time they had left. A condition set to Stop still stops it.',
  },
];

const RESUME_EXAMPLES = '2h, 30m or 1d';

/**
 * What each chosen exit condition does when met — stop the run, or pause it while a person talks
 * and hand it back — and, while one pauses, when a paused run resumes. Each change applies at once.
 */
export function PauseChoices({ settings, onChange }: Props) {
  const id = useId();
  const { enabled, on } = settings.exitConditions;
  // The resume rule the last Stop dropped: a Pause chosen again in this panel takes it back.
  const [droppedResume, setDroppedResume] = useState<ResumeRule>();
  if (!enabled || on.length === 0) return null;

  const choose = (condition: (typeof on)[number], action: ExitAction) => {
    if (action === 'stop' && settings.pause?.resume) setDroppedResume(settings.pause.resume);
    onChange(withAction(settings, condition, action, droppedResume));
  };

  return (
    <>
      <fieldset className="settings-panel__choices">
        <legend className="ui-field__label">When a condition is met</legend>
        <div className="settings-panel__action-descriptions">
          {ACTIONS.map((action) => (
            <p key={action.value} id={`${id}-${action.value}`} className="ui-field__description">
              {action.description}
            </p>
          ))}
        </div>
        {on.map((condition) => {
          const nameId = `${id}-${condition}`;
          const current = conditionAction(settings, condition);
          return (
            <div key={condition} role="radiogroup" aria-labelledby={nameId} className="settings-panel__action">
              <span id={nameId} className="settings-panel__action-name">
                {EXIT_CONDITION_CATALOGUE[condition].label}
              </span>
              <span className="settings-panel__action-choices">
                {ACTIONS.map((action) => (
                  <span key={action.value} className="settings-panel__action-choice">
                    <input
                      type="radio"
                      id={`${nameId}-${action.value}`}
                      className="settings-panel__radio"
                      name={`${nameId}-action`}
                      value={action.value}
                      checked={current === action.value}
                      onChange={() => choose(condition, action.value)}
                      aria-describedby={`${id}-${action.value}`}
                    />
                    <label htmlFor={`${nameId}-${action.value}`} className="settings-panel__choice-label">
                      {action.label}
                    </label>
                  </span>
                ))}
              </span>
            </div>
          );
        })}
      </fieldset>
      {pausingConditions(settings).length > 0 && <ResumeRuleChoice settings={settings} onChange={onChange} />}
    </>
  );
}

/** "Resume a paused run": after a time with no message from the team, or when the conversation is closed. */
function ResumeRuleChoice({ settings, onChange }: Props) {
  const id = useId();
  const resume = settings.pause?.resume;
  const silence = useDurationDraft(resume?.on === 'silence' ? resume.after : undefined, (after) => onChange(withResume(settings, { on: 'silence', after })), RESUME_EXAMPLES);
  // The silence given before the conversation's close was chosen, so choosing silence again takes it back.
  const [lastSilence, setLastSilence] = useState<string>();
  // The validator's own problems with the rule (a file may pause with none), so the panel never disagrees with it.
  const problems = settingsProblems(settings).filter((problem) => problem.path[0] === 'settings' && problem.path[1] === 'pause');
  const choices: readonly { value: ResumeRule['on']; label: string; description: string }[] = [
    { value: 'silence', label: 'When your team goes quiet', description: 'Each message a person on your team sends the contact, and each assignment, starts the count again.' },
    { value: 'conversation_closed', label: 'When the conversation is closed', description: 'However long your team talks, the run carries on once the conversation is closed.' },
  ];
  const choose = (on: ResumeRule['on']) => {
    if (on === 'conversation_closed') {
      if (silence.lastValid) setLastSilence(silence.lastValid);
      onChange(withResume(settings, { on }));
    } else onChange(withResume(settings, { on, after: silence.lastValid ?? lastSilence ?? DEFAULT_RESUME_AFTER }));
  };

  return (
    <fieldset className="settings-panel__choices" aria-describedby={problems.length > 0 ? `${id}-problem` : undefined}>
      <legend className="ui-field__label">Resume a paused run</legend>
      {choices.map((choice) => (
        <DescribedRadio
          key={choice.value}
          id={`${id}-${choice.value}`}
          name={`${id}-resume`}
          value={choice.value}
          checked={resume?.on === choice.value}
          onChange={() => choose(choice.value)}
          label={choice.label}
          description={choice.description}
        >
          {choice.value === 'silence' && resume?.on === 'silence' && (
            <DurationField id={`${id}-after`} label="Resume after" hint={`with no message from your team, e.g. ${RESUME_EXAMPLES}`} noun="time" draft={silence} kept={resume.after} />
          )}
        </DescribedRadio>
      ))}
      {problems.length > 0 && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problems.map((problem) => problem.message).join(' ')}
        </p>
      )}
    </fieldset>
  );
}
