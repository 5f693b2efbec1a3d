/** The label of a form control and its one-line description, tied to the control by ids. */
export function FieldText({ id, label, description }: { id: string; label: string; description?: string | undefined }) {
  return (
    <div>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      {description && (
        <p id={descriptionId(id)} className="ui-field__description">
          {description}
        </p>
      )}
    </div>
  );
}

/** The id of a control's description, for its `aria-describedby`; undefined when it has none. */
export function describedBy(id: string, description: string | undefined): string | undefined {
  return description ? descriptionId(id) : undefined;
}

const descriptionId = (id: string) => `${id}-description`;
