import { useId } from 'react';
import type { ScriptUser } from '../../../../simulator/schema/script.ts';
import { roleLabel } from '../live/demoCast.ts';

interface Props {
  readonly users: readonly ScriptUser[];
  readonly value: string;
  readonly onChange: (userId: string) => void;
}

/** Who is working the inbox: one user of each role, so a demo can show what each may do. */
export function UserSwitcher({ users, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="user-switcher">
      <label htmlFor={id} className="user-switcher__label">
        Working as
      </label>
      <select id={id} className="user-switcher__select" value={value} onChange={(event) => onChange(event.target.value)}>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name} — {roleLabel(user)}
          </option>
        ))}
      </select>
    </div>
  );
}
