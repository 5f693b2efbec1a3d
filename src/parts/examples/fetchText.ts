/** The text of a file, or why it could not be loaded. */
export type FetchedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Loads a file by its path relative to the app's base URL; never throws. */
export type FetchText = (path: string) => Promise<FetchedText>;

/**
 * A `FetchText` over HTTP. It asks for JSON, so a dev or preview server answers a missing file
 * with 404 instead of its single-page-app fallback (index.html with 200).
 */
export function createFetchText(baseUrl: string | URL, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): FetchText {
  return async (path) => {
    try {
      const response = await fetchImpl(new URL(path, baseUrl), { headers: { Accept: 'application/json' } });
      if (!response.ok) return { ok: false, message: `Cannot load: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
      return { ok: true, text: await response.text() };
    } catch (error) {
      return { ok: false, message: `Cannot load: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
