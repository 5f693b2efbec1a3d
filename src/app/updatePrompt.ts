import type { NewNotice } from '../state/uiSlice.ts';

export const UPDATE_READY_TITLE = 'A new version of exitflow is ready';

export interface UpdatePromptDeps {
  /** Shows the prompt (the store's `notify`: a toast with one action). */
  readonly notify: (notice: NewNotice) => unknown;
  /** Writes what is still waiting to be autosaved, so the reload loses no edit. */
  readonly flush: () => Promise<void>;
  /** Lets the waiting service worker take over; the page reloads once it controls it. */
  readonly activateUpdate: () => Promise<void>;
}

/**
 * Offers a new build only when the person asks for it: a waiting service worker never reloads
 * the page by itself, where it would throw away an edit in progress. Dismissed, it takes over once
 * every tab of the app is closed.
 */
export function offerUpdate({ notify, flush, activateUpdate }: UpdatePromptDeps): void {
  notify({
    tone: 'info',
    title: UPDATE_READY_TITLE,
    description: 'Reload to use it; your drafts are saved first.',
    // A draft that could not be saved keeps the old version: the autosave reports that failure itself.
    action: { label: 'Reload', perform: () => void flush().then(activateUpdate, () => undefined) },
    // Not gone after ten seconds: a person away from the screen would never see it.
    persistent: true,
  });
}
