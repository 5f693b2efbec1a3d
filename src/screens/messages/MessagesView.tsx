import { MessagesSquare, RotateCcw } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { traceNamesOf } from '../../../simulator/trace/traceNames.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingMessage } from '../../ui/LoadingMessage.tsx';
import { Link } from '../../routing/Router.tsx';
import { useAppStore } from '../../state/StoreProvider.tsx';
import { IconButton } from '../../ui/Tooltip.tsx';
import { LiveClock } from './clock/LiveClock.tsx';
import { ConversationView } from './conversation/ConversationView.tsx';
import { ContactList } from './inbox/ContactList.tsx';
import { RunningWorkflows } from './inbox/RunningWorkflows.tsx';
import { SessionNotices } from './inbox/SessionNotices.tsx';
import { SessionScriptActions } from './inbox/SessionScriptActions.tsx';
import { UserSwitcher } from './inbox/UserSwitcher.tsx';
import { contactRows } from './live/contactRows.ts';
import { useLiveSession } from './live/LiveSessionProvider.tsx';

/**
 * The demo inbox on the live session, laid out as chat apps lay out theirs: a one-row session bar
 * (who is working, the clock, what becomes of the session), then docked regions that fill the
 * screen and scroll inside themselves — the conversations over what the session runs, and the
 * selected conversation with its composer always at the bottom.
 */
export function MessagesView() {
  const { workflows, restart, jumpToNext, outdated } = useLiveSession();
  // Restart unmounts the session bar while the new session starts: the focus goes back to Restart
  // once it is there again, not to the page.
  const restartButton = useRef<HTMLButtonElement>(null);
  const refocusRestart = useRef(false);
  const restartSession = () => {
    refocusRestart.current = true;
    restart();
  };
  const live = useAppStore(
    useShallow((state) => ({
      status: state.live.status,
      base: state.live.base,
      workflows: state.live.workflows,
      trace: state.live.trace,
      runs: state.live.runs,
      contacts: state.live.contacts,
      time: state.live.time,
      nextDue: state.live.nextDue,
      speed: state.live.speed,
      userId: state.live.userId,
      contactId: state.live.contactId,
    })),
  );
  const actions = useAppStore(useShallow((state) => ({ setLiveSpeed: state.setLiveSpeed, setLiveUser: state.setLiveUser, selectLiveContact: state.selectLiveContact })));
  const base = live.base;
  const running = live.status.kind === 'running' && base !== undefined;
  useEffect(() => {
    if (!running || !refocusRestart.current || !restartButton.current) return;
    refocusRestart.current = false;
    restartButton.current.focus();
  }, [running]);

  const rows = useMemo(
    () => (base ? contactRows(base.contacts, { trace: live.trace, runs: live.runs, contacts: live.contacts }, traceNamesOf(live.workflows, base)) : []),
    [base, live.workflows, live.trace, live.contacts, live.runs],
  );

  if (workflows === undefined) return <LoadingMessage>Reading your Workflows…</LoadingMessage>;
  if (workflows.running.length === 0)
    return (
      <EmptyState
        icon={<MessagesSquare size={32} />}
        title="No Workflow can run yet"
        action={
          <Link to={{ screen: 'overview' }} className="ui-button ui-button--primary">
            Go to Workflows
          </Link>
        }
      >
        <p>The inbox runs every stored Workflow that has no problems. {workflows.left.length > 0 ? 'Fix the problems the builder lists, then come back.' : 'Create one, or start from an example.'}</p>
        <SessionNotices outdated={false} left={workflows.left} onRestart={restart} />
      </EmptyState>
    );
  if (live.status.kind === 'failed')
    return (
      <div className="messages-failed" role="alert">
        <p>{live.status.message}</p>
        {live.status.problems.length > 0 && (
          <ul>
            {live.status.problems.map((problem, index) => (
              <li key={index}>
                {problem.path}: {problem.message}
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="ui-button" onClick={restartSession}>
          <RotateCcw size={14} aria-hidden /> Start again
        </button>
      </div>
    );
  if (live.status.kind !== 'running' || !base) return <LoadingMessage>Starting the simulator…</LoadingMessage>;

  const userName = (id: string) => base.users.find((user) => user.id === id)?.name ?? id;
  return (
    <div className="messages">
      <section className="messages__toolbar" aria-label="Session">
        <UserSwitcher users={base.users} value={live.userId} onChange={actions.setLiveUser} />
        <LiveClock
          time={live.time}
          startEpochMs={Date.parse(base.start)}
          timeZone={base.timezone}
          speed={live.speed}
          nextDue={live.nextDue}
          onSpeedChange={actions.setLiveSpeed}
          onJumpToNext={() => void jumpToNext()}
        />
        <div className="messages__session">
          <SessionScriptActions workflows={live.workflows} />
          <IconButton ref={restartButton} label="Restart" icon={<RotateCcw size={16} />} tooltipSide="bottom" onClick={restartSession} />
        </div>
      </section>
      <SessionNotices outdated={outdated} left={workflows.left} onRestart={restartSession} />
      <div className="messages__body">
        <div className="messages__sidebar">
          <ContactList rows={rows} selected={live.contactId} onSelect={actions.selectLiveContact} assigneeName={userName} />
          <RunningWorkflows names={live.workflows.map((workflow) => workflow.name)} />
        </div>
        <ConversationView key={live.contactId} base={base} />
      </div>
    </div>
  );
}
