import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore } from '../state/StoreProvider.tsx';

const ToastList = lazy(() => import('./ToastList.tsx').then((module) => ({ default: module.ToastList })));

/**
 * The store's notices as toasts. Their code (Radix Toast) is not part of the first screen's load:
 * it comes with the first notice, or once the page is idle, whichever is first — from then on
 * the region is there, F8 reaches it, and every notice after is shown as it comes.
 */
export function Toaster() {
  const noticed = useAppStore((state) => state.notices.length > 0);
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setIdle(true), 2_000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setIdle(true), { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, []);
  if (!noticed && !idle) return null;
  return (
    <Suspense fallback={null}>
      <ToastList />
    </Suspense>
  );
}
