import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, as a line a person can act on. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * The rules to run: WCAG 2.1 A/AA, and with `landmarks` also axe's best practices on the page's
 * structure (one `main`, one `h1`, every landmark uniquely named, all content inside landmarks),
 * which a screen-reader user navigates by.
 */
export interface AxeScope {
  readonly landmarks?: boolean;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the page as it is and returns every violation. */
export async function scanWithAxe(page: Page, { landmarks = false }: AxeScope = {}): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const tags = landmarks ? [...WCAG_TAGS, 'best-practice'] : WCAG_TAGS;
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, tags);
}
