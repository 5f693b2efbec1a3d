/**
 * A name as the first part of a file name: "Lead nurture (é)" → "lead-nurture-e". Empty when the
 * name has no letter or digit, so callers fall back to an id.
 */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      // The accents NFKD split off (é → e + ◌́) are dropped, not made into separators.
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
