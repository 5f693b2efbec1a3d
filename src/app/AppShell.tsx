import { useEffect, type ReactNode } from 'react';
import { useAppStore } from '../state/StoreProvider.tsx';
import { AppNav } from './AppNav.tsx';
import { listenForBackgroundErrors } from './backgroundErrors.ts';
import { Link } from '../routing/Router.tsx';
import { Toaster } from './Toaster.tsx';

/**
 * The frame around every screen: the top bar with the navigation, the screen, and the toasts.
 * Errors nobody caught are reported as toasts rather than lost in the console.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const notify = useAppStore((state) => state.notify);
  useEffect(() => listenForBackgroundErrors(window, (error) => notify({ tone: 'error', ...error })), [notify]);
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-bar">
        <Link to={{ screen: 'overview' }} className="app-brand">
          exitflow
        </Link>
        <AppNav />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <Toaster />
    </div>
  );
}
