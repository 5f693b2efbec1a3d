/**
 * base64url without padding (RFC 4648 §5): the alphabet a URL fragment carries unescaped.
 * Written over btoa/atob, which the browser and Node both have, rather than Node's Buffer.
 */
export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole 30 KB array as arguments can exceed the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes of a base64url text, or null when it is not one. Only the canonical spelling is
 * accepted: a changed last character whose low bits base64 ignores would otherwise read as the
 * same bytes, and a link altered anywhere is refused.
 */
export function base64urlToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return bytesToBase64url(bytes) === text ? bytes : null;
}
