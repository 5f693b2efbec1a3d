import { createContext, use, useCallback, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import type { AppHistory } from './history.ts';
import { parseRoute, routeHref, type AppLocation, type Route } from './routes.ts';

interface RouterValue {
  readonly route: Route;
  readonly history: AppHistory;
  navigate(route: Route, options?: { readonly replace?: boolean }): void;
}

const RouterContext = createContext<RouterValue | null>(null);

/**
 * Holds the current location in React state (so a navigation inside `startTransition` keeps the
 * old screen up while the new one loads) and follows Back and Forward.
 */
export function RouterProvider({ history, children }: { history: AppHistory; children: ReactNode }) {
  const [location, setLocation] = useState<AppLocation>(() => history.location());
  useEffect(() => history.subscribe(() => setLocation(history.location())), [history]);
  const navigate = useCallback<RouterValue['navigate']>(
    (route, options) => {
      const href = routeHref(route);
      if (options?.replace) history.replace(href);
      else history.push(href);
      setLocation(history.location());
    },
    [history],
  );
  const value = useMemo(() => ({ route: parseRoute(location), history, navigate }), [location, history, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

function useRouter(): RouterValue {
  const router = use(RouterContext);
  if (!router) throw new Error('useRoute and Link need a <RouterProvider> above them');
  return router;
}

/** The route the URL shows now. */
export const useRoute = (): Route => useRouter().route;

/** Goes to another route (push by default; `replace` for choices that should not fill Back). */
export const useNavigate = (): RouterValue['navigate'] => useRouter().navigate;

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: Route;
}

/** A real link (open in a new tab works); a plain click navigates without reloading the page. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { history, navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified || rest.target === '_blank') return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={history.createHref(routeHref(to))} onClick={handleClick} />;
}
