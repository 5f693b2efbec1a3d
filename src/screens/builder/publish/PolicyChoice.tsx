import { useId } from 'react';
import type { PublishPolicy } from '../../../../simulator/schema/script.ts';
import { DescribedRadio } from '../../../ui/DescribedRadio.tsx';

const POLICIES: readonly { readonly value: PublishPolicy; readonly label: string; readonly description: string }[] = [
  {
    value: 'finish',
    label: 'Let them finish on their version',
    description: 'The default: each run goes on to its end on the version it started on. New runs start on this version.',
  },
  {
    value: 'stop',
    label: 'Stop them',
    description: 'Each run stops now, for the reason “Workflow updated”; the When stopped path of its version runs.',
  },
  {
    value: 'move',
    label: 'Move them to the new version',
    description:
      'Each run goes on in this version at the step with the same id: a Wait keeps its due time, an open question stays open. A run whose step is gone stops, for the reason “step removed”.',
  },
];

interface Props {
  readonly value: PublishPolicy;
  readonly onChange: (policy: PublishPolicy) => void;
}

/** What happens to the runs in flight on the published version: three choices, each said in full. */
export function PolicyChoice({ value, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="publish-dialog__policy">
      <legend className="ui-field__label">Runs in flight on the published version</legend>
      {POLICIES.map((policy) => (
        <DescribedRadio
          key={policy.value}
          id={`${id}-${policy.value}`}
          name={`${id}-policy`}
          value={policy.value}
          checked={value === policy.value}
          onChange={() => onChange(policy.value)}
          label={policy.label}
          description={policy.description}
        />
      ))}
    </fieldset>
  );
}
