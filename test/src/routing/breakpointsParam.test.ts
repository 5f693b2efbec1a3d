import { describe, expect, it } from 'vitest';
import { breakpointsOf, breakpointsParam, parseRoute, routeHref } from '../../../src/routing/routes.ts';

describe('the simulator’s bp parameter', () => {
  it('reads steps, any stop and stop reasons, and writes them back the same', () => {
    const bp = { steps: [{ workflow: 'follow-up', step: 'wait' }, { workflow: 'lead:nurture', step: 'ask.1' }], anyStop: true, stopReasons: ['incoming_message' as const] };
    expect(breakpointsOf(breakpointsParam(bp))).toEqual({ bp });
    const route = parseRoute({ pathname: '/simulator', search: '?workflow=w1&script=saved%3Ax&bp=s%2Ffollow-up%2Fwait%2Cany' });
    expect(route).toMatchObject({ screen: 'simulator', workflow: 'w1', bp: { steps: [{ workflow: 'follow-up', step: 'wait' }], anyStop: true, stopReasons: [] } });
    expect(routeHref(route)).toBe('/simulator?workflow=w1&script=saved%3Ax&bp=s%2Ffollow-up%2Fwait%2Cany');
    expect(parseRoute({ pathname: '/simulator', search: '?example=hot-lead&bp=r%2Fmanual' })).toMatchObject({ example: 'hot-lead', bp: { stopReasons: ['manual'] } });
  });

  it('writes nothing when there is no breakpoint', () => {
    expect(routeHref({ screen: 'simulator', example: 'hot-lead', script: null, bp: { steps: [], anyStop: false, stopReasons: [] } })).toBe('/simulator?example=hot-lead');
  });

  it.each([
    ['an unknown item', 's/w/a,bogus'],
    ['an unknown stop reason', 'r/because'],
    ['an id with a character ids cannot hold', 's/w/a b'],
    ['a step without its Workflow', 's/wait'],
    ['an item twice', 'any,any'],
    ['an empty item', 's/w/a,,any'],
    ['too many steps', Array.from({ length: 1001 }, (_, i) => `s/w/s${i}`).join(',')],
    ['an overlong id', `s/w/${'x'.repeat(65)}`],
  ])('drops the whole parameter for %s', (_what, value) => {
    expect(breakpointsOf(value)).toEqual({});
  });
});
