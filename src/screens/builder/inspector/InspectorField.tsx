import { useId, type ReactNode } from 'react';

interface Props {
  readonly label: string;
  /** One line under the label: what to write, or what the field does. */
  readonly help?: string;
  readonly error?: string | undefined;
  /** Renders the control with the ids that tie it to its label, help and error. */
  readonly children: (control: { id: string; className: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A labelled form field of the inspector, with its help and its validation message. */
export function InspectorField({ label, help, error, children }: Props) {
  const id = useId();
  const described = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="inspector-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, className: 'form-control', ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-problem" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
