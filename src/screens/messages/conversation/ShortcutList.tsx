import { shortcutStartIcon } from './workflowsPanelCode.tsx';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';

interface Props {
  readonly contactName: string;
  /** The Workflows started by a shortcut. */
  readonly workflows: readonly Workflow[];
  readonly onStart: (workflow: Workflow) => void;
}

/** Shortcut-triggered Workflows an agent can start for this contact. */
export function ShortcutList({ contactName, workflows, onStart }: Props) {
  if (workflows.length === 0)
    return <p className="shortcuts shortcuts--empty">No Workflow is started by a shortcut. Give one a Shortcut trigger in the builder to start it from here.</p>;
  return (
    <ul className="shortcuts" aria-label={`Shortcuts for ${contactName}`}>
      {workflows.map((workflow) => (
        <li key={workflow.id} className="shortcuts__item">
          <span>{workflow.name}</span>
          <button type="button" className="ui-button" onClick={() => onStart(workflow)} aria-label={`Start ${workflow.name} for ${contactName}`}>
            {shortcutStartIcon} Start
          </button>
        </li>
      ))}
    </ul>
  );
}
