import type { Part } from './solution.ts';

/**
 * The model's thinking as the parser reads it: where it starts and ends in the reply, and its text, kept
 * trimmed as it grows so a snapshot never copies the whole text.
 */
export class ThinkingText {
  /** Where the thinking starts in the reply; -1: there is none. */
  start = -1;
  /** Where it ends (after its closing tag); -1: still open. */
  end = -1;
  private text = '';
  private ws = '';
  private out: Part | null = null;

  add(s: string): void {
    const trimmedEnd = s.trimEnd();
    if (trimmedEnd === '') {
      if (this.text !== '') this.ws += s;
      return;
    }
    const body = this.text === '' ? trimmedEnd.trimStart() : this.ws + trimmedEnd;
    this.text += body;
    this.ws = s.slice(trimmedEnd.length);
  }

  /** Part of a `</think>` that was taken as thinking before the tag was complete. */
  dropTail(n: number): void {
    let k = n;
    const ws = Math.min(k, this.ws.length);
    this.ws = this.ws.slice(0, this.ws.length - ws);
    k -= ws;
    if (k > 0) {
      this.text = this.text.slice(0, this.text.length - k);
      const t = this.text.trimEnd();
      this.ws = this.text.slice(t.length);
      this.text = t;
    }
  }

  /** The whole thinking at once, from `start` to `end` (a lone `</think>` ended it). */
  set(start: number, text: string, end: number): void {
    this.start = start;
    this.text = text;
    this.ws = '';
    this.end = end;
  }

  clear(): void {
    this.set(-1, '', -1);
    this.out = null;
  }

  /** The snapshot's part, the same object while nothing changed; `pos` ends thinking that is still open. */
  part(pos: number): Part | null {
    if (this.start < 0) return null;
    const end = this.end >= 0 ? this.end : pos;
    const prev = this.out;
    this.out = prev && prev.text === this.text && prev.source[1] === end ? prev : { text: this.text, source: [this.start, end] };
    return this.out;
  }
}
