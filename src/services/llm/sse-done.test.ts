import { describe, expect, it } from 'vitest';
import { createDoneWatcher } from './sse-done.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('createDoneWatcher', () => {
  it('done-without-finish-reason: sees a [DONE] line however the bytes are cut, with LF or CRLF', () => {
    for (const stream of ['data: {"choices":[]}\n\ndata: [DONE]\n\n', 'data: {}\r\n\r\ndata:[DONE]\r\n\r\n', 'data: {}\n\ndata: [DONE]']) {
      for (let cut = 1; cut < stream.length; cut++) {
        const w = createDoneWatcher();
        w.feed(bytes(stream.slice(0, cut)));
        w.feed(bytes(stream.slice(cut)));
        expect(w.seen(), `${JSON.stringify(stream)} cut at ${cut}`).toBe(true);
      }
    }
  });

  it('counts only a data line that is [DONE], not the word in an answer or a comment', () => {
    const w = createDoneWatcher();
    w.feed(bytes('data: {"choices":[{"delta":{"content":"data: [DONE]"}}]}\n\n: data: [DONE]\n\ndata: [DON'));
    expect(w.seen()).toBe(false);
    w.feed(bytes('E]\n\n'));
    expect(w.seen()).toBe(true);
    w.reset();
    expect(w.seen()).toBe(false);
  });
});
