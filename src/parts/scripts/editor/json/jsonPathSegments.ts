/**
 * `$.a.b[2]["c d"]` → `['a', 'b', 2, 'c d']`: the segments of a path as `formatJsonPath` writes
 * them (a key that is not an identifier is written as a JSON string in brackets).
 *
 * @example jsonPathSegments('$.events[3]["odd key"]') // ['events', 3, 'odd key']
 */
export function jsonPathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}
