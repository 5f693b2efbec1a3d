import { ArrowDownWideNarrow, Plus } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import type { ScriptDraftEdit } from './editScriptDraft.ts';
import { EventRow, type EventAction } from './EventRow.tsx';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssuesAt } from './issuesByPath.ts';
import type { Choice } from './SelectField.tsx';

interface Props {
  readonly events: readonly Readonly<Record<string, unknown>>[];
  readonly contacts: readonly Choice[];
  readonly users: readonly Choice[];
  readonly workflowList: string;
  readonly issuesAt: IssuesAt;
  readonly onEdit: (edit: ScriptDraftEdit) => void;
}

/** The script's events in order, as written: each can be moved, removed or changed to another type. */
export function EventList({ events, contacts, users, workflowList, issuesAt, onEdit }: Props) {
  const id = useId();
  const buttonId = (index: number, action: EventAction) => `${id}-event-${index}-${action}`;
  const addId = `${id}-add`;
  // Events are keyed by position (a script has no event ids), so after a move or a removal the focused
  // button belongs to another event; focus goes where the keyboard user expects once the list is redrawn.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const act = (index: number, action: EventAction) => {
    if (action === 'remove') {
      onEdit({ kind: 'removeRow', list: 'events', index });
      const left = events.length - 1;
      focusNext.current = left === 0 ? addId : buttonId(Math.min(index, left - 1), 'remove');
      return;
    }
    const to = action === 'up' ? index - 1 : index + 1;
    onEdit({ kind: 'moveEvent', index, to });
    // The moved event keeps focus; at the top or bottom its button that way is disabled, so the other one.
    const atEnd = action === 'up' ? to === 0 : to === events.length - 1;
    focusNext.current = buttonId(to, atEnd ? (action === 'up' ? 'down' : 'up') : action);
  };

  return (
    <div role="group" className="script-editor__section" aria-labelledby={`${id}-heading`}>
      <div className="script-editor__section-head">
        <h3 id={`${id}-heading`} className="script-editor__heading">
          Events
        </h3>
        <button type="button" className="ui-button ui-button--small" disabled={events.length < 2} onClick={() => onEdit({ kind: 'sortEvents' })}>
          <ArrowDownWideNarrow size={14} aria-hidden="true" /> Sort by time
        </button>
      </div>
      <FieldIssues issues={issuesAt(['events'])} />
      {events.length === 0 ? (
        <p className="script-editor__empty">No events yet.</p>
      ) : (
        <ol className="script-events">
          {events.map((event, index) => (
            <EventRow
              key={index}
              index={index}
              count={events.length}
              event={event}
              contacts={contacts}
              users={users}
              workflowList={workflowList}
              buttonId={buttonId}
              issuesAt={issuesAt}
              onEdit={onEdit}
              onAction={act}
            />
          ))}
        </ol>
      )}
      <button id={addId} type="button" className="ui-button ui-button--small script-editor__add" onClick={() => onEdit({ kind: 'addRow', list: 'events' })}>
        <Plus size={14} aria-hidden="true" /> Add event
      </button>
    </div>
  );
}
