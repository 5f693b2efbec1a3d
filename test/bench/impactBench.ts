/**
 * The publish dialog's impact preview in Chromium, production build (issue 17, "Must show"):
 * test/bench/browser/impactPage.ts diffs the follow-up population with `contacts` contacts on the
 * published 24 h Wait and a 2 h draft in the app's outcome-diff worker. What the `impact-preview`
 * line reports, over `runs` page loads (each in a fresh browser context): the first answer
 * (worker start included) and the diff on the running worker, medians and worst; the longest
 * main-thread long task meanwhile (the browser reports tasks of 50 ms or more; 0 if none), held
 * against the target on every run; the longest gap between animation frames beside it.
 */
import type { ImpactFigures } from './browser/impactPage.ts';
import { withBenchPages } from './benchPages.ts';
import { median } from './measure.ts';

export interface ImpactBench {
  readonly contacts: number;
  readonly runs: number;
  /** The population's runs compared, those that change, and those listed (the dialog's cap). */
  readonly comparedRuns: number;
  readonly changed: number;
  readonly listed: number;
  readonly firstAnswerMs: number;
  readonly diffMs: number;
  readonly worstFirstAnswerMs: number;
  readonly worstDiffMs: number;
  readonly worstLongestTaskMs: number;
  readonly maxFrameGapMs: number;
  readonly firstAnswerMsRuns: number[];
  readonly diffMsRuns: number[];
  readonly longestTaskMsRuns: number[];
}

export async function benchImpact(contacts: number, runs: number): Promise<ImpactBench> {
  return withBenchPages({ pages: ['test/bench/browser/impact.html'] }, async ({ origin, browser }) => {
    const figures: ImpactFigures[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        await tab.goto(`${origin}/test/bench/browser/impact.html?contacts=${contacts}`);
        await tab.waitForFunction(() => window.__impactBench !== undefined);
        figures.push(await tab.evaluate(() => (window.__impactBench as { result: Promise<ImpactFigures> }).result));
      } finally {
        await context.close();
      }
    }
    const last = figures.at(-1);
    if (!last) throw new Error('no run');
    const of = (key: keyof ImpactFigures) => figures.map((f) => f[key]);
    const round = (values: number[]) => values.map((value) => Math.round(value));
    return {
      contacts,
      runs,
      comparedRuns: last.runs,
      changed: last.changed,
      listed: last.listed,
      firstAnswerMs: Math.round(median(of('firstAnswerMs'))),
      diffMs: Math.round(median(of('diffMs'))),
      worstFirstAnswerMs: Math.round(Math.max(...of('firstAnswerMs'))),
      worstDiffMs: Math.round(Math.max(...of('diffMs'))),
      worstLongestTaskMs: Math.max(...of('longestTaskMs')),
      maxFrameGapMs: Math.round(Math.max(...of('maxFrameGapMs'))),
      firstAnswerMsRuns: round(of('firstAnswerMs')),
      diffMsRuns: round(of('diffMs')),
      longestTaskMsRuns: of('longestTaskMs'),
    };
  });
}
