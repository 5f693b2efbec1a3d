import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64url } from '../../../../src/common/shareLink/base64url.ts';
import { decodeShareFragment } from '../../../../src/common/shareLink/decodeShareFragment.ts';
import { deflateBytes } from '../../../../src/common/shareLink/deflateBytes.ts';
import { encodeShareFragment } from '../../../../src/common/shareLink/encodeShareFragment.ts';
import { SHARE_FRAGMENT_LIMIT, SHARE_FRAGMENT_PREFIX, SHARE_INFLATED_LIMIT } from '../../../../src/common/shareLink/shareFragmentLimits.ts';
import type { ShareSituation } from '../../../../simulator/schema/share.ts';
import { bundledSituations } from './bundledSituations.ts';

const situations = await bundledSituations();
const followUp = situations.find((s) => s.name === 'follow-up/contact-replies.script.json')!.situation;

async function fragmentOf(situation: ShareSituation): Promise<string> {
  const made = await encodeShareFragment(situation);
  if (!made.ok) throw new Error(`too large: ${made.bytes}`);
  return made.fragment;
}

/** A fragment of any JSON text, made as the encoder makes them, to reach the checks past decompression. */
async function fragmentOfText(text: string): Promise<string> {
  return SHARE_FRAGMENT_PREFIX + bytesToBase64url(await deflateBytes(new TextEncoder().encode(text)));
}

describe('encodeShareFragment → decodeShareFragment', () => {
  it('finds every bundled example script', () => {
    expect(situations.length).toBe(29);
  });

  // The bundled examples need at most 2,207 characters: a limit ten times that leaves room for bigger Workflows.
  it.each(situations)('gives back $name as it was, well within the limit', async ({ situation }) => {
    const made = await encodeShareFragment(situation);
    expect(made.ok && made.fragment.startsWith('#s1.')).toBe(true);
    if (!made.ok) return;
    expect(made.bytes).toBe(made.fragment.length);
    expect(made.bytes).toBeLessThan(SHARE_FRAGMENT_LIMIT / 5);
    expect(await decodeShareFragment(made.fragment)).toEqual({ ok: true, situation });
  });

  it('keeps where the person stood: settings tried, instant, contact, breakpoints', async () => {
    const workflow = followUp.workflows[0]!;
    const situation: ShareSituation = {
      ...followUp,
      settingsTried: { [workflow.id]: { ...workflow.settings, manualStop: true } },
      at: 180_000,
      contact: followUp.script.contacts[0]!.id,
      breakpoints: { steps: [{ workflow: workflow.id, step: workflow.steps[0]!.id }], anyStop: true, stopReasons: ['incoming_message'] },
    };
    expect(await decodeShareFragment(await fragmentOf(situation))).toEqual({ ok: true, situation });
    // Without the "#", as a router may hand it over.
    expect((await decodeShareFragment((await fragmentOf(situation)).slice(1))).ok).toBe(true);
  });
});

describe('a link made with format 1', () => {
  it('opens a Workflow of an older Workflow format, migrated', async () => {
    const old = { ...followUp, workflows: [{ ...followUp.workflows[0]!, format: 'exitflow.workflow/1' }] };
    const decoded = await decodeShareFragment(await fragmentOfText(JSON.stringify(old)));
    expect(decoded).toEqual({ ok: true, situation: followUp });
  });


  it('still opens, with everything it held', async () => {
    const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
    const fragment = (await readFile(`${fixtures}share-v1-follow-up.txt`, 'utf8')).trim();
    const held = JSON.parse(await readFile(`${fixtures}share-v1-follow-up.json`, 'utf8')) as ShareSituation;
    const decoded = await decodeShareFragment(fragment);
    // Matched, not equal: a later format may add fields with defaults, and the old link must still open with what it held.
    expect(decoded).toMatchObject({ ok: true, situation: held });
    expect(decoded.ok && decoded.situation).toMatchObject({ at: 180_000, contact: 'omar', breakpoints: { anyStop: true } });
  });
});

describe('any text in a situation', () => {
  it('comes back as it was (names, messages and descriptions in any script)', async () => {
    const workflow = followUp.workflows[0]!;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 90 }), async (description, name) => {
        const situation: ShareSituation = { ...followUp, workflows: [{ ...workflow, description }], script: { ...followUp.script, name: `s${name}` } };
        expect(await decodeShareFragment(await fragmentOf(situation))).toEqual({ ok: true, situation });
      }),
      { numRuns: 100 },
    );
  });

  it('comes back as it was with half a surrogate pair, which JSON escapes rather than TextEncoder replacing it', async () => {
    const situation: ShareSituation = { ...followUp, workflows: [{ ...followUp.workflows[0]!, description: 'cut emoji \ud83d' }] };
    expect(await decodeShareFragment(await fragmentOf(situation))).toEqual({ ok: true, situation });
  });
});

describe('decodeShareFragment refuses', () => {
  const damaged = /This link is damaged \(cut short or changed on the way\)/;

  it('a fragment cut short, at any length', async () => {
    const fragment = await fragmentOf(followUp);
    for (const keep of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), SHARE_FRAGMENT_PREFIX.length + 3])
      expect(await decodeShareFragment(fragment.slice(0, keep))).toEqual({ ok: false, message: expect.stringMatching(damaged) });
  });

  it('a fragment with any one character changed', async () => {
    const fragment = await fragmentOf(followUp);
    const body = SHARE_FRAGMENT_PREFIX.length;
    // Every position of the encoded data, including the last one, whose low bits base64 ignores.
    for (let i = body; i < fragment.length; i++) {
      const flipped = fragment[i] === 'A' ? 'B' : 'A';
      const altered = fragment.slice(0, i) + flipped + fragment.slice(i + 1);
      const decoded = await decodeShareFragment(altered);
      expect(decoded.ok, `changed at ${i}`).toBe(false);
    }
    const middle = body + Math.floor((fragment.length - body) / 2);
    const altered = fragment.slice(0, middle) + (fragment[middle] === 'x' ? 'y' : 'x') + fragment.slice(middle + 1);
    expect(await decodeShareFragment(altered)).toEqual({ ok: false, message: expect.stringMatching(damaged) });
  });

  it('a situation over the limit on encode, saying how large it is', async () => {
    // Random labels do not compress: 2,000 steps' worth is far over the limit.
    const noise = (i: number) => `${i}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const workflow = followUp.workflows[0]!;
    const big: ShareSituation = { ...followUp, workflows: [{ ...workflow, description: Array.from({ length: 200 }, (_, i) => noise(i)).join(' ').slice(0, 2000) }] };
    const many: ShareSituation = { ...big, workflows: Array.from({ length: 40 }, (_, i) => ({ ...big.workflows[0]!, id: `wf-${i}`, description: Array.from({ length: 100 }, (_, j) => noise(j)).join(' ').slice(0, 2000) })) };
    const made = await encodeShareFragment(many);
    expect(made).toEqual({ ok: false, reason: 'too_large', bytes: expect.any(Number), limit: SHARE_FRAGMENT_LIMIT });
    expect(!made.ok && made.bytes).toBeGreaterThan(SHARE_FRAGMENT_LIMIT);
  });

  it('a situation whose JSON is over what a link may unpack to on encode, however well it compresses', async () => {
    // More events than a script may hold: the encoder trusts its typed input and only measures it.
    const repetitive: ShareSituation = { ...followUp, script: { ...followUp.script, events: Array.from({ length: 200_000 }, () => followUp.script.events[0]!) } };
    const made = await encodeShareFragment(repetitive);
    expect(made).toEqual({ ok: false, reason: 'too_large', bytes: expect.any(Number), limit: SHARE_INFLATED_LIMIT });
    expect(!made.ok && made.bytes).toBeGreaterThan(SHARE_INFLATED_LIMIT);
  });

  it('a small fragment that unpacks past 8 MB, stopping as it streams', async () => {
    const bomb = await fragmentOfText(`{"v":1,"x":"${'a'.repeat(64 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(SHARE_FRAGMENT_LIMIT * 4);
    const started = performance.now();
    expect(await decodeShareFragment(bomb)).toEqual({ ok: false, message: 'This link unpacks to more than 8 MB, more than any link exitflow makes, so it is not opened.' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['nothing', '', /Not an exitflow share link/],
    ['a bare "#"', '#', /Not an exitflow share link/],
    ["the app's own route", '#/simulator?script=2', /Not an exitflow share link/],
    ['an encoding before the first', '#s0.AAAA', /Not an exitflow share link/],
    ['characters outside base64url', '#s1.not base64!', damaged],
    ['a base64url length no bytes have', '#s1.A', damaged],
    ['bytes that are not deflate data', '#s1.AAAAAAAA', damaged],
    ['a newer encoding', '#s2.AAAA', /made by a newer version of exitflow: update exitflow to open it/],
    ['a million characters, before decoding them', `#s1.${'A'.repeat(1_000_000)}`, /This link is too long to open \(1,000,003 characters; at most 1,000,000\)/],
  ])('%s', async (_, fragment, message) => {
    expect(await decodeShareFragment(fragment)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it.each([
    ['text that is not JSON', 'not json', /its contents are not JSON text/],
    ['a JSON array', '[1]', /\$: Expected a JSON object/],
    ['no version', '{}', /\$\.v: Expected a format version from 1 to 1/],
    ['a newer format version', '{"v":2,"workflows":[]}', /made by a newer version of exitflow/],
  ])('%s', async (_, text, message) => {
    expect(await decodeShareFragment(await fragmentOfText(text))).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('a situation the schema refuses, at its JSON path', async () => {
    const workflow = followUp.workflows[0]!;
    const bad = { ...followUp, workflows: [{ ...workflow, steps: [{ ...workflow.steps[0], label: 'x'.repeat(121) }, ...workflow.steps.slice(1)] }], at: -5 };
    const decoded = await decodeShareFragment(await fragmentOfText(JSON.stringify(bad)));
    expect(decoded).toEqual({ ok: false, message: expect.stringContaining("This link's situation is not valid: $.workflows[0].steps[0].label: At most 120 characters") });
    expect(!decoded.ok && decoded.message).toContain('$.at:');
    const extra = await decodeShareFragment(await fragmentOfText(JSON.stringify({ ...followUp, owner: 'me' })));
    expect(!extra.ok && extra.message).toMatch(/\$: Unrecognized key: "owner"/);
  });

  it('settings tried on a Workflow the link does not hold', async () => {
    const stray = { ...followUp, settingsTried: { 'not-here': followUp.workflows[0]!.settings } };
    expect(await decodeShareFragment(await fragmentOfText(JSON.stringify(stray)))).toEqual({
      ok: false,
      message: 'This link\'s situation is not valid: $.settingsTried["not-here"]: No Workflow of this link has the id "not-here".',
    });
  });

  it('never throws, on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `#s1.${s}`), fc.base64String().map((s) => `#s1.${s.replace(/=/g, '')}`)), async (fragment) => {
        const decoded = await decodeShareFragment(fragment);
        expect(decoded.ok).toBe(false);
        expect(!decoded.ok && decoded.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
