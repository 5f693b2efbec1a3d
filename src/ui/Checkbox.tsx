import { Check } from 'lucide-react';
import { Checkbox as RadixCheckbox } from 'radix-ui';
import { useId } from 'react';
import { describedBy, FieldText } from './FieldText.tsx';

interface Props {
  readonly label: string;
  readonly checked: boolean;
  readonly onCheckedChange: (checked: boolean) => void;
  readonly description?: string;
  readonly disabled?: boolean;
}

/** A labelled checkbox (Radix Checkbox: role="checkbox", Space toggles it). */
export function Checkbox({ label, checked, onCheckedChange, description, disabled = false }: Props) {
  const id = useId();
  return (
    <div className="ui-field">
      <RadixCheckbox.Root
        id={id}
        className="ui-checkbox"
        checked={checked}
        onCheckedChange={(value) => onCheckedChange(value === true)}
        disabled={disabled}
        aria-describedby={describedBy(id, description)}
      >
        <RadixCheckbox.Indicator className="ui-checkbox__indicator">
          <Check size={14} aria-hidden="true" />
        </RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
      <FieldText id={id} label={label} description={description} />
    </div>
  );
}
