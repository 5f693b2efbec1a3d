import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { contactTranscript } from '../../../../simulator/trace/transcript.ts';
import { traceNamesOf } from '../../../../simulator/trace/traceNames.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import { withClockTimes } from '../../../common/virtualTime.ts';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { useLiveSession } from '../live/LiveSessionProvider.tsx';
import { ongoingRuns, runsEndedByPublish } from '../live/ongoingRuns.ts';
import { sessionVersions } from '../live/sessionVersions.ts';
import { workflowRef } from '../live/sessionScript.ts';
import { AssigneeMenu } from './AssigneeMenu.tsx';
import { Composer } from './Composer.tsx';
import { ConversationActions } from './ConversationActions.tsx';
import { Transcript } from '../../../parts/transcript/Transcript.tsx';
import { workflowsPanelCode } from './workflowsPanelCode.tsx';

/** The selected contact's conversation, wired to the live session: everything shown is the engine's report. */
export function ConversationView({ base }: { base: Script }) {
  const live = useAppStore(
    useShallow((state) => ({
      workflows: state.live.workflows,
      startWorkflows: state.live.startWorkflows,
      versions: state.live.versions,
      published: state.live.published,
      trace: state.live.trace,
      runs: state.live.runs,
      contacts: state.live.contacts,
      time: state.live.time,
      userId: state.live.userId,
      contactId: state.live.contactId,
      composerSide: state.live.composerSide,
    })),
  );
  const setComposerSide = useAppStore((state) => state.setComposerSide);
  const { perform } = useLiveSession();
  const [panelOpen, setPanelOpen] = useState(false);
  const [fetchedPanel, setFetchedPanel] = useState(() => workflowsPanelCode.loaded);
  // Another conversation may have fetched the panel's code since this one was drawn.
  const WorkflowsPanel = fetchedPanel ?? workflowsPanelCode.loaded;
  const togglePanel = () => {
    const code = workflowsPanelCode.loaded;
    if (code) {
      setFetchedPanel(() => code);
      setPanelOpen((open) => !open);
      return;
    }
    // Pressed before the panel's code arrived: it opens when it does, and more presses meanwhile
    // ask the same. Code that did not arrive (offline for a moment) opens nothing, and the next
    // press fetches it again.
    setPanelOpen(true);
    workflowsPanelCode.load().then(
      (loaded) => setFetchedPanel(() => loaded),
      () => setPanelOpen(false),
    );
  };
  const workflowsButton = useRef<HTMLButtonElement>(null);
  const closePanel = () => {
    setPanelOpen(false);
    // Its Close button goes with it: the focus goes back to the icon that opened it.
    workflowsButton.current?.focus();
  };

  const contact = base.contacts.find((candidate) => candidate.id === live.contactId) ?? base.contacts[0];
  const user = base.users.find((candidate) => candidate.id === live.userId) ?? base.users[0];
  const names = useMemo(() => withClockTimes(traceNamesOf(live.workflows, base), Date.parse(base.start), base.timezone), [live.workflows, base]);
  const items = useMemo(() => (contact ? contactTranscript(live.trace, contact.id, names) : []), [live.trace, contact, names]);
  const versions = useMemo(
    () => sessionVersions({ startWorkflows: live.startWorkflows, versions: live.versions, published: live.published }),
    [live.startWorkflows, live.versions, live.published],
  );
  const ongoing = useMemo(
    () => (contact ? ongoingRuns(contact.id, live.runs, live.trace, live.workflows, versions) : []),
    [contact, live.runs, live.trace, live.workflows, versions],
  );
  const endedByPublish = useMemo(() => (contact ? runsEndedByPublish(contact.id, live.runs, versions) : []), [contact, live.runs, versions]);
  const shortcuts = useMemo(() => live.workflows.filter((workflow) => workflow.trigger.type === 'shortcut'), [live.workflows]);
  if (!contact || !user) return null;
  const contactName = contact.name || contact.id;
  const assignee = live.contacts.find((state) => state.contact === contact.id)?.assignee;
  const startEpochMs = Date.parse(base.start);
  const refOf = (id: string) => {
    const workflow = live.workflows.find((candidate) => candidate.id === id);
    return workflow ? workflowRef(workflow, live.workflows) : id;
  };

  return (
    <section className="conversation" aria-label={`Conversation with ${contactName}`}>
      <header className="conversation__header">
        <h2 className="conversation__title">{contactName}</h2>
        <AssigneeMenu
          users={base.users}
          assignee={assignee}
          onAssign={(to) => void perform({ type: 'assign', contact: contact.id, user: user.id, to })}
          onUnassign={() => void perform({ type: 'unassign', contact: contact.id, user: user.id })}
        />
        <ConversationActions
          user={user}
          workflowsOpen={panelOpen && !user.restricted && WorkflowsPanel !== null}
          onToggleWorkflows={togglePanel}
          ongoingCount={ongoing.length}
          workflowsButton={workflowsButton}
        />
      </header>
      <div className="conversation__body">
        <div className="conversation__main">
          <Transcript contactName={contactName} items={items} startEpochMs={startEpochMs} timeZone={base.timezone} />
          <Composer
            side={live.composerSide}
            onSideChange={setComposerSide}
            contactName={contactName}
            userName={user.name}
            onSend={(text) =>
              perform(
                live.composerSide === 'agent' ? { type: 'agent.message', contact: contact.id, user: user.id, text } : { type: 'contact.message', contact: contact.id, text },
              )
            }
          />
        </div>
        {panelOpen && !user.restricted && WorkflowsPanel && (
          <WorkflowsPanel
            contactName={contactName}
            ongoing={ongoing}
            endedByPublish={endedByPublish}
            shortcuts={shortcuts}
            now={live.time}
            startEpochMs={startEpochMs}
            timeZone={base.timezone}
            onStop={(run) => void perform({ type: 'workflow.stop', contact: contact.id, user: user.id, workflow: refOf(run.workflowId) })}
            onStartShortcut={(workflow) => void perform({ type: 'shortcut', contact: contact.id, user: user.id, workflow: refOf(workflow.id) })}
            onClose={closePanel}
          />
        )}
      </div>
    </section>
  );
}
