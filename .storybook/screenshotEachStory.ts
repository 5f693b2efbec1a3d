import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';

/**
 * Setup file of the `stories` test project: after each story has rendered, played and passed its
 * axe check, its picture is compared with the reference committed beside the stories
 * (`stories/<folder>/reference-screenshots/<file>/<story>.png`, tolerance in vite.config.ts).
 * `npm run test:screenshots:update` rewrites the references; review every changed image.
 */
afterEach(async ({ task }) => {
  const storyId = (task.meta as { storyId?: string }).storyId;
  // A story that already failed (or was skipped) has nothing right to picture.
  if (!storyId || task.result?.state === 'fail' || task.result?.state === 'skip' || task.mode === 'skip') return;
  await document.fonts.ready;
  await animationFrames(2);
  // The whole frame (Storybook's 1200×900): a dialog, menu or toast in a portal is in it, and a
  // screen-filling story is not cut to the zero-height box its container collapses to.
  await expect(page.elementLocator(document.body)).toMatchScreenshot(task.name, {
    screenshotOptions: { animations: 'disabled', caret: 'hide', mask: wallClockReadings(storyId), maskColor: '#8a8f98' },
  });
});

/**
 * What shows the wall clock, painted over: a save made while the story plays reads "Saved at" the
 * minute the test ran. The save status's own stories are left whole: they pass fixed times.
 */
function wallClockReadings(storyId: string): Element[] {
  if (storyId.startsWith('builder-savestatus--')) return [];
  return [...document.querySelectorAll('[role="status"][aria-label="Save status"]')];
}

function animationFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });
}
