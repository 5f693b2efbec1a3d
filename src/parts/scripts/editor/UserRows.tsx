import { scriptUserSchema } from '../../../../simulator/schema/script.ts';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { EditorField } from './EditorField.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import { RowList } from './RowList.tsx';
import { SelectField, type Choice } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ROLE_CHOICES: readonly Choice[] = scriptUserSchema.shape.role.unwrap().options.map((role) => ({ value: role, label: role.charAt(0).toUpperCase() + role.slice(1) }));

interface Props {
  readonly users: readonly Readonly<Record<string, unknown>>[];
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/** The people working in the Messages view: who they are, their role, and whether they are restricted (cannot see or stop Workflows). */
export function UserRows({ users, issuesAt, onEdit }: Props) {
  return (
    <RowList title="Users" itemName="User" list="users" rows={users} issuesAt={issuesAt} onEdit={onEdit}>
      {(user, index) => {
        const set = (key: string, value: unknown) => onEdit({ kind: 'set', path: ['users', index, key], value });
        return (
          <>
            <TextField label="ID" issues={issuesAt(['users', index, 'id'])} value={user.id} onChange={(value) => set('id', value)} />
            <TextField label="Name" issues={issuesAt(['users', index, 'name'])} value={user.name} onChange={(value) => set('name', value)} />
            <SelectField label="Role" issues={issuesAt(['users', index, 'role'])} value={user.role ?? 'agent'} choices={ROLE_CHOICES} onChange={(value) => set('role', value)} />
            <EditorField label="Restricted" inline issues={issuesAt(['users', index, 'restricted'])}>
              {(control) => <input {...control} type="checkbox" checked={user.restricted === true} onChange={(event) => set('restricted', event.target.checked)} />}
            </EditorField>
          </>
        );
      }}
    </RowList>
  );
}
