import { FlaskConical, LayoutList, MessagesSquare, PencilRuler } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useRoute } from '../routing/Router.tsx';
import { SCREEN_HOME, type Screen } from '../routing/routes.ts';
import { screenModules } from './screenModules.ts';

const ITEMS: readonly { readonly screen: Exclude<Screen, 'not-found'>; readonly label: string; readonly icon: ReactNode }[] = [
  { screen: 'overview', label: 'Workflows', icon: <LayoutList size={18} aria-hidden /> },
  { screen: 'builder', label: 'Builder', icon: <PencilRuler size={18} aria-hidden /> },
  { screen: 'messages', label: 'Messages', icon: <MessagesSquare size={18} aria-hidden /> },
  { screen: 'simulator', label: 'Simulator', icon: <FlaskConical size={18} aria-hidden /> },
];

/** The main navigation: one link per screen, the current one marked for screen readers too. */
export function AppNav() {
  const route = useRoute();
  return (
    <nav className="app-nav" aria-label="Main">
      <ul className="app-nav__list">
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <Link
              to={SCREEN_HOME[item.screen]}
              className="app-nav__link"
              aria-current={route.screen === item.screen ? 'page' : undefined}
              // The screen's code starts loading as the pointer or focus reaches its link, not on the click.
              onPointerEnter={() => screenModules[item.screen].preload()}
              onFocus={() => screenModules[item.screen].preload()}
            >
              {item.icon}
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
