import { useId } from 'react';
import type { ExampleSituation } from '../../../parts/examples/exampleManifest.ts';

interface Props {
  readonly situations: readonly ExampleSituation[];
  readonly value: string;
  /** True while the chosen situation loads. */
  readonly busy: boolean;
  readonly onChange: (id: string) => void;
}

export function SituationPicker({ situations, value, busy, onChange }: Props) {
  const id = useId();
  const chosen = situations.find((situation) => situation.id === value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Situation
      </label>
      <select id={id} value={value} aria-busy={busy} aria-describedby={`${id}-description`} onChange={(event) => onChange(event.target.value)}>
        {situations.map((situation) => (
          <option key={situation.id} value={situation.id}>
            {situation.title}
          </option>
        ))}
      </select>
      <p className="field-help" id={`${id}-description`} title={chosen?.description}>
        {chosen?.description}
      </p>
    </div>
  );
}
