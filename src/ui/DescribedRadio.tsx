import type { ReactNode } from 'react';
import './describedRadio.css';

interface Props {
  /** The input's id; its description is `${id}-description`. */
  readonly id: string;
  /** The group's name, shared by the choices of one question. */
  readonly name: string;
  readonly value: string;
  readonly checked: boolean;
  readonly onChange: () => void;
  readonly label: string;
  /** What choosing it does, in a sentence or two; screen readers hear it with the label. */
  readonly description: ReactNode;
  /** Shown under the description, e.g. a field the choice needs ("Wait 7d"). */
  readonly children?: ReactNode;
}

/**
 * One choice of a question whose choices need saying in full: a radio, its label, and under it
 * what it does (its accessible description). Put the choices in a fieldset with a legend.
 *
 * @example <DescribedRadio id={`${id}-never`} name={`${id}-reentry`} value="never" checked={rule === 'never'} onChange={() => choose('never')} label="Never" description="…" />
 */
export function DescribedRadio({ id, name, value, checked, onChange, label, description, children }: Props) {
  return (
    <div className="ui-field">
      <input type="radio" id={id} className="ui-radio" name={name} value={value} checked={checked} onChange={onChange} aria-describedby={`${id}-description`} />
      <div>
        <label htmlFor={id} className="ui-radio__label">
          {label}
        </label>
        <p id={`${id}-description`} className="ui-field__description">
          {description}
        </p>
        {children}
      </div>
    </div>
  );
}
