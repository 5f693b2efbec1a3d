import { useRef, useState, type ReactNode } from 'react';
import type { ShareSituation } from '../../../simulator/schema/share.ts';
import { loadOnce } from '../../common/loadOnce.ts';
import { useAppStoreApi } from '../../state/StoreProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { refetchableImport } from '../../common/refetchableImport.ts';
import './shareLink.css';

/** The check and the compression (the share schema, deflate), fetched on the first Copy link. */
const importFragmentCode = refetchableImport(() => import('./checkedShareFragment.ts'));
const fragmentCode = loadOnce(() => importFragmentCode().then((module) => module.checkedShareFragment));

/** Where share links open; the fragment after it stays in the browser. */
export function sharedSimulatorUrl(fragment: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${location.origin}${base}/simulator/shared${fragment}`;
}

interface Options {
  /** Read at the click, so the link holds what is on screen then; null when there is nothing to share yet. */
  readonly situation: () => ShareSituation | null | Promise<ShareSituation | null>;
  /** The file a too-large situation can go in instead, said as the end of the refusal: "use … instead". */
  readonly instead: string;
}

export interface CopyShareLink {
  /** Makes the link and copies it; a click while a copy is under way is the same request, so it copies once. */
  readonly copy: () => Promise<void>;
  /** The link to copy by hand when the clipboard was refused: render it beside the trigger. */
  readonly handCopy: ReactNode;
}

/**
 * Copy link, for whichever screen shows a situation: encodes it into a link to the shared,
 * read-only simulator, puts it on the clipboard and says so — or says why not: too large for a
 * link, or not a situation a link could open (see checkedShareFragment.ts, whose code is fetched
 * on the first press).
 */
export function useCopyShareLink({ situation, instead }: Options): CopyShareLink {
  const store = useAppStoreApi();
  const [handCopyUrl, setHandCopyUrl] = useState<string | null>(null);
  const copying = useRef(false);
  const refused = (title: string, description?: string) => store.getState().notify({ tone: 'error', title, ...(description === undefined ? {} : { description }) });

  const copy = async () => {
    if (copying.current) return;
    copying.current = true;
    try {
      // Fetched alongside reading the situation; a failed fetch (offline) is told, and the next press tries again.
      const [shown, checkedFragment] = await Promise.all([situation(), fragmentCode.load()]);
      if (!shown) return;
      const made = await checkedFragment(shown, instead);
      if (!made.ok) {
        refused(made.title, made.description);
        return;
      }
      const url = sharedSimulatorUrl(made.fragment);
      try {
        await navigator.clipboard.writeText(url);
        store.getState().notify({ tone: 'success', title: 'Link copied: it opens this simulation, read-only, at this instant' });
      } catch {
        setHandCopyUrl(url);
      }
    } catch (error) {
      refused('The link was not made', error instanceof Error ? error.message : String(error));
    } finally {
      copying.current = false;
    }
  };

  const handCopy =
    handCopyUrl === null ? null : (
      <Dialog open onOpenChange={(open) => !open && setHandCopyUrl(null)} title="Copy this link" description="The clipboard was not available: select the link and copy it.">
        <input className="share-link__field" aria-label="Share link" readOnly value={handCopyUrl} onFocus={(event) => event.currentTarget.select()} />
      </Dialog>
    );
  return { copy, handCopy };
}
