import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { decodeShareFragment } from '../../../common/shareLink/decodeShareFragment.ts';
import type { ReadShareResult } from '../../../common/shareLink/readShareSituation.ts';
import { useStoredWorkflowActions } from '../../../persistence/useStoredWorkflowActions.ts';
import { Link, useNavigate } from '../../../routing/Router.tsx';
import { ErrorBoundary } from '../../../ui/ErrorBoundary.tsx';
import { LoadingMessage } from '../../../ui/LoadingMessage.tsx';
import { useOneAtATime } from '../../../ui/useOneAtATime.ts';
import { NO_BREAKPOINTS } from '../debug/useRouteBreakpoints.ts';
import { withSettingsTried } from './shareSituationOf.ts';

const PlaybackWorkspace = lazy(() => import('../workspace/PlaybackWorkspace.tsx').then((module) => ({ default: module.PlaybackWorkspace })));

/** The address's fragment, followed when another link is pasted into the same tab. */
function useLocationHash(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

/**
 * A share link opened: the situation it holds, decoded and checked in the browser, played read-only
 * from nothing stored (a fresh browser opens it). Only "Save as my Workflow" writes anything.
 */
export function SharedSimulation() {
  const hash = useLocationHash();
  const [read, setRead] = useState<{ readonly hash: string; readonly result: ReadShareResult } | null>(null);
  useEffect(() => {
    let current = true;
    void decodeShareFragment(hash).then((result) => current && setRead({ hash, result }));
    return () => {
      current = false;
    };
  }, [hash]);
  const { create } = useStoredWorkflowActions();
  const navigate = useNavigate();
  const situation = read?.hash === hash && read.result.ok ? read.result.situation : null;
  const tried = useMemo(() => (situation ? withSettingsTried(situation.workflows, situation.settingsTried) : []), [situation]);
  // Each Workflow stored with the settings tried in the link, as the examples' Save as my Workflow
  // keeps them; once per press (a double click stores no second set).
  const saving = useOneAtATime(async () => {
    const records = [];
    for (const workflow of tried) records.push(await create(workflow));
    const first = records[0];
    if (first && records.every(Boolean)) navigate({ screen: 'builder', workflowId: first.id });
  });

  if (read === null || read.hash !== hash) return <LoadingMessage>Opening the shared simulation…</LoadingMessage>;
  if (!read.result.ok)
    return (
      <div className="notice share-banner share-banner--refused" role="alert">
        <p>This shared simulation cannot be opened. {read.result.message}</p>
        <Link to={{ screen: 'overview' }}>Go to Workflows</Link>
      </div>
    );
  if (!situation) return null;
  return (
    <>
      <div className="simulator-header">
        <div className="share-banner" role="region" aria-label="Shared simulation">
          <p className="share-banner__title">
            <strong>Shared simulation — read-only</strong>{' '}
            <span>
              {situation.workflows.map((workflow) => workflow.name).join(', ')} · {situation.script.name}
            </span>
          </p>
          <button type="button" className="ui-button ui-button--primary ui-button--small" aria-disabled={saving.busy} aria-busy={saving.busy} onClick={() => saving.run()}>
            Save as my Workflow
          </button>
        </div>
      </div>
      <ErrorBoundary key={hash}>
        <Suspense fallback={<LoadingMessage>Loading the simulator…</LoadingMessage>}>
          <PlaybackWorkspace
            key={hash}
            workflows={situation.workflows}
            script={situation.script}
            {...(situation.versions ? { versions: situation.versions } : {})}
            {...(situation.settingsTried ? { settingsTried: situation.settingsTried } : {})}
            start={{ ...(situation.at === undefined ? {} : { at: situation.at }), ...(situation.contact === undefined ? {} : { contact: situation.contact }) }}
            heldBreakpoints={situation.breakpoints ?? NO_BREAKPOINTS}
          />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
