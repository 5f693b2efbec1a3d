import type { Coverage } from '../../../../simulator/schema/coverage.ts';

/**
 * What the canvas marks of one Workflow from the engine's coverage: the steps no run entered and
 * the connections no run took (by edge id; a Jump to's link is not a drawn edge).
 */
export function neverReachedOn(coverage: Coverage, workflow: string): { readonly steps: ReadonlySet<string>; readonly edges: ReadonlySet<string> } {
  return {
    steps: new Set(coverage.perStep.filter((step) => step.workflow === workflow && step.entered === 0).map((step) => step.step)),
    edges: new Set(coverage.perEdge.filter((edge) => edge.workflow === workflow && edge.kind === 'edge' && edge.taken === 0).map((edge) => edge.edge)),
  };
}
