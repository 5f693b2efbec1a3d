import { Switch as RadixSwitch } from 'radix-ui';
import { useId } from 'react';
import { describedBy, FieldText } from './FieldText.tsx';

interface Props {
  readonly label: string;
  readonly checked: boolean;
  readonly onCheckedChange: (checked: boolean) => void;
  /** One line under the label saying what the setting does. */
  readonly description?: string;
  readonly disabled?: boolean;
}

/** An on/off setting with its label (Radix Switch: role="switch", Space/Enter toggle it). */
export function Switch({ label, checked, onCheckedChange, description, disabled = false }: Props) {
  const id = useId();
  return (
    <div className="ui-field">
      <RadixSwitch.Root
        id={id}
        className="ui-switch"
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={describedBy(id, description)}
      >
        <RadixSwitch.Thumb className="ui-switch__thumb" />
      </RadixSwitch.Root>
      <FieldText id={id} label={label} description={description} />
    </div>
  );
}
