import type { ExitCondition, WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Switch } from '../../ui/Switch.tsx';
import { EXIT_CONDITION_TEXT } from './exitConditionText.ts';

interface Props {
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
}

/**
 * A Workflow's two stop settings (SPEC §2): whether people may stop it for one contact, and which
 * events stop a run by themselves. The same panel opens from the overview and from the builder.
 */
export function WorkflowSettingsPanel({ settings, onChange }: Props) {
  const { exitConditions } = settings;
  const setConditions = (on: readonly ExitCondition[]) => onChange({ ...settings, exitConditions: { ...exitConditions, on: [...on] } });
  const noneChosen = exitConditions.enabled && exitConditions.on.length === 0;
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
          {EXIT_CONDITION_TEXT.map(({ condition, label, description }) => (
            <Checkbox
              key={condition}
              label={label}
              description={description}
              checked={exitConditions.on.includes(condition)}
              onCheckedChange={(checked) =>
                setConditions(checked ? EXIT_CONDITION_TEXT.map((item) => item.condition).filter((c) => c === condition || exitConditions.on.includes(c)) : exitConditions.on.filter((c) => c !== condition))
              }
            />
          ))}
          {noneChosen && (
            <p id="exit-conditions-problem" className="field-problem" role="alert">
              Choose at least one condition, or turn exit conditions off. Until then the Workflow cannot be published or simulated.
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
