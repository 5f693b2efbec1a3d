import { Info, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { forgetReopenedWorkflow, readReopenedWorkflow } from '../persistence/restoreLastView.ts';
import { Link } from '../routing/Router.tsx';
import './ReopenedNotice.css';

/**
 * Says that a new session reopened this Workflow by itself (persistence/restoreLastView.ts), with
 * the way to the overview the person typed the address of: "Reopened “X”, where you left off —
 * Back to Workflows". In the app bar's free end, so it covers none of the builder; it stays until
 * dismissed or the builder is left, and a reload does not say it again.
 */
export function ReopenedNotice({ workflowId }: { workflowId: string }) {
  const [reopened] = useState(() => readReopenedWorkflow(window.sessionStorage));
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => forgetReopenedWorkflow(window.sessionStorage), []);
  if (!reopened || reopened.id !== workflowId || dismissed) return null;
  return (
    <section className="reopened-notice" aria-label="Reopened Workflow">
      <Info className="reopened-notice__icon" size={16} aria-hidden="true" />
      <p className="reopened-notice__text">
        Reopened “<span className="reopened-notice__name">{reopened.name}</span>”, where you left off
      </p>
      <Link to={{ screen: 'overview' }} className="reopened-notice__link">
        Back to Workflows
      </Link>
      <button type="button" className="ui-icon-button reopened-notice__dismiss" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        <X size={16} aria-hidden="true" />
      </button>
    </section>
  );
}
