import { Link2 } from 'lucide-react';
import { useState } from 'react';
import { encodeShareFragment } from '../../../common/shareLink/encodeShareFragment.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { shareSituationOf, type ShownSituation } from './shareSituationOf.ts';

/** Where share links open; the fragment after it stays in the browser. */
export function sharedSimulatorUrl(fragment: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${location.origin}${base}/simulator/shared${fragment}`;
}

interface Props {
  /** Read on click, so the link holds the instant shown then. */
  readonly shown: () => ShownSituation;
}

/** Copies a link holding the whole situation on screen; if the clipboard is refused, shows the link to copy by hand. */
export function CopyLinkButton({ shown }: Props) {
  const store = useAppStoreApi();
  const [handCopy, setHandCopy] = useState<string | null>(null);
  const copy = async () => {
    const encoded = await encodeShareFragment(shareSituationOf(shown()));
    if (!encoded.ok) {
      store.getState().notify({
        tone: 'error',
        title: `Too large for a link (${encoded.bytes.toLocaleString('en-US')} characters; links hold up to ${encoded.limit.toLocaleString('en-US')}) — use Export script and the Workflow's Export JSON instead`,
      });
      return;
    }
    const url = sharedSimulatorUrl(encoded.fragment);
    try {
      await navigator.clipboard.writeText(url);
      store.getState().notify({ tone: 'success', title: 'Link copied: it opens this simulation, read-only, at this instant' });
    } catch {
      setHandCopy(url);
    }
  };
  return (
    <>
      <button type="button" className="ui-button ui-button--small" onClick={() => void copy()}>
        <Link2 aria-hidden size={14} /> Copy link
      </button>
      {handCopy !== null && (
        <Dialog open onOpenChange={(open) => !open && setHandCopy(null)} title="Copy this link" description="The clipboard was not available: select the link and copy it.">
          <input className="share-link__field" aria-label="Share link" readOnly value={handCopy} onFocus={(event) => event.currentTarget.select()} />
        </Dialog>
      )}
    </>
  );
}
