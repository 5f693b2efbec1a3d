import { Download, Link2, Save } from 'lucide-react';
import { useId, useState } from 'react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { useNavigate } from '../../../routing/Router.tsx';
import { savedScriptKey } from '../../../parts/scripts/scriptChoice.ts';
import { workflowsToSimulate } from '../../../../simulator/graph/workflowsToSimulate.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { Dialog, DialogClose } from '../../../ui/Dialog.tsx';
import { IconButton } from '../../../ui/Tooltip.tsx';
import { useLiveSession } from '../live/LiveSessionProvider.tsx';
import { useCopyShareLink } from '../../../parts/share/useCopyShareLink.tsx';
import { loadLiveShareSituation, preloadScriptFiles, useScriptFiles } from './useScriptFiles.tsx';

/** On each of the bar's actions: the pointer or focus reaching it fetches the work behind them. */
const reaching = { onPointerEnter: preloadScriptFiles, onFocus: preloadScriptFiles };

interface Props {
  /** The Workflows the session runs. */
  readonly workflows: readonly Workflow[];
}

/**
 * What becomes of a session: a link that opens it, as far as it has come, in the read-only
 * simulator; a script file to download; or a script saved with one of its Workflows, where the
 * simulator lists it to replay (and check) whenever the Workflow changes. Icon buttons named by
 * their tooltips, so the session bar stays one row at 1280 px. The buttons are drawn at once; the
 * code that makes the file, the kept script and the link's situation comes when the pointer or
 * focus reaches them (useScriptFiles), and a press made before it has arrived waits for it.
 */
export function SessionScriptActions({ workflows }: Props) {
  const { recordedScript } = useLiveSession();
  const files = useScriptFiles();
  const store = useAppStoreApi();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [workflowId, setWorkflowId] = useState('');
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const chosen = workflows.find((workflow) => workflow.id === workflowId) ?? workflows[0];

  const shareLink = useCopyShareLink({
    situation: async () => {
      // The instant clicked, before the engine is asked for the script: the clock may play on meanwhile.
      const { time, contactId } = store.getState().live;
      const [script, liveShareSituation] = await Promise.all([recordedScript(), loadLiveShareSituation()]);
      const { startWorkflows, versions } = store.getState().live;
      return script ? liveShareSituation({ script, startWorkflows, versions, time, contactId }) : null;
    },
    instead: 'use Save session as script instead',
  });

  const failed = (what: string, error: unknown) =>
    store.getState().notify({ tone: 'error', title: what, description: error instanceof Error ? error.message : String(error) });

  const download = async () => {
    try {
      const [script, { download }] = await Promise.all([recordedScript(), files.ready()]);
      if (script) download(script);
    } catch (error) {
      failed('The session was not saved as a file', error);
    }
  };

  const keep = async () => {
    if (!chosen || busy) return;
    // Busy from the first click: a second one must not save a second copy.
    setBusy(true);
    try {
      const [recorded, { keep: keepScript }] = await Promise.all([recordedScript(), files.ready()]);
      if (!recorded) return;
      const kept = await keepScript(recorded, chosen.id, workflowsToSimulate(chosen, workflows));
      // A refused write has been toasted; the dialog stays open to try again.
      if (!kept) return;
      const { record, script, leftOut } = kept;
      setOpen(false);
      store.getState().notify({
        tone: 'success',
        title: `Saved “${script.name}” with “${chosen.name}”`,
        description: leftOut > 0 ? `${leftOut} ${leftOut === 1 ? 'line' : 'lines'} about other Workflows left out.` : undefined,
        action: { label: 'Simulate', perform: () => navigate({ screen: 'simulator', example: null, script: savedScriptKey(record.id), workflow: chosen.id }) },
      });
    } catch (error) {
      failed('The session was not kept', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <IconButton label="Copy link" icon={<Link2 size={16} />} tooltipSide="bottom" {...reaching} onClick={() => void shareLink.copy()} />
      {shareLink.handCopy}
      <IconButton label="Save session as script" icon={<Download size={16} />} tooltipSide="bottom" {...reaching} onClick={() => void download()} />
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={<IconButton label="Keep with a Workflow…" icon={<Save size={16} />} tooltipSide="bottom" {...reaching} />}
        title="Keep this session with a Workflow"
        description="The session becomes a script saved with the Workflow: the simulator lists it, replays it and checks that every run still ends as it did here."
        footer={
          <>
            <DialogClose asChild>
              <button type="button" className="ui-button">
                Cancel
              </button>
            </DialogClose>
            <button type="button" className="ui-button ui-button--primary" aria-busy={busy} disabled={busy || !chosen} onClick={() => void keep()}>
              Save script
            </button>
          </>
        }
      >
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            Workflow
          </label>
          <select id={selectId} value={chosen?.id ?? ''} onChange={(event) => setWorkflowId(event.target.value)}>
            {workflows.map((workflow) => (
              <option key={workflow.id} value={workflow.id}>
                {workflow.name}
              </option>
            ))}
          </select>
        </div>
      </Dialog>
      {files.drawn}
    </>
  );
}
