import { Plus, Trash2 } from 'lucide-react';
import type { BranchCondition, StepOf } from '../../../../simulator/schema/step.ts';
import { InspectorField } from './InspectorField.tsx';
import type { SchemaDraft } from './useSchemaDraft.ts';

type BranchStep = StepOf<'branch'>;

const NEW_CONDITION: Record<BranchCondition['subject'], BranchCondition> = {
  tag: { subject: 'tag', operator: 'has', tag: 'vip' },
  field: { subject: 'field', field: 'plan', operator: 'is', value: '' },
  last_message: { subject: 'last_message', operator: 'contains', value: '' },
};

const OPERATORS: Record<BranchCondition['subject'], readonly [string, string][]> = {
  tag: [
    ['has', 'has'],
    ['has_not', 'does not have'],
  ],
  field: [
    ['is', 'is'],
    ['is_not', 'is not'],
    ['contains', 'contains'],
    ['is_set', 'is set'],
    ['is_not_set', 'is not set'],
  ],
  last_message: [
    ['is', 'is'],
    ['contains', 'contains'],
  ],
};

/** A Branch's paths, each with its conditions, in order; Else is always there. */
export function BranchFields({ form }: { form: SchemaDraft<BranchStep> }) {
  const { paths } = form.draft;
  const freePathId = () => {
    const taken = new Set(paths.map((path) => path.id));
    for (let n = paths.length + 1; ; n++) if (!taken.has(`path-${n}`)) return `path-${n}`;
  };
  return (
    <div className="inspector-paths">
      {paths.map((path, p) => (
        <fieldset key={path.id} className="inspector-fieldset">
          <legend className="field-label">Path {p + 1}</legend>
          <InspectorField label="Name" error={form.errorAt(['paths', p, 'label'])}>
            {(control) => <input {...control} value={path.label} onChange={(event) => form.change(['paths', p, 'label'], event.target.value)} />}
          </InspectorField>
          <InspectorField label="Taken when">
            {(control) => (
              <select {...control} value={path.match} onChange={(event) => form.change(['paths', p, 'match'], event.target.value)}>
                <option value="all">all conditions hold</option>
                <option value="any">any condition holds</option>
              </select>
            )}
          </InspectorField>
          {path.conditions.map((condition, c) => (
            <div key={c} className="inspector-condition" role="group" aria-label={`Condition ${c + 1} of path ${p + 1}`}>
              <select className="form-control" aria-label="Subject" value={condition.subject} onChange={(event) => form.change(['paths', p, 'conditions', c], NEW_CONDITION[event.target.value as BranchCondition['subject']])}>
                <option value="tag">Tag</option>
                <option value="field">Contact field</option>
                <option value="last_message">Last message</option>
              </select>
              {condition.subject === 'field' && (
                <input className="form-control" aria-label="Field" value={condition.field} onChange={(event) => form.change(['paths', p, 'conditions', c, 'field'], event.target.value)} />
              )}
              <select className="form-control" aria-label="Operator" value={condition.operator} onChange={(event) => form.change(['paths', p, 'conditions', c, 'operator'], event.target.value)}>
                {OPERATORS[condition.subject].map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              {condition.subject === 'tag' ? (
                <input className="form-control" aria-label="Tag" value={condition.tag} onChange={(event) => form.change(['paths', p, 'conditions', c, 'tag'], event.target.value)} />
              ) : (
                condition.operator !== 'is_set' &&
                condition.operator !== 'is_not_set' && (
                  <input className="form-control" aria-label="Value" value={condition.value} onChange={(event) => form.change(['paths', p, 'conditions', c, 'value'], event.target.value)} />
                )
              )}
              <button
                type="button"
                className="ui-icon-button"
                aria-label={`Remove condition ${c + 1}`}
                onClick={() => form.change(['paths', p, 'conditions'], path.conditions.filter((_, i) => i !== c))}
              >
                <Trash2 aria-hidden size={14} />
              </button>
              {(['field', 'tag', 'value'] as const).map((key) => {
                const error = form.errorAt(['paths', p, 'conditions', c, key]);
                return error ? (
                  <p key={key} className="field-problem" role="alert">
                    {error}
                  </p>
                ) : null;
              })}
            </div>
          ))}
          {form.errorAt(['paths', p, 'conditions']) && (
            <p className="field-problem" role="alert">
              {form.errorAt(['paths', p, 'conditions'])}
            </p>
          )}
          <div className="inspector-actions">
            <button type="button" className="ui-button ui-button--small" onClick={() => form.change(['paths', p, 'conditions'], [...path.conditions, NEW_CONDITION.tag])}>
              <Plus aria-hidden size={14} /> Condition
            </button>
            {paths.length > 1 && (
              <button type="button" className="ui-button ui-button--small" onClick={() => form.change(['paths'], paths.filter((_, i) => i !== p))}>
                <Trash2 aria-hidden size={14} /> Remove path
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="ui-button ui-button--small"
        onClick={() => form.change(['paths'], [...paths, { id: freePathId(), label: `Path ${paths.length + 1}`, match: 'all', conditions: [NEW_CONDITION.tag] }])}
      >
        <Plus aria-hidden size={14} /> Path
      </button>
      <p className="field-help">Else is taken when no path’s conditions hold.</p>
    </div>
  );
}
