/**
 * Byte-for-byte replay of recorded SSE responses (`e2e/streams/<name>.sse`) for the fake server: what real
 * providers send, including shapes the fake server's own chunks never take (comments, CRLF, content parts,
 * missing finish reasons, errors mid-stream).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

const STREAMS_DIR = new URL('./streams/', import.meta.url);

/** The recordings available, by name (file name without `.sse`). */
export function streamNames(): string[] {
  return readdirSync(STREAMS_DIR)
    .filter((f) => f.endsWith('.sse'))
    .map((f) => f.slice(0, -'.sse'.length))
    .sort();
}

/** The bytes of a recording; throws for an unknown name (only `[\w-]` names, so no path can escape the folder). */
export function loadStream(name: string): Buffer {
  if (!/^[\w-]+$/.test(name) || !streamNames().includes(name)) throw new Error(`No recorded stream "${name}" in e2e/streams`);
  return readFileSync(new URL(`${name}.sse`, STREAMS_DIR));
}

/**
 * Bytes per write. Odd-sized pieces cut lines, CRLF pairs and UTF-8 sequences apart, as TCP may, so the
 * client's decoding of split input is exercised too.
 */
export const REPLAY_PIECE_BYTES = 61;

/**
 * Sends `bytes` as a 200 `text/event-stream` response, `REPLAY_PIECE_BYTES` at a time, `piecesPerSecond` pieces a
 * second (0: all at once), then ends the response cleanly: whatever the recording lacks (a `[DONE]`) stays lacking.
 */
export function replaySse(
  res: ServerResponse,
  bytes: Buffer,
  opts: { piecesPerSecond: number; later: (fn: () => void, ms: number) => void; onWrite?: () => void },
): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  const interval = opts.piecesPerSecond > 0 && Number.isFinite(opts.piecesPerSecond) ? 1000 / opts.piecesPerSecond : 0;
  let at = 0;
  let stopped = false;
  res.on('close', () => (stopped = true));
  const tick = () => {
    if (stopped) return;
    do {
      opts.onWrite?.();
      res.write(bytes.subarray(at, at + REPLAY_PIECE_BYTES));
      at += REPLAY_PIECE_BYTES;
    } while (!interval && at < bytes.length);
    if (at >= bytes.length) res.end();
    else opts.later(tick, interval);
  };
  tick();
}
