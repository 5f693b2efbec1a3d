import { useId } from 'react';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import { TextField } from './TextField.tsx';

/** What "Play for many contacts" starts with: enough contacts to see a spread, no jitter until asked for. */
const NEW_POPULATION = { contacts: 100, jitter: '0s', seed: 1 };

/**
 * Whole numbers are stored as numbers; anything else stays as typed, and the schema says what is
 * wrong with it. So does a number too large to hold exactly, which as a number would be shown
 * back rewritten (99999999999999999999999 as 1e+23).
 */
const numberOrText = (text: string): number | string => (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text);

interface Props {
  readonly population: Readonly<Record<string, unknown>> | undefined;
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/** The optional population: the first contact's events played for many generated contacts, each shifted by a seeded jitter, in order. */
export function PopulationFields({ population, issuesAt, onEdit }: Props) {
  const id = useId();
  const set = (key: string, value: unknown) => onEdit({ kind: 'set', path: ['population', key], value });
  return (
    <div role="group" className="script-editor__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="script-editor__heading">
        Population
      </h3>
      <span className="script-editor__check">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={population !== undefined}
          aria-describedby={`${id}-help`}
          onChange={(event) => onEdit({ kind: 'set', path: ['population'], value: event.target.checked ? NEW_POPULATION : undefined })}
        />
        <label htmlFor={`${id}-on`} className="script-editor__label">
          Play for many contacts
        </label>
      </span>
      <p id={`${id}-help`} className="field-help">
        Plays the first contact&rsquo;s events for each generated contact, each event shifted later by up to the jitter; each
        contact&rsquo;s events keep their order.
      </p>
      <FieldIssues issues={issuesAt(['population'])} />
      {population !== undefined && (
        <div className="script-editor__fields">
          <TextField label="Number of contacts" issues={issuesAt(['population', 'contacts'])} value={population.contacts} onChange={(text) => set('contacts', numberOrText(text))} />
          <TextField label="Jitter" issues={issuesAt(['population', 'jitter'])} value={population.jitter} placeholder="10m" onChange={(text) => set('jitter', text)} />
          <TextField label="Seed" issues={issuesAt(['population', 'seed'])} value={population.seed} onChange={(text) => set('seed', numberOrText(text))} />
        </div>
      )}
    </div>
  );
}
