import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS } from '../../../simulator/schema/exitConditions.ts';
import type { ExitCondition, WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { settingsProblems } from '../../../simulator/validate/settingsProblems.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Switch } from '../../ui/Switch.tsx';
import { AfterStopSection } from './AfterStopSection.tsx';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
  /** Whether the Workflow has a When stopped path (SPEC §8.1): the panel says it runs after each stop. */
  readonly whenStoppedPath?: boolean;
}

/**
 * A Workflow's stop settings: whether people may stop it for one contact, which events stop a run
 * by themselves (SPEC §2), and whether a stopped contact may start it again (SPEC §8.2). The same
 * panel opens from the overview, the builder and the simulator.
 */
export function WorkflowSettingsPanel({ settings, onChange, whenStoppedPath = false }: Props) {
  const { exitConditions } = settings;
  const setConditions = (on: readonly ExitCondition[]) => onChange({ ...settings, exitConditions: { ...exitConditions, on: [...on] } });
  // The validator's own rule, so the panel and the problems list never disagree.
  const noneChosen = settingsProblems(settings).some((problem) => problem.code === 'exit_conditions_empty');
  return (
    <div className="settings-panel">
      <Switch
        label="Allow users to stop this Workflow for a Contact"
        description="Agents can stop an ongoing run for one contact from the Messages view (Ongoing Workflows tab)."
        checked={settings.manualStop}
        onCheckedChange={(manualStop) => onChange({ ...settings, manualStop })}
      />
      <Switch
        label="Set exit conditions to stop this Workflow for Contact"
        description="The run stops by itself when the first chosen condition is met."
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
                onCheckedChange={(checked) =>
                  setConditions(checked ? EXIT_CONDITION_IDS.filter((c) => c === condition || exitConditions.on.includes(c)) : exitConditions.on.filter((c) => c !== condition))
                }
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
      <AfterStopSection settings={settings} onChange={onChange} whenStoppedPath={whenStoppedPath} />
    </div>
  );
}
