import { useId } from 'react';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { LoadedDocument } from '../../../parts/examples/readDocument.ts';

interface Props {
  readonly scripts: readonly LoadedDocument<Script>[];
  /** The chosen script's file. */
  readonly value: string;
  readonly onChange: (file: string) => void;
}

export function ScriptPicker({ scripts, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Script
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {scripts.map((script) => (
          <option key={script.file} value={script.file}>
            {script.value.name}
          </option>
        ))}
      </select>
    </div>
  );
}
