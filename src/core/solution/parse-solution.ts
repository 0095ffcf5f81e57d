/**
 * Turns a model's answer — whole or streaming — into a `Solution`: preamble, titled steps with canonical
 * Markdown + math, the final answer, and the model's thinking kept apart.
 *
 * `parseSolution(text)` is exactly the streaming parser fed the whole text at once, so a stream always ends
 * in the same result as a one-shot parse.
 */
import type { Answer, Part, Solution, Step } from './solution.ts';
import { StepSplitter, type RawAnswer, type RawPart } from './step-splitter.ts';
import { unwrapJsonReply } from './json-reply.ts';
import { LoneThinkScanner, THINK_CLOSE } from './lone-think.ts';
import { ThinkingText } from './thinking-text.ts';

export interface SolutionParser {
  /** Feeds the next chunk of the answer. */
  push(chunk: string): void;
  /** The stream has ended: the last step is complete, anything held back is emitted. */
  end(): void;
  /** The current state. Completed steps are the same objects from one snapshot to the next. */
  snapshot(): Solution;
}

export interface ParserOptions {
  /**
   * The model may think in the open, with the `<think>` in the prompt (see lone-think.ts): its text is held as
   * thinking until a `</think>`, a Markdown heading or the end of the answer says what it was.
   */
  openThinking?: boolean;
}

export function parseSolution(text: string, options: ParserOptions = {}): Solution {
  const p = createSolutionParser(options);
  p.push(text);
  p.end();
  return p.snapshot();
}

export function createSolutionParser(options: ParserOptions = {}): SolutionParser {
  return new StreamingParser(options.openThinking ?? false);
}

const THINK_OPEN = '<think>';
const JSON_FENCE = /^```\s*json\s*$/i;

/** Maps the splitter's positions (in the text it was fed) back to positions in the reply as given. */
interface Segment {
  virt: number;
  real: number;
  map: Int32Array | null;
}

class StreamingParser implements SolutionParser {
  private phase: 'lead' | 'think' | 'json' | 'body' = 'lead';
  /** Absolute position of the next character. */
  private pos = 0;
  private lead = '';
  private leadAt = 0;

  private thinking = new ThinkingText();
  /** A `</think>`'s beginning cut off by a chunk's end. */
  private thinkTail = '';

  /**
   * A lone `</think>` ends thinking that began at the answer's start (the rule: lone-think.ts). While it may
   * still come, `loneBody` keeps the body so far, from `loneAt`; with `openThinking` that text is held as
   * thinking (`holding`), not fed to the splitter.
   */
  private loneOpen = true;
  private loneAt = 0;
  private loneBody = '';
  private lone: LoneThinkScanner;
  private holding = false;

  constructor(private readonly openThinking: boolean) {
    this.lone = new LoneThinkScanner(openThinking);
  }

  // JSON-wrapped reply.
  private jsonChunks: string[] = [];
  private jsonLine = '';
  private jsonStart = 0;

  private splitter = new StepSplitter();
  private virtPos = 0;
  private segments: Segment[] = [];

  private ended = false;
  private cache: Solution | null = null;
  private stepsOut: Step[] = [];
  // Parts that did not change keep their objects from one snapshot to the next.
  private preSource: RawPart | null = null;
  private preOut: Part | null = null;
  private answerSource: RawAnswer | null = null;
  private answerOut: Answer | null = null;
  private stepsView: Step[] | null = null;
  private openSource: RawPart | null = null;
  private last: Solution | null = null;
  private pendingOut = '';

  push(chunk: string): void {
    if (this.ended || chunk === '') return;
    this.cache = null;
    let rest = chunk;
    while (rest !== '') rest = this.step(rest);
  }

  /** Consumes part of `s` in the current phase; returns what is left. */
  private step(s: string): string {
    switch (this.phase) {
      case 'lead':
        return this.stepLead(s);
      case 'think':
        return this.stepThink(s);
      case 'json':
        return this.stepJson(s);
      case 'body':
        if (this.loneOpen) return this.stepBodyLone(s);
        this.feedBody(s, this.pos);
        this.pos += s.length;
        return '';
    }
  }

  /** The first non-space characters decide: a `<think>` block, a ```json block, or the answer itself. */
  private stepLead(s: string): string {
    if (this.lead === '') this.leadAt = this.pos;
    this.lead += s;
    this.pos += s.length;
    const t = this.lead.trimStart();
    const wsLen = this.lead.length - t.length;
    if (this.thinking.start < 0 && t.length > 0 && (THINK_OPEN.startsWith(t.slice(0, 7)) || t.startsWith(THINK_OPEN))) {
      if (t.length < THINK_OPEN.length) return '';
      this.phase = 'think';
      this.thinking.start = this.leadAt + wsLen;
      const after = this.lead.slice(wsLen + THINK_OPEN.length);
      this.pos = this.thinking.start + THINK_OPEN.length;
      this.lead = '';
      return after;
    }
    const nl = t.indexOf('\n');
    const firstLine = nl < 0 ? t : t.slice(0, nl);
    if (t.length > 0 && '```json'.startsWith(firstLine.replace(/\s+/g, '').toLowerCase().slice(0, 7))) {
      if (nl < 0) return '';
      if (JSON_FENCE.test(firstLine.trim())) {
        this.phase = 'json';
        this.loneOpen = false;
        this.jsonStart = this.leadAt + wsLen + nl + 1;
        const after = t.slice(nl + 1);
        this.pos = this.jsonStart;
        this.jsonChunks = [];
        this.jsonLine = '';
        this.leadHeld = this.lead.slice(0, wsLen + nl + 1);
        this.lead = '';
        return after;
      }
    }
    if (t.length === 0) return '';
    // Plain answer: the lead is read again as body, where a lone `</think>` may still end it as thinking.
    this.phase = 'body';
    const text = this.lead;
    this.lead = '';
    this.pos = this.leadAt;
    if (this.loneOpen && this.thinking.start >= 0) this.loneOpen = false; // after a <think> block, a </think> is text
    if (this.loneOpen) {
      this.loneAt = this.leadAt;
      if (this.openThinking) {
        this.holding = true;
        this.thinking.start = this.leadAt + wsLen;
      }
    }
    return text;
  }

  private stepBodyLone(s: string): string {
    const { tagAt, heading } = this.lone.scan(s);
    if (this.holding && (heading || tagAt === null)) {
      this.loneBody += s;
      this.pos += s.length;
      if (heading) this.releaseHeld();
      else this.thinking.add(s);
      return '';
    }
    if (tagAt === null) {
      this.feedBody(s, this.pos);
      this.loneBody += s;
      this.pos += s.length;
      if (this.splitter.completedSteps.length > 0) this.closeLoneWindow();
      return '';
    }
    const before = Math.max(tagAt, 0);
    if (before > 0) {
      if (!this.holding) this.feedBody(s.slice(0, before), this.pos);
      this.loneBody += s.slice(0, before);
      this.pos += before;
    }
    const thought = this.loneBody.slice(0, this.loneBody.length + Math.min(tagAt, 0));
    const wasHolding = this.holding;
    this.closeLoneWindow();
    // A step already complete, or more than one line before the tag: the tag is text, read on as usual. (When a
    // step completes depends on how the text was cut into chunks; "one line at most" does not, so a stream and
    // the one-shot parse of the same text always agree.)
    if (!wasHolding && (this.splitter.completedSteps.length > 0 || thought.trim().includes('\n'))) return s.slice(before);
    // Everything from the body's start to the tag was thinking: the answer starts over after it.
    const tagRest = THINK_CLOSE.length + Math.min(tagAt, 0);
    this.thinking.set(this.loneAt + (thought.length - thought.trimStart().length), thought.trim(), this.pos + tagRest);
    this.pos += tagRest;
    this.splitter = new StepSplitter();
    this.virtPos = 0;
    this.segments = [];
    this.phase = 'lead';
    return s.slice(before + tagRest);
  }

  /** Held text turned out to be the answer (a heading, or the end came first): it goes to the splitter. */
  private releaseHeld(): void {
    const text = this.loneBody;
    this.closeLoneWindow();
    this.thinking.clear();
    this.feedBody(text, this.loneAt);
  }

  private closeLoneWindow(): void {
    this.loneOpen = false;
    this.holding = false;
    this.loneBody = '';
  }

  private leadHeld = '';

  private stepThink(s: string): string {
    const window = this.thinkTail + s;
    const at = window.indexOf(THINK_CLOSE);
    if (at < 0) {
      this.thinking.add(s);
      this.thinkTail = window.slice(-(THINK_CLOSE.length - 1));
      this.pos += s.length;
      return '';
    }
    const inChunk = at - this.thinkTail.length; // may be negative: the tag began in the previous chunk
    if (inChunk > 0) this.thinking.add(s.slice(0, inChunk));
    else if (inChunk < 0) this.thinking.dropTail(-inChunk);
    const closeEnd = inChunk + THINK_CLOSE.length;
    this.thinking.end = this.pos + closeEnd;
    this.pos += closeEnd;
    this.phase = 'lead';
    this.thinkTail = '';
    return s.slice(closeEnd);
  }

  private stepJson(s: string): string {
    this.jsonChunks.push(s);
    let from = 0;
    for (;;) {
      const nl = s.indexOf('\n', from);
      if (nl < 0) {
        this.jsonLine += s.slice(from);
        break;
      }
      const line = this.jsonLine + s.slice(from, nl);
      this.jsonLine = '';
      if (line.trim() === '```') {
        // The block is complete: what follows the fence line is parsed as ordinary text.
        const consumed = nl + 1;
        const all = this.jsonChunks.join('');
        const blockLen = all.length - (s.length - consumed);
        this.closeJson(all.slice(0, blockLen));
        this.pos += consumed;
        return s.slice(consumed);
      }
      from = nl + 1;
    }
    this.pos += s.length;
    return '';
  }

  /** `block` = from the line after the opening fence through the closing fence line. */
  private closeJson(block: string): void {
    const fenceLineAt = block.lastIndexOf('```');
    const body = block.slice(0, fenceLineAt);
    const unwrapped = unwrapJsonReply(body, this.jsonStart);
    this.phase = 'lead';
    this.jsonChunks = [];
    if (unwrapped) {
      this.segments.push({ virt: this.virtPos, real: 0, map: unwrapped.map });
      this.splitter.push(unwrapped.text);
      this.virtPos += unwrapped.text.length;
      this.segments.push({ virt: this.virtPos, real: this.jsonStart + block.length, map: null });
      this.splitter.push('\n\n');
      this.virtPos += 2;
      this.phase = 'body';
      return;
    }
    // Not a JSON answer after all: an ordinary code block.
    this.feedBody(this.leadHeld + block, this.jsonStart - this.leadHeld.length);
    this.phase = 'body';
  }

  private feedBody(text: string, realAt: number): void {
    const last = this.segments[this.segments.length - 1];
    if (!last || last.map !== null || last.real + (this.virtPos - last.virt) !== realAt) {
      this.segments.push({ virt: this.virtPos, real: realAt, map: null });
    }
    this.splitter.push(text);
    this.virtPos += text.length;
    if (this.phase !== 'body') this.phase = 'body';
  }

  end(): void {
    if (this.ended) return;
    this.cache = null;
    if (this.holding) this.releaseHeld();
    if (this.phase === 'lead' && this.lead !== '') {
      const text = this.lead;
      this.lead = '';
      this.feedBody(text, this.leadAt);
    } else if (this.phase === 'json') {
      const block = this.jsonChunks.join('');
      this.jsonChunks = [];
      const unwrapped = unwrapJsonReply(block, this.jsonStart);
      if (unwrapped) {
        this.segments.push({ virt: this.virtPos, real: 0, map: unwrapped.map });
        this.splitter.push(unwrapped.text);
        this.virtPos += unwrapped.text.length;
      } else this.feedBody(this.leadHeld + block, this.jsonStart - this.leadHeld.length);
    }
    this.splitter.end();
    this.ended = true;
  }

  /** A splitter position in the reply as given. */
  private real(v: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    if (hi < 0) return v;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.virt <= v) lo = mid;
      else hi = mid - 1;
    }
    const seg = this.segments[lo]!;
    const d = v - seg.virt;
    if (seg.map) return seg.map[Math.min(d, seg.map.length - 1)]!;
    return seg.real + d;
  }

  private toStep(p: RawPart, complete: boolean): Step {
    return { title: p.title, body: p.body, source: [this.real(p.start), this.realEnd(p)], complete };
  }

  private realEnd(p: { start: number; end: number }): number {
    if (p.end <= p.start) return this.real(p.start);
    return this.real(p.end - 1) + 1;
  }

  snapshot(): Solution {
    if (this.cache) return this.cache;
    const sp = this.splitter;
    const done = sp.completedSteps;
    const grew = done.length > this.stepsOut.length;
    for (let i = this.stepsOut.length; i < done.length; i++) this.stepsOut.push(Object.freeze(this.toStep(done[i]!, true)));
    const open = sp.openPart;
    const pending = this.ended || !open || open.kind !== 'step' ? '' : sp.pendingText.trim();
    const shown = open && open.kind === 'step' && (open.body !== '' || open.title !== '' || pending !== '') ? open : null;
    // The steps array is new only when a step was added or the open one changed (new text, not held text).
    const prevOpen = this.openSource;
    const openSame =
      shown && prevOpen && shown.body === prevOpen.body && shown.title === prevOpen.title && shown.end === prevOpen.end && shown.start === prevOpen.start && pending === this.pendingOut;
    let steps: Step[];
    if (!grew && this.stepsView && (openSame || (!shown && !prevOpen)) && !(this.ended && shown)) steps = this.stepsView;
    else {
      steps = this.stepsOut.slice();
      if (shown) {
        const step = this.toStep(shown, this.ended);
        if (pending !== '') step.pending = pending;
        steps.push(step);
      }
    }
    this.stepsView = steps;
    this.openSource = shown;
    this.pendingOut = pending;
    const pre = sp.preamblePart;
    if (pre !== this.preSource) {
      this.preSource = pre;
      this.preOut = pre ? { text: pre.body, source: [this.real(pre.start), this.realEnd(pre)] } : null;
    }
    const preamble = this.preOut;
    const a = sp.answer();
    const note = a ? sp.answerNote() : null;
    if (a !== this.answerSource || note !== this.answerOut?.note) {
      this.answerSource = a;
      this.answerOut = a ? { text: a.text, source: [this.real(a.start), this.realEnd(a)] } : null;
      if (this.answerOut && note !== null) this.answerOut.note = note;
    }
    const answer = this.answerOut;
    const thinking = this.thinking.part(this.pos);
    const prev = this.last;
    this.cache =
      prev && prev.steps === steps && prev.preamble === preamble && prev.answer === answer && prev.thinking === thinking
        ? prev
        : { preamble, steps, answer, thinking };
    this.last = this.cache;
    return this.cache;
  }
}
