import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS } from '../../../simulator/schema/exitConditions.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { settingsProblems } from '../../../simulator/validate/settingsProblems.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Switch } from '../../ui/Switch.tsx';
import { AfterStopSection } from './AfterStopSection.tsx';
import { pausingConditions, withConditionChosen } from './pauseRule.ts';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
  /** Whether the Workflow has a When stopped path: the panel says it runs after each stop. */
  readonly whenStoppedPath?: boolean;
  /** Offered while the Workflow has no When stopped path, where one can be added (the builder). */
  readonly onAddWhenStoppedPath?: (() => void) | undefined;
}

/**
 * A Workflow's stop settings: whether people may stop it for one contact, which events stop (or
 * pause) a run by themselves, and whether a stopped contact may start it again. The same panel
 * opens from the overview, the builder and the simulator.
 */
export function WorkflowSettingsPanel({ settings, onChange, whenStoppedPath = false, onAddWhenStoppedPath }: Props) {
  const { exitConditions } = settings;
  const pausing = pausingConditions(settings).length > 0;
  // The validator's own rule, so the panel and the problems list never disagree.
  const noneChosen = settingsProblems(settings).some((problem) => problem.code === 'exit_conditions_empty');
  return (
    <div className="settings-panel">
      <Switch
        label="Allow users to stop this Workflow for a Contact"
        description={`Agents can stop an ongoing run for one contact from the Messages view (Ongoing Workflows tab).${pausing ? ' A manual stop always stops the run, paused or not.' : ''}`}
        checked={settings.manualStop}
        onCheckedChange={(manualStop) => onChange({ ...settings, manualStop })}
      />
      <Switch
        label="Set exit conditions to stop this Workflow for Contact"
        description={pausing ? 'The run stops by itself, or pauses where chosen below, when a chosen condition is met.' : 'The run stops by itself when the first chosen condition is met.'}
        checked={exitConditions.enabled}
        onCheckedChange={(enabled) => onChange({ ...settings, exitConditions: { ...exitConditions, enabled } })}
      />
      {exitConditions.enabled && (
        <fieldset className="settings-panel__conditions" aria-describedby={noneChosen ? 'exit-conditions-problem' : undefined}>
          <legend className="visually-hidden">Exit conditions</legend>
          {EXIT_CONDITION_IDS.map((condition) => {
            const { label, metWhen, doesNotCount } = EXIT_CONDITION_CATALOGUE[condition];
            return (
              <Checkbox
                key={condition}
                label={label}
                description={`${metWhen} ${doesNotCount}`}
                checked={exitConditions.on.includes(condition)}
                onCheckedChange={(checked) => onChange(withConditionChosen(settings, condition, checked))}
              />
            );
          })}
          {noneChosen && (
            <p id="exit-conditions-problem" className="field-problem" role="alert">
              Choose at least one condition, or turn exit conditions off. Until then the Workflow cannot be published or simulated.
            </p>
          )}
        </fieldset>
      )}
      <AfterStopSection settings={settings} onChange={onChange} whenStoppedPath={whenStoppedPath} onAddWhenStoppedPath={onAddWhenStoppedPath} />
    </div>
  );
}
