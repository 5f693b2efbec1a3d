import type { ContactState } from '../../../../simulator/schema/run.ts';
import type { ScriptContact } from '../../../../simulator/schema/script.ts';

export interface ContactRow {
  readonly contact: ScriptContact;
  readonly state: ContactState | undefined;
  /** How many Workflows are running for the contact. */
  readonly ongoing: number;
  readonly lastLine: string | undefined;
}

interface Props {
  readonly rows: readonly ContactRow[];
  readonly selected: string;
  readonly onSelect: (contactId: string) => void;
  readonly assigneeName: (userId: string) => string;
}

/** The inbox's conversations, each with its count of ongoing Workflows. */
export function ContactList({ rows, selected, onSelect, assigneeName }: Props) {
  return (
    <nav className="contact-list" aria-label="Conversations">
      <ul>
        {rows.map(({ contact, state, ongoing, lastLine }) => (
          <li key={contact.id}>
            <button
              type="button"
              className="contact-list__item"
              aria-current={contact.id === selected ? 'true' : undefined}
              onClick={() => onSelect(contact.id)}
            >
              <span className="contact-list__name">{contact.name || contact.id}</span>
              <span className="contact-list__count" data-count={ongoing}>
                <span aria-hidden>{ongoing}</span>
                <span className="visually-hidden">{` ${ongoing} ongoing Workflow${ongoing === 1 ? '' : 's'} `}</span>
              </span>
              <span className="contact-list__line">{lastLine ?? 'No messages yet'}</span>
              <span className="contact-list__meta">
                {state?.assignee ? `Assigned to ${assigneeName(state.assignee)}` : 'Unassigned'}
                {state && !state.open && lastLine !== undefined && ' · closed'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
