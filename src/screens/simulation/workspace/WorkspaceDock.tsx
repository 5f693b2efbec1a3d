import { ChevronDown } from 'lucide-react';
import { useId, useRef, type ReactNode } from 'react';

export interface DockPanel<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly content: () => ReactNode;
}

interface Props<Id extends string> {
  readonly panels: readonly DockPanel<Id>[];
  /** The open panel's id, or `null` when the dock is folded to its row of buttons. */
  readonly open: Id | null;
  readonly onOpenChange: (id: Id | null) => void;
}

/**
 * The simulator's bottom dock (as a browser's developer tools): the analyses that need width —
 * the end-of-run report, the population's charts, Compare — each behind a button that opens it
 * under the canvas, one at a time, and folds it away again. Only the open panel is rendered, so a
 * folded report costs nothing while playing.
 */
export function WorkspaceDock<Id extends string>({ panels, open, onOpenChange }: Props<Id>) {
  const id = useId();
  const opener = useRef(new Map<Id, HTMLButtonElement>());
  const shown = panels.find((panel) => panel.id === open);
  const fold = () => {
    const button = shown ? opener.current.get(shown.id) : undefined;
    onOpenChange(null);
    button?.focus();
  };
  return (
    <div className={shown ? 'workspace-dock workspace-dock--open' : 'workspace-dock'}>
      <div className="workspace-dock__bar" role="group" aria-label="Analyses">
        {panels.map((panel) => (
          <button
            key={panel.id}
            ref={(element) => {
              if (element) opener.current.set(panel.id, element);
              else opener.current.delete(panel.id);
            }}
            type="button"
            className="workspace-dock__tab"
            aria-expanded={panel.id === open}
            aria-controls={panel.id === open ? `${id}-panel` : undefined}
            onClick={() => onOpenChange(panel.id === open ? null : panel.id)}
          >
            {panel.label}
          </button>
        ))}
        {shown && (
          <button type="button" className="ui-icon-button workspace-dock__fold" aria-label={`Fold ${shown.label} away`} title={`Fold ${shown.label} away`} onClick={fold}>
            <ChevronDown aria-hidden size={16} />
          </button>
        )}
      </div>
      {shown && (
        <div className="workspace-dock__panel" id={`${id}-panel`}>
          {shown.content()}
        </div>
      )}
    </div>
  );
}
