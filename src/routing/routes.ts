import { LIMITS } from '../../simulator/schema/limits.ts';

/**
 * The app's screens as data, and their URLs. Pure, so a link, a reload and a test all agree on
 * which screen a URL means.
 */
export type Route =
  | { readonly screen: 'overview' }
  | { readonly screen: 'builder'; readonly workflowId: string | null }
  | { readonly screen: 'messages' }
  /**
   * A bundled example (`example`), or a stored Workflow (`workflow`, from the builder's Simulate),
   * and a script of it; `at` (ms since the script's start) and `contact` are the instant and the
   * contact a stored Workflow's simulation opens at (a publish's impact opens a changed run where
   * it parts from the published version).
   */
  | {
      readonly screen: 'simulator';
      readonly example: string | null;
      readonly script: string | null;
      readonly workflow?: string | null;
      readonly at?: number;
      readonly contact?: string;
    }
  | { readonly screen: 'not-found'; readonly path: string };

export type Screen = Route['screen'];

/** A location inside the app, without the deployment's base path. */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
}

const segmentsOf = (pathname: string): string[] => pathname.split('/').filter((segment) => segment !== '');

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * `at` as an instant of virtual time: whole milliseconds in digits only, within the longest span
 * a script may cover. Anything else (a sign, a decimal point, an exponent, a huge number) is a
 * link that was mistyped or forged, and is dropped so the simulation opens at its start.
 */
function instantOf(value: string | null): { readonly at?: number } {
  if (value === null || !/^\d{1,15}$/.test(value)) return {};
  const at = Number(value);
  return at <= LIMITS.horizonMs ? { at } : {};
}

/** The longest contact id a link carries; a longer one is not a contact of any script the app accepts. */
const MAX_CONTACT_ID = 200;

/** `contact` as the id of the contact to show first; empty or overlong is dropped (the first contact shows). */
function contactOf(value: string | null): { readonly contact?: string } {
  return value === null || value === '' || value.length > MAX_CONTACT_ID ? {} : { contact: value };
}

/** Which screen a location shows; anything unknown is `not-found`, never an exception. */
export function parseRoute({ pathname, search }: AppLocation): Route {
  const segments = segmentsOf(pathname);
  const query = new URLSearchParams(search);
  const notFound: Route = { screen: 'not-found', path: pathname + search };
  const [first, second, ...rest] = segments;
  if (first === undefined) return { screen: 'overview' };
  if (rest.length > 0) return notFound;
  switch (first) {
    case 'workflows':
      return second === undefined ? { screen: 'overview' } : notFound;
    case 'builder': {
      if (second === undefined) return { screen: 'builder', workflowId: null };
      const workflowId = decode(second);
      return workflowId === null || workflowId === '' ? notFound : { screen: 'builder', workflowId };
    }
    case 'messages':
      return second === undefined ? { screen: 'messages' } : notFound;
    case 'simulator':
      if (second !== undefined) return notFound;
      if (query.get('workflow') === null) return { screen: 'simulator', example: query.get('example'), script: query.get('script') };
      return { screen: 'simulator', example: null, script: query.get('script'), workflow: query.get('workflow'), ...instantOf(query.get('at')), ...contactOf(query.get('contact')) };
    default:
      return notFound;
  }
}

/** The URL of a route, relative to the app's base, always starting with `/`. */
export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'overview':
      return '/';
    case 'builder':
      return route.workflowId === null ? '/builder' : `/builder/${encodeURIComponent(route.workflowId)}`;
    case 'messages':
      return '/messages';
    case 'simulator': {
      const query = new URLSearchParams();
      if (route.workflow) query.set('workflow', route.workflow);
      if (route.example !== null) query.set('example', route.example);
      if (route.script !== null) query.set('script', route.script);
      if (route.workflow && route.at !== undefined) query.set('at', String(route.at));
      if (route.workflow && route.contact !== undefined) query.set('contact', route.contact);
      const search = query.toString();
      return search === '' ? '/simulator' : `/simulator?${search}`;
    }
    case 'not-found':
      return route.path.startsWith('/') ? route.path : `/${route.path}`;
  }
}

/** The route each screen opens with when reached from the navigation. */
export const SCREEN_HOME: Readonly<Record<Exclude<Screen, 'not-found'>, Route>> = {
  overview: { screen: 'overview' },
  builder: { screen: 'builder', workflowId: null },
  messages: { screen: 'messages' },
  simulator: { screen: 'simulator', example: null, script: null },
};
