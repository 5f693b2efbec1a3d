import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, SCREEN_HOME, type Route } from '../../../src/routing/routes.ts';
import { splitHref } from '../../../src/routing/history.ts';

const at = (href: string): Route => parseRoute(splitHref(href));

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['/', { screen: 'overview' }],
    ['/workflows', { screen: 'overview' }],
    ['/workflows/', { screen: 'overview' }],
    ['/builder', { screen: 'builder', workflowId: null }],
    ['/builder/wf-1', { screen: 'builder', workflowId: 'wf-1' }],
    ['/builder/lead%20nurture', { screen: 'builder', workflowId: 'lead nurture' }],
    ['/messages', { screen: 'messages' }],
    ['/simulator', { screen: 'simulator', example: null, script: null }],
    ['/simulator?example=hot-lead&script=agent-takes-over', { screen: 'simulator', example: 'hot-lead', script: 'agent-takes-over' }],
    ['/simulator?script=x#trace', { screen: 'simulator', example: null, script: 'x' }],
  ])('reads %s', (href, route) => {
    expect(at(href)).toEqual(route);
  });

  it.each(['/nope', '/messages/extra', '/builder/a/b', '/builder/%E0%A4%A', '/workflows/x', '/simulator/x'])(
    'calls %s not found, keeping the path to show it',
    (href) => {
      expect(at(href)).toEqual({ screen: 'not-found', path: href });
    },
  );
});

describe('routeHref', () => {
  it('gives each screen its address', () => {
    expect(Object.values(SCREEN_HOME).map(routeHref)).toEqual(['/', '/builder', '/messages', '/simulator']);
  });

  it('is read back as the same route, whatever the Workflow id or example names hold', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constant<Route>({ screen: 'overview' }),
      fc.constant<Route>({ screen: 'messages' }),
      fc.option(text, { nil: null }).map((workflowId): Route => ({ screen: 'builder', workflowId })),
      fc.record({ example: fc.option(text, { nil: null }), script: fc.option(text, { nil: null }) }).map((choice): Route => ({ screen: 'simulator', ...choice })),
    );
    fc.assert(fc.property(route, (original) => {
        expect(at(routeHref(original))).toEqual(original);
      }));
  });
});

describe('the instant a stored Workflow simulation opens at', () => {
  const stored = (at?: number): Route => ({ screen: 'simulator', example: null, script: 'saved:s1', workflow: 'wf', ...(at === undefined ? {} : { at }) });

  it.each<[string, Route]>([
    ['/simulator?workflow=wf&script=saved:s1&at=0', stored(0)],
    ['/simulator?workflow=wf&script=saved:s1&at=7200000', stored(7_200_000)],
    [`/simulator?workflow=wf&script=saved:s1&at=${3650 * 86_400_000}`, stored(3650 * 86_400_000)],
  ])('reads %s', (href, route) => {
    expect(at(href)).toEqual(route);
  });

  it.each(['abc', '-5', '1.5', '1e6', '0x10', ' 12', '12 ', '', '+12', 'Infinity', 'NaN', `${3650 * 86_400_000 + 1}`, '99999999999999999999', '1'.repeat(400)])(
    'ignores at=%j: the simulation opens at its start',
    (value) => {
      expect(at(`/simulator?workflow=wf&script=saved:s1&at=${encodeURIComponent(value)}`)).toEqual(stored());
    },
  );

  it('belongs to a stored Workflow only: a bundled example ignores it', () => {
    expect(at('/simulator?example=hot-lead&script=x&at=5')).toEqual({ screen: 'simulator', example: 'hot-lead', script: 'x' });
  });

  it('carries the contact to show, dropping an empty or overlong one', () => {
    expect(at('/simulator?workflow=wf&script=saved:s1&contact=lead-17')).toEqual({ ...stored(), contact: 'lead-17' });
    expect(at('/simulator?workflow=wf&script=saved:s1&contact=')).toEqual(stored());
    expect(at(`/simulator?workflow=wf&script=saved:s1&contact=${'x'.repeat(201)}`)).toEqual(stored());
    expect(at('/simulator?example=hot-lead&script=x&contact=dana')).toEqual({ screen: 'simulator', example: 'hot-lead', script: 'x' });
  });

  it('is written into the address and read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 * 86_400_000 }), fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 200 }), (instant, workflow, contact) => {
        const route: Route = { screen: 'simulator', example: null, script: null, workflow, at: instant, contact };
        expect(at(routeHref(route))).toEqual(route);
      }),
    );
  });
});
