import { useEffect } from 'react';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { commandForKey } from './builderCommands.ts';

/** Whether the key press belongs to a text field (its own undo, copy and select all stay native). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

/** The builder's keyboard shortcuts (BUILDER_COMMANDS), while the builder is open. Delete is React Flow's own. */
export function useBuilderShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inTextField(event.target) || document.querySelector('[role="dialog"]')) return;
      const command = commandForKey({ key: event.key, mod: event.ctrlKey || event.metaKey, shift: event.shiftKey, alt: event.altKey }, store);
      if (!command) return;
      event.preventDefault();
      command.perform(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
