import { LIMITS } from '../../simulator/schema/limits.ts';
import { stopReasonSchema } from '../../simulator/schema/settings.ts';
import type { Breakpoints } from '../../simulator/schema/breakpoints.ts';

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
   * it parts from the published version). `bp` holds the workspace's breakpoints, absent when none.
   */
  | {
      readonly screen: 'simulator';
      readonly example: string | null;
      readonly script: string | null;
      readonly workflow?: string | null;
      readonly at?: number;
      readonly contact?: string;
      readonly bp?: Breakpoints;
      /**
       * A share link (`/simulator/shared`): the whole situation is in the address's fragment, which
       * never reaches a server, so nothing else of the route applies.
       */
      readonly shared?: true;
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

const BREAKPOINT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const STOP_REASONS: ReadonlySet<string> = new Set(stopReasonSchema.options);

/**
 * `bp` as breakpoints, written compactly as items joined by `,`: `s/<workflow>/<step>` (pause when
 * a run enters the step), `any` (when any run stops) and `r/<reason>` (when a run stops for that
 * reason). Ids cannot hold `/` or `,`, so the items read back unambiguously. Read strictly: one
 * item that is not one of these (a mistyped or forged link), more steps than a playback holds or an
 * item twice drops the whole parameter, and the simulation opens with no breakpoint rather than
 * with some of them.
 *
 * @example breakpointsOf('s/follow-up/wait,r/incoming_message') // { bp: { steps: [{ workflow: 'follow-up', step: 'wait' }], anyStop: false, stopReasons: ['incoming_message'] } }
 */
export function breakpointsOf(value: string | null): { readonly bp?: Breakpoints } {
  if (value === null || value === '' || value.length > 200 * (LIMITS.breakpoints + 10)) return {};
  const bp: { steps: Breakpoints['steps']; anyStop: boolean; stopReasons: Breakpoints['stopReasons'] } = { steps: [], anyStop: false, stopReasons: [] };
  const seen = new Set<string>();
  for (const item of value.split(',')) {
    if (seen.has(item)) return {};
    seen.add(item);
    const parts = item.split('/');
    if (item === 'any') bp.anyStop = true;
    else if (parts.length === 2 && parts[0] === 'r' && STOP_REASONS.has(parts[1] as string)) bp.stopReasons.push(parts[1] as Breakpoints['stopReasons'][number]);
    else if (parts.length === 3 && parts[0] === 's' && BREAKPOINT_ID.test(parts[1] as string) && BREAKPOINT_ID.test(parts[2] as string))
      bp.steps.push({ workflow: parts[1] as string, step: parts[2] as string });
    else return {};
  }
  return bp.steps.length > LIMITS.breakpoints ? {} : { bp };
}

/** Breakpoints as `bp` writes them; '' when there are none. */
export function breakpointsParam(bp: Breakpoints): string {
  return [...bp.steps.map(({ workflow, step }) => `s/${workflow}/${step}`), ...(bp.anyStop ? ['any'] : []), ...bp.stopReasons.map((reason) => `r/${reason}`)].join(',');
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
      if (second === 'shared') return { screen: 'simulator', example: null, script: null, shared: true };
      if (second !== undefined) return notFound;
      if (query.get('workflow') === null) return { screen: 'simulator', example: query.get('example'), script: query.get('script'), ...breakpointsOf(query.get('bp')) };
      return {
        screen: 'simulator',
        example: null,
        script: query.get('script'),
        workflow: query.get('workflow'),
        ...instantOf(query.get('at')),
        ...contactOf(query.get('contact')),
        ...breakpointsOf(query.get('bp')),
      };
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
      if (route.shared) return '/simulator/shared';
      const query = new URLSearchParams();
      if (route.workflow) query.set('workflow', route.workflow);
      if (route.example !== null) query.set('example', route.example);
      if (route.script !== null) query.set('script', route.script);
      if (route.workflow && route.at !== undefined) query.set('at', String(route.at));
      if (route.workflow && route.contact !== undefined) query.set('contact', route.contact);
      const bp = route.bp ? breakpointsParam(route.bp) : '';
      if (bp !== '') query.set('bp', bp);
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
