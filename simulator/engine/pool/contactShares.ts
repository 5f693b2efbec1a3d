/** The most threads a pool may have (`--workers`). */
export const MAX_WORKERS = 64;

/**
 * Splits contacts 0..count-1 into at most `workers` shares of consecutive contacts, as even as
 * can be, each a mask for SimulationInput.plays; never an empty share (fewer contacts than
 * workers: one share each), and one share when there is no contact at all.
 */
export function contactShares(count: number, workers: number): Uint8Array[] {
  const n = Math.max(1, Math.min(workers, count));
  return Array.from({ length: n }, (_, i) => {
    const mask = new Uint8Array(count);
    mask.fill(1, Math.floor((i * count) / n), Math.floor(((i + 1) * count) / n));
    return mask;
  });
}

/** The contact count of a script: a population's generated contacts, or its listed ones. */
export function contactCountOf(script: { readonly population?: { readonly contacts: number } | undefined; readonly contacts: readonly unknown[] }): number {
  return script.population?.contacts ?? script.contacts.length;
}
