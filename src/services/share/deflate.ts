/** Raw DEFLATE through the platform's CompressionStream (browsers, Node 20), so no library is shipped for it. */

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStreamDefaultReader<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return source.pipeThrough(transform as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
}

/** Every chunk the reader gives, joined; null past `maxBytes` (the rest is not read). */
async function collect(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  // Deflate never grows data by more than a few bytes per 16 KB block.
  const out = await collect(through(bytes, new CompressionStream('deflate-raw')), bytes.length * 2 + 1024);
  if (!out) throw new Error('deflate produced more than it should');
  return out;
}

/**
 * The inflated bytes, or null when the data is not valid DEFLATE or would inflate past `maxBytes` (a link
 * built to expand into gigabytes must not freeze the tab).
 */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  try {
    return await collect(through(bytes, new DecompressionStream('deflate-raw')), maxBytes);
  } catch {
    return null;
  }
}
