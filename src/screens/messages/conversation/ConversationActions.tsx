import { Workflow as WorkflowIcon } from 'lucide-react';
import type { Ref } from 'react';
import type { ScriptUser } from '../../../../simulator/schema/script.ts';
import { IconButton } from '../../../ui/Tooltip.tsx';
import { preloadWorkflowsPanel } from './workflowsPanelCode.tsx';

interface Props {
  /** Who is working the inbox. */
  readonly user: ScriptUser;
  readonly workflowsOpen: boolean;
  readonly onToggleWorkflows: () => void;
  readonly ongoingCount: number;
  /** The Workflows icon, for the focus to come back to when its panel closes. */
  readonly workflowsButton?: Ref<HTMLButtonElement>;
}

/**
 * The conversation's actions. The Workflows icon is not there at all for a user with the user
 * restriction — hidden, not disabled; the engine refuses their stop anyway.
 */
export function ConversationActions({ user, workflowsOpen, onToggleWorkflows, ongoingCount, workflowsButton }: Props) {
  return (
    <div className="conversation-actions" role="toolbar" aria-label="Conversation actions">
      {!user.restricted && (
        <span className="conversation-actions__workflows">
          <IconButton
            ref={workflowsButton}
            label="Workflows"
            icon={<WorkflowIcon size={18} />}
            aria-expanded={workflowsOpen}
            aria-controls={workflowsOpen ? 'workflows-panel' : undefined}
            onClick={onToggleWorkflows}
            onPointerEnter={preloadWorkflowsPanel}
            onFocus={preloadWorkflowsPanel}
          />
          {ongoingCount > 0 && (
            <span className="conversation-actions__count" aria-hidden>
              {ongoingCount}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
