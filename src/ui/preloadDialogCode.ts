import { preloadConfirmDialog } from './ConfirmDialog.tsx';
import { preloadDialog } from './Dialog.tsx';

/** Fetches both dialogs' code ahead, for a menu whose items open either: one import for a caller that fetches this module on need. */
export function preloadDialogCode(): void {
  preloadDialog();
  preloadConfirmDialog();
}
