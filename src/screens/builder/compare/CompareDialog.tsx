import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { VersionRecord } from '../../../model/records.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { CompareView } from './CompareView.tsx';
import type { CompareSide } from './versionName.ts';

interface Props {
  readonly workflowId: string;
  readonly versions: readonly VersionRecord[];
  readonly current: Workflow;
  /** The two sides to open on; null while closed. */
  readonly pair: { readonly older: CompareSide; readonly newer: CompareSide } | null;
  readonly onClose: () => void;
}

/** Compare versions, over the history dialog and nearly the whole window (compare.css sizes it). */
export function CompareDialog({ workflowId, versions, current, pair, onClose }: Props) {
  return (
    <Dialog open={pair !== null} onOpenChange={(open) => !open && onClose()} title="Compare versions" size="full">
      {pair && <CompareView workflowId={workflowId} versions={versions} current={current} initial={pair} />}
    </Dialog>
  );
}
