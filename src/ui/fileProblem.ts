import type { DocumentIssue } from '../../simulator/schema/parseDocument.ts';

/** Something wrong with one loaded file, at a JSON path (`$` for the whole file). */
export interface FileProblem extends DocumentIssue {
  /** The file, as a path relative to the app (`examples/hot-lead/lead-nurture.workflow.json`). */
  readonly file: string;
}
