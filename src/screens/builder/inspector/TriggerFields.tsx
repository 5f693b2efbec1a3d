import type { Trigger, TriggerType } from '../../../../simulator/schema/trigger.ts';
import { TRIGGER_TYPES, triggerName } from '../../../parts/canvas/steps/triggerName.ts';
import { InspectorField } from './InspectorField.tsx';
import type { SchemaDraft } from './useSchemaDraft.ts';


/** The trigger's kind and what it listens for. */
export function TriggerFields({ form }: { form: SchemaDraft<Trigger> }) {
  const trigger = form.draft;
  // A label that only named the old kind follows the new one; one the author wrote stays.
  const labelFor = (type: TriggerType) => (trigger.label === '' || trigger.label === triggerName(trigger.type) ? triggerName(type) : trigger.label);
  const base = { id: trigger.id, oncePerContact: trigger.oncePerContact, ...(trigger.position ? { position: trigger.position } : {}) };
  const retype = (type: TriggerType): Trigger => {
    const label = labelFor(type);
    return type === 'tag_updated' ? { ...base, label, type, tag: 'vip', action: 'added' } : type === 'field_updated' ? { ...base, label, type, field: 'plan' } : { ...base, label, type };
  };
  return (
    <>
      <InspectorField label="Starts when">
        {(control) => (
          <select {...control} value={trigger.type} onChange={(event) => form.change([], retype(event.target.value as TriggerType))}>
            {TRIGGER_TYPES.map((type) => (
              <option key={type} value={type}>
                {triggerName(type)}
              </option>
            ))}
          </select>
        )}
      </InspectorField>
      {trigger.type === 'tag_updated' && (
        <>
          <InspectorField label="Tag" error={form.errorAt(['tag'])}>
            {(control) => <input {...control} value={trigger.tag} onChange={(event) => form.change(['tag'], event.target.value)} />}
          </InspectorField>
          <InspectorField label="When the tag is">
            {(control) => (
              <select {...control} value={trigger.action} onChange={(event) => form.change(['action'], event.target.value)}>
                <option value="added">added</option>
                <option value="removed">removed</option>
              </select>
            )}
          </InspectorField>
        </>
      )}
      {trigger.type === 'field_updated' && (
        <InspectorField label="Contact field" error={form.errorAt(['field'])}>
          {(control) => <input {...control} value={trigger.field} onChange={(event) => form.change(['field'], event.target.value)} />}
        </InspectorField>
      )}
      <InspectorField label="Label" error={form.errorAt(['label'])}>
        {(control) => <input {...control} value={trigger.label} onChange={(event) => form.change(['label'], event.target.value)} />}
      </InspectorField>
      <label className="inspector-check">
        <input type="checkbox" checked={trigger.oncePerContact} onChange={(event) => form.change(['oncePerContact'], event.target.checked)} />
        Trigger once per contact
      </label>
    </>
  );
}
