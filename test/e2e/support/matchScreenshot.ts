import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { OUTPUT_DIR } from './browser.ts';
import { comparePixels } from './comparePixels.ts';

/** Committed reference pictures of the screens, one per screen and window size. */
export const REFERENCE_DIR = join(import.meta.dirname, '../reference-screenshots');
/** Where a failed comparison leaves the picture taken and the diff (git-ignored). */
export const VISUAL_OUTPUT_DIR = join(OUTPUT_DIR, 'visual');

/**
 * Measured on this project's Chromium: three runs of one build differed in 0 pixels on every screen;
 * the builder's side panel moved down 4 px changes 6,943 pixels (0.75 % at 1280×720, 0.33 % at
 * 1920×1080, so 0.5 % would let it through at the larger size), 4 px more padding on its toolbar
 * 2.7–4.7 %. A second the live clock ran before Pause changes a few digits, about 0.01 %. The 0.1
 * colour distance absorbs anti-aliasing.
 */
const COLOUR_THRESHOLD = 0.1;
const MAX_DIFFERING_RATIO = 0.001;

const root = join(import.meta.dirname, '../../..');
const UPDATE_COMMAND = 'npm run test:screenshots:update';

export interface MatchOptions {
  /** Regions whose content changes from run to run (a live clock), painted over in both pictures. */
  readonly mask?: readonly Locator[];
}

/**
 * Takes a screenshot of the window once the page stops changing and compares it with
 * `test/e2e/reference-screenshots/<name>.png`. Fails when more than 0.1 % of the pixels differ,
 * leaving `<name>-actual.png` and `<name>-diff.png` in test/output/visual/; fails when there is no
 * reference, saying how to make one. With UPDATE_SCREENSHOTS=1 it writes the reference instead.
 */
export async function expectScreenshotMatches(page: Page, name: string, options: MatchOptions = {}): Promise<void> {
  const picture = await stableScreenshot(page, options);
  const referencePath = join(REFERENCE_DIR, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(referencePath, picture);
    return;
  }
  const actualPath = join(VISUAL_OUTPUT_DIR, `${name}-actual.png`);
  if (!existsSync(referencePath)) {
    writeOutput(actualPath, picture);
    throw new Error(
      `No reference screenshot ${show(referencePath)}. Make it with \`${UPDATE_COMMAND}\` (or UPDATE_SCREENSHOTS=1 with this test) ` +
        `and look at it before committing; the picture taken now is ${show(actualPath)}.`,
    );
  }
  const reference = PNG.sync.read(readFileSync(referencePath));
  const actual = PNG.sync.read(picture);
  const { differing, total, diff } = comparePixels(reference, actual, { colourThreshold: COLOUR_THRESHOLD });
  if (differing / total <= MAX_DIFFERING_RATIO) return;
  const diffPath = join(VISUAL_OUTPUT_DIR, `${name}-diff.png`);
  writeOutput(actualPath, picture);
  writeOutput(diffPath, PNG.sync.write(diff));
  const sizes = reference.width === actual.width && reference.height === actual.height ? '' : ` (reference ${reference.width}×${reference.height}, now ${actual.width}×${actual.height})`;
  throw new Error(
    `Screenshot "${name}" differs from ${show(referencePath)}: ${differing.toLocaleString('en')} of ${total.toLocaleString('en')} pixels ` +
      `(${((differing / total) * 100).toFixed(2)} %, at most ${MAX_DIFFERING_RATIO * 100} % may)${sizes}. ` +
      `Now: ${show(actualPath)}; differences in red: ${show(diffPath)}. If the change is meant, run \`${UPDATE_COMMAND}\` and review the new picture.`,
  );
}

/**
 * Waits for the fonts and two frames, moves the pointer and the focus out of the way, then takes
 * screenshots until two in a row are identical (a canvas settling after fit view, a toast leaving).
 */
async function stableScreenshot(page: Page, { mask = [] }: MatchOptions): Promise<Buffer> {
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.evaluate(async () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
  const take = () => page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', mask: [...mask], maskColor: '#8a8f98' });
  let previous = await take();
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.waitForTimeout(150);
    const next = await take();
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

function writeOutput(path: string, data: Buffer): void {
  mkdirSync(VISUAL_OUTPUT_DIR, { recursive: true });
  writeFileSync(path, data);
}

const show = (path: string) => relative(root, path);
