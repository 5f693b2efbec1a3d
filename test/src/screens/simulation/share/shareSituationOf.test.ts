import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../../../../src/common/shareLink/decodeShareFragment.ts';
import { encodeShareFragment } from '../../../../../src/common/shareLink/encodeShareFragment.ts';
import { parseRoute, routeHref } from '../../../../../src/routing/routes.ts';
import { shareSituationOf, withSettingsTried } from '../../../../../src/screens/simulation/share/shareSituationOf.ts';
import { NO_BREAKPOINTS } from '../../../../../src/screens/simulation/debug/useRouteBreakpoints.ts';
import { bundledSituations } from '../../../common/shareLink/bundledSituations.ts';

describe('the situation a share link is made of', () => {
  it('carries only the settings that differ from the Workflows’, the instant, the contact and the breakpoints, and opens back to the same Workflows as tried', async () => {
    const [first] = await bundledSituations();
    if (!first) throw new Error('no bundled example');
    const { workflows, script } = first.situation;
    const [changed, ...rest] = workflows;
    if (!changed) throw new Error('no Workflow');
    const settings = { ...changed.settings, exitConditions: { ...changed.settings.exitConditions, enabled: !changed.settings.exitConditions.enabled } };
    const edited = [{ ...changed, settings }, ...rest];
    const breakpoints = { ...NO_BREAKPOINTS, anyStop: true };
    const situation = shareSituationOf({ workflows, edited, script, at: 180_000, contact: 'dana', breakpoints });
    expect(situation.settingsTried).toEqual({ [changed.id]: settings });
    expect(situation.workflows).toEqual(workflows);
    expect(situation).toMatchObject({ v: 1, at: 180_000, contact: 'dana', breakpoints });

    const encoded = await encodeShareFragment(situation);
    if (!encoded.ok) throw new Error('too large');
    const decoded = await decodeShareFragment(encoded.fragment);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(withSettingsTried(decoded.situation.workflows, decoded.situation.settingsTried)).toEqual(edited);
  });

  it('leaves out what was not tried: no settings, no breakpoints, no contact', () => {
    const situation = shareSituationOf({ workflows: [], edited: [], script: { name: 's' } as never, at: 0, contact: '', breakpoints: NO_BREAKPOINTS });
    expect(Object.keys(situation).sort()).toEqual(['at', 'script', 'v', 'workflows']);
  });
});

describe('the shared simulator route', () => {
  it('is /simulator/shared, and back; anything deeper is not found', () => {
    expect(parseRoute({ pathname: '/simulator/shared', search: '' })).toEqual({ screen: 'simulator', example: null, script: null, shared: true });
    expect(routeHref({ screen: 'simulator', example: null, script: null, shared: true })).toBe('/simulator/shared');
    expect(parseRoute({ pathname: '/simulator/shared/x', search: '' }).screen).toBe('not-found');
    expect(parseRoute({ pathname: '/simulator/other', search: '' }).screen).toBe('not-found');
  });
});
