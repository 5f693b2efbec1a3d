import type { ReactElement } from 'react';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { WorkflowSettingsPanel } from './WorkflowSettingsPanel.tsx';

interface Props {
  /** The control that opens it; leave out when `open` is controlled (a menu item). */
  readonly trigger?: ReactElement;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly workflowName: string;
  readonly settings: WorkflowSettings;
  readonly onChange: (settings: WorkflowSettings) => void;
  /** Whether the Workflow has a When stopped path; the panel says so. */
  readonly whenStoppedPath?: boolean;
  /** Adds a When stopped path (the builder); the panel offers it while there is none. */
  readonly onAddWhenStoppedPath?: () => void;
}

/** "Workflow settings": the stop settings panel in a dialog; every change applies at once (in the builder, as an edit Undo takes back). */
export function WorkflowSettingsDialog({ trigger, open, onOpenChange, workflowName, settings, onChange, whenStoppedPath = false, onAddWhenStoppedPath }: Props) {
  return (
    <Dialog {...(trigger ? { trigger } : {})} {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})} title="Workflow settings" description={`How “${workflowName}” can be stopped for a contact.`}>
      <WorkflowSettingsPanel settings={settings} onChange={onChange} whenStoppedPath={whenStoppedPath} onAddWhenStoppedPath={onAddWhenStoppedPath} />
    </Dialog>
  );
}
