import type { Dialog as RadixDialog } from 'radix-ui';
import { createContext, type ComponentPropsWithRef, type ReactNode } from 'react';

export type DialogCloseProps = ComponentPropsWithRef<typeof RadixDialog.Close>;

/**
 * Draws Radix's Close of the dialog around it: given by the loaded dialog (LoadedDialog.tsx), so
 * that `DialogClose` in a dialog's footer needs no Radix code of its own before a dialog opens.
 */
export const RadixCloseContext = createContext<((props: DialogCloseProps) => ReactNode) | null>(null);
