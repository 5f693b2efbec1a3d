import { Plus, Trash2 } from 'lucide-react';
import { useId, useRef, type ReactNode } from 'react';
import { IconButton } from '../../../ui/Tooltip.tsx';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssuesAt } from './issuesByPath.ts';

type Row = Readonly<Record<string, unknown>>;

interface Props {
  /** The section's heading: "Contacts". */
  readonly title: string;
  /** One row, capitalised as the group's name ("Contact 1") and lower-case in the buttons ("Remove contact 1"). */
  readonly itemName: string;
  readonly list: 'contacts' | 'users' | 'expect';
  readonly rows: readonly Row[];
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
  /** The fields of one row. */
  readonly children: (row: Row, index: number) => ReactNode;
}

/** A section of the script form listing rows of one kind, each a labelled group that can be removed, and a button to add one. */
export function RowList({ title, itemName, list, rows, issuesAt, onEdit, children }: Props) {
  const id = useId();
  const add = useRef<HTMLButtonElement>(null);
  const item = itemName.toLowerCase();
  return (
    <div role="group" className="script-editor__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="script-editor__heading">
        {title}
      </h3>
      <FieldIssues issues={issuesAt([list])} />
      {rows.length > 0 && (
        <ol className="script-rows">
          {rows.map((row, index) => {
            const issues = issuesAt([list, index]);
            const issuesId = `${id}-${index}-issues`;
            return (
              <li key={index}>
                <div role="group" aria-label={`${itemName} ${index + 1}`} aria-describedby={issues.length > 0 ? issuesId : undefined} className="script-row">
                  <div className="script-row__fields">
                    <FieldIssues id={issuesId} issues={issues} />
                    {children(row, index)}
                  </div>
                  <IconButton
                    label={`Remove ${item} ${index + 1}`}
                    icon={<Trash2 size={16} />}
                    onClick={() => {
                      onEdit({ kind: 'removeRow', list, index });
                      // The removed button goes away with its row; Add stays where the keyboard user is.
                      add.current?.focus();
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button ref={add} type="button" className="ui-button ui-button--small script-editor__add" onClick={() => onEdit({ kind: 'addRow', list })}>
        <Plus size={14} aria-hidden="true" /> Add {item}
      </button>
    </div>
  );
}
