import { useRef, useState, type ReactNode } from 'react';
import { shareSituationSchema, type ShareSituation } from '../../../simulator/schema/share.ts';
import { encodeShareFragment } from '../../common/shareLink/encodeShareFragment.ts';
import { useAppStoreApi } from '../../state/StoreProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import './shareLink.css';

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
 * link, or not a situation a link could open (checked here with the schema that opens it, so a
 * link never fails only when someone else opens it).
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
      const shown = await situation();
      if (!shown) return;
      const checked = shareSituationSchema.safeParse(shown);
      if (!checked.success) {
        refused('This cannot be shared as a link', checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
        return;
      }
      const encoded = await encodeShareFragment(shown);
      if (!encoded.ok) {
        refused(`Too large for a link (${encoded.bytes.toLocaleString('en-US')} characters; links hold up to ${encoded.limit.toLocaleString('en-US')}) — ${instead}`);
        return;
      }
      const url = sharedSimulatorUrl(encoded.fragment);
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
