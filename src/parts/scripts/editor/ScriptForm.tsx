import { useId } from 'react';
import { ContactRows } from './ContactRows.tsx';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { EventList } from './EventList.tsx';
import { ExpectationRows } from './ExpectationRows.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import { PopulationFields } from './PopulationFields.tsx';
import type { ScriptDraft } from './readScriptDraft.ts';
import { rowChoices } from './rowChoices.ts';
import { TextField } from './TextField.tsx';
import { UserRows } from './UserRows.tsx';

/** IANA zone names to suggest, where the browser can list them; any name can still be typed. */
const TIME_ZONES: readonly string[] = (() => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

interface Props {
  readonly draft: ScriptDraft;
  readonly workflowNames: readonly string[];
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/** The script as a form: its name and start, who takes part, the population, the events timeline and the expectations. */
export function ScriptForm({ draft, workflowNames, issuesAt, onEdit }: Props) {
  const id = useId();
  const zoneList = `${id}-zones`;
  const workflowList = `${id}-workflows`;
  const contacts = rowChoices(draft.contacts);
  const users = rowChoices(draft.users);
  const set = (key: string) => (value: string) => onEdit({ kind: 'set', path: [key], value });
  return (
    <div className="script-form">
      <datalist id={zoneList}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id={workflowList}>
        {workflowNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="script-editor__fields">
        <TextField label="Name" issues={issuesAt(['name'])} value={draft.name} className="script-editor__name" onChange={set('name')} />
        <TextField label="Start" issues={issuesAt(['start'])} value={draft.start} placeholder="2026-01-05T09:00:00Z" onChange={set('start')} />
        <TextField label="Time zone" issues={issuesAt(['timezone'])} value={draft.timezone ?? 'UTC'} list={zoneList} placeholder="UTC" onChange={set('timezone')} />
      </div>
      <ContactRows contacts={draft.contacts ?? []} issuesAt={issuesAt} onEdit={onEdit} />
      <UserRows users={draft.users ?? []} issuesAt={issuesAt} onEdit={onEdit} />
      <PopulationFields population={draft.population} issuesAt={issuesAt} onEdit={onEdit} />
      <EventList events={draft.events ?? []} contacts={contacts} users={users} workflowList={workflowList} issuesAt={issuesAt} onEdit={onEdit} />
      <ExpectationRows expectations={draft.expect ?? []} contacts={contacts} workflowList={workflowList} issuesAt={issuesAt} onEdit={onEdit} />
    </div>
  );
}
