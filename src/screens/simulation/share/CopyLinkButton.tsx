import { Link2 } from 'lucide-react';
import { useCopyShareLink } from '../../../parts/share/useCopyShareLink.tsx';
import { shareSituationOf, type ShownSituation } from './shareSituationOf.ts';

interface Props {
  /** Read on click, so the link holds the instant shown then. */
  readonly shown: () => ShownSituation;
}

/** Copies a link holding the whole situation on screen; if the clipboard is refused, shows the link to copy by hand. */
export function CopyLinkButton({ shown }: Props) {
  const { copy, handCopy } = useCopyShareLink({ situation: () => shareSituationOf(shown()), instead: "use Export script and the Workflow's Export JSON instead" });
  return (
    <>
      <button type="button" className="ui-button ui-button--small" onClick={() => void copy()}>
        <Link2 aria-hidden size={14} /> Copy link
      </button>
      {handCopy}
    </>
  );
}
