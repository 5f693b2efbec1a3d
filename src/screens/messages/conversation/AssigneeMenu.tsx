import { ChevronDown, UserRound } from 'lucide-react';
import type { ScriptUser } from '../../../../simulator/schema/script.ts';
import { DropdownMenu, type MenuItem } from '../../../ui/DropdownMenu.tsx';

interface Props {
  readonly users: readonly ScriptUser[];
  /** The assignee's id, or undefined when unassigned. */
  readonly assignee: string | undefined;
  readonly onAssign: (userId: string) => void;
  readonly onUnassign: () => void;
}

/** Assign, reassign or unassign the conversation — by hand, which can meet "Manual assignment". */
export function AssigneeMenu({ users, assignee, onAssign, onUnassign }: Props) {
  const current = users.find((user) => user.id === assignee);
  const items: MenuItem[] = [
    ...users.map((user) => ({
      label: user.id === assignee ? `Assigned to ${user.name}` : `${assignee ? 'Reassign' : 'Assign'} to ${user.name}`,
      disabled: user.id === assignee,
      onSelect: () => onAssign(user.id),
    })),
    { kind: 'separator' as const },
    { label: 'Unassign', disabled: assignee === undefined, onSelect: onUnassign },
  ];
  return (
    <DropdownMenu
      label="Assignee"
      align="start"
      items={items}
      trigger={
        <button type="button" className="ui-button assignee-menu" aria-label={`Assignee: ${current?.name ?? 'Unassigned'}`}>
          <UserRound size={14} aria-hidden />
          {current ? current.name : 'Unassigned'}
          <ChevronDown size={14} aria-hidden />
        </button>
      }
    />
  );
}
