import { Screen } from '../../ui/Screen.tsx';
import { useLiveSessionViewer } from './live/LiveSessionProvider.tsx';
import { MessagesView } from './MessagesView.tsx';
import './messages.css';

/** The demo inbox: stored Workflows run live, in virtual time, in the engine's worker (the session lives in `LiveSessionProvider`, above the routes). */
export function MessagesScreen() {
  useLiveSessionViewer();
  return (
    <Screen title="Messages" layout="workspace" description="A demo inbox where your Workflows talk to contacts, and agents take over: write, assign, or stop a Workflow for one contact.">
      <MessagesView />
    </Screen>
  );
}
