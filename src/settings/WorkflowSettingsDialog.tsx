import type { ReactElement } from 'react';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { WorkflowSettingsPanel } from './WorkflowSettingsPanel.tsx';

interface Props {
  readonly trigger: ReactElement;
  readonly workflowName: string;
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
}

/** "Workflow settings": the stop settings panel in a dialog; every change applies at once (and can be undone). */
export function WorkflowSettingsDialog({ trigger, workflowName, settings, onChange }: Props) {
  return (
    <Dialog trigger={trigger} title="Workflow settings" description={`How “${workflowName}” can be stopped for a contact.`}>
      <WorkflowSettingsPanel settings={settings} onChange={onChange} />
    </Dialog>
  );
}
