import type { ProblemCode } from '../schema/problem.ts';

/**
 * Problems that make a document not a drawable graph (two nodes with one id, an edge to nowhere),
 * as opposed to design problems a draft may have while it is being built (an empty message, an
 * unreachable step). A file with a structural problem is refused at import; a design problem is
 * imported and listed in the problems list.
 */
const STRUCTURAL: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'duplicate_id',
  'edge_unknown_source',
  'edge_unknown_target',
  'edge_unknown_handle',
  'edge_into_trigger',
]);

export const isStructuralProblem = (code: ProblemCode): boolean => STRUCTURAL.has(code);
