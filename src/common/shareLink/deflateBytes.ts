/**
 * zlib's deflate (RFC 1950) rather than raw deflate: its Adler-32 checksum, six bytes more, is
 * what makes a link altered in one character fail to open instead of opening as a different
 * situation that still happens to parse.
 */
const FORMAT = 'deflate';

/** Compresses bytes with the platform's CompressionStream. */
export async function deflateBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(FORMAT));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'damaged' | 'too_large' };

/**
 * Decompresses bytes, reading at most `cap` bytes of output: a few KB that unpack to gigabytes
 * are stopped as they stream, before they fill the memory. Never throws.
 */
export async function inflateBytes(bytes: Uint8Array, cap: number): Promise<InflateResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}
