import { useImperativeHandle, useLayoutEffect, type Ref } from 'react';
import type { TriggerLink } from './triggerLink.ts';

/**
 * Stands in a Radix trigger's place (`<Trigger asChild><TriggerProxy link={…} /></Trigger>`) and
 * draws nothing: Radix's ref to its trigger is given the button our code drew, and the props Radix
 * gives its trigger go to that button through `link` (see triggerLink.ts).
 */
export function TriggerProxy({ link, ref, ...radix }: { readonly link: TriggerLink; readonly ref?: Ref<HTMLElement | null> } & Record<string, unknown>) {
  // Mounted after the button it stands for, so the element is there.
  useImperativeHandle(ref, () => link.element as HTMLElement, [link]);
  useLayoutEffect(() => link.attach(radix));
  useLayoutEffect(() => () => link.attach(null), [link]);
  return null;
}
