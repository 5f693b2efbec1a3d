/**
 * A dynamic import that can be tried again after it failed (offline for a moment). The browser
 * keeps a module whose fetch failed as failed for the page's life — Chromium asks the network once,
 * and a second `import()` of the address fails at once — so forgetting the failure (loadOnce) is
 * not enough: the next try asks for the same file at another address, which the browser has not
 * seen. The address is read from the failure, where Chromium and Firefox name it; where it is not
 * named, the next try is the same import again.
 *
 * Only the file asked for gets another address: the files it imports are asked at their own, so one
 * of them that failed too stays failed. The bundler asks for them alongside the file
 * (modulepreload), so a moment fully offline fails them as well, and that press's button stays dead.
 */
export function refetchableImport<Module>(importModule: () => Promise<Module>): () => Promise<Module> {
  let failedAddress: string | null = null;
  let tries = 0;
  return async () => {
    if (failedAddress === null) {
      try {
        return await importModule();
      } catch (error) {
        failedAddress = addressIn(error);
        throw error;
      }
    }
    tries += 1;
    // The file's own imports are relative to its path, which the query leaves as it was: they are the page's modules.
    return (await import(/* @vite-ignore */ `${failedAddress}?try=${tries}`)) as Module;
  };
}

/** The script named in a failed import's message ("Failed to fetch dynamically imported module: https://…/x.js"). */
export function addressIn(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /\bhttps?:\/\/[^\s?#'"]+\.m?js\b/.exec(message)?.[0] ?? null;
}
