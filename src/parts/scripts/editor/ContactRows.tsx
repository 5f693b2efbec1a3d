import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import { RowList } from './RowList.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  readonly contacts: readonly Readonly<Record<string, unknown>>[];
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/** The script's contacts: an id the events name, and a name. Tags and fields are kept as they are (the JSON view edits them). */
export function ContactRows({ contacts, issuesAt, onEdit }: Props) {
  return (
    <RowList title="Contacts" itemName="Contact" list="contacts" rows={contacts} issuesAt={issuesAt} onEdit={onEdit}>
      {(contact, index) => (
        <>
          <TextField label="ID" issues={issuesAt(['contacts', index, 'id'])} value={contact.id} onChange={(value) => onEdit({ kind: 'set', path: ['contacts', index, 'id'], value })} />
          <TextField label="Name" issues={issuesAt(['contacts', index, 'name'])} value={contact.name} onChange={(value) => onEdit({ kind: 'set', path: ['contacts', index, 'name'], value })} />
          {/* Tags and fields have no fields here: their problems show on the row, to fix in the JSON view. */}
          <FieldIssues
            issues={[...issuesAt(['contacts', index, 'tags'], 'within'), ...issuesAt(['contacts', index, 'fields'], 'within')].map((issue) => ({
              ...issue,
              message: `${issue.where}: ${issue.message} (edit it in the JSON view)`,
            }))}
          />
        </>
      )}
    </RowList>
  );
}
