import { X } from 'lucide-react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { Tabs } from '../../../ui/Tabs.tsx';
import type { OngoingRun, RunEndedByPublish } from '../live/ongoingRuns.ts';
import { OngoingWorkflowsList } from './OngoingWorkflowsList.tsx';
import { ShortcutList } from './ShortcutList.tsx';

interface Props {
  readonly contactName: string;
  readonly ongoing: readonly OngoingRun[];
  /** The contact's runs a publish in this session stopped. */
  readonly endedByPublish?: readonly RunEndedByPublish[];
  readonly shortcuts: readonly Workflow[];
  readonly now: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly onStop: (run: OngoingRun) => void;
  readonly onStartShortcut: (workflow: Workflow) => void;
  readonly onClose: () => void;
}

/**
 * What the Workflows icon of Conversation Actions opens: the Shortcuts tab and the Ongoing
 * Workflows tab. A side panel rather than a dialog, so the transcript stays in view and shows the
 * activity line the moment a run stops.
 */
export function WorkflowsPanel({ contactName, ongoing, endedByPublish = [], shortcuts, now, startEpochMs, timeZone, onStop, onStartShortcut, onClose }: Props) {
  return (
    <aside className="workflows-panel" id="workflows-panel" aria-label="Workflows">
      <header className="workflows-panel__header">
        <h2 className="workflows-panel__title">Workflows</h2>
        <button type="button" className="ui-icon-button" aria-label="Close Workflows" onClick={onClose}>
          <X size={16} aria-hidden />
        </button>
      </header>
      <Tabs
        label={`Workflows for ${contactName}`}
        defaultValue="ongoing"
        tabs={[
          { value: 'shortcuts', label: 'Shortcuts', content: <ShortcutList contactName={contactName} workflows={shortcuts} onStart={onStartShortcut} /> },
          {
            value: 'ongoing',
            label: `Ongoing Workflows (${ongoing.length})`,
            content: <OngoingWorkflowsList contactName={contactName} runs={ongoing} endedByPublish={endedByPublish} now={now} startEpochMs={startEpochMs} timeZone={timeZone} onStop={onStop} />,
          },
        ]}
      />
    </aside>
  );
}
