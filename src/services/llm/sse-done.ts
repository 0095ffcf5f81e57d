/**
 * Watches the raw bytes of an SSE response for the `data: [DONE]` line. The SDK swallows that line without
 * saying whether it came, and it is the only sign of a complete answer from servers that never send a
 * finish_reason (Snowflake Cortex); a stream that just stops without it is a dropped connection.
 */
export interface DoneWatcher {
  feed(bytes: Uint8Array): void;
  /** Whether a `data: [DONE]` line has arrived since the last reset. */
  seen(): boolean;
  reset(): void;
}

const DONE_LINE = /^data: ?\[DONE\]/;
/** Only a line's start matters, so a long line is not kept whole. */
const KEEP = 16;

export function createDoneWatcher(): DoneWatcher {
  let decoder = new TextDecoder();
  let line = '';
  let done = false;
  return {
    feed(bytes) {
      if (done) return;
      const lines = (line + decoder.decode(bytes, { stream: true })).split(/\r\n|\r|\n/);
      line = (lines.pop() ?? '').slice(0, KEEP);
      // The last piece may still grow; a `[DONE]` line without its line break counts too, as the SDK reads it.
      done = lines.some((l) => DONE_LINE.test(l)) || DONE_LINE.test(line);
    },
    seen: () => done,
    reset() {
      decoder = new TextDecoder();
      line = '';
      done = false;
    },
  };
}
