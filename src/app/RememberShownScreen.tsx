import { useRememberShownScreen } from '../persistence/useRememberShownScreen.ts';
import { useRoute } from '../routing/Router.tsx';

/** Keeps which screen is shown, for a new session's `/` (persistence/restoreLastView.ts). */
export function RememberShownScreen() {
  const route = useRoute();
  useRememberShownScreen(route.screen === 'builder' ? route.workflowId : null);
  return null;
}
