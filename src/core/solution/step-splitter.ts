/**
 * The streaming core of the parser: reads an answer (no thinking, no JSON wrapper) character by character,
 * splits it into preamble, steps and answer section, and converts each part's Markdown to canonical math.
 *
 * Step signals, strongest first: headings, "Step N" labels, top-level numbered lists, bold-led paragraphs;
 * with none of them, paragraphs — or lines, when the answer starts with lines not separated by blank lines.
 * Decisions are made left to right, once: the kind of signal in use is fixed by the first signal seen (a
 * heading or "Step N" label can still take over later), so a finished step never changes and feeding the
 * text in any chunks gives the same result as feeding it at once.
 */
import { BodyWriter, type WrittenFormula } from './body-writer.ts';
import { MathConverter } from './math-convert.ts';
import { inlineFence } from './math-scan.ts';
import { lastBoxed, answerLatexFromText, closingAnswerSentence } from './answer-extract.ts';
import {
  classifyLine,
  indentOf,
  needsWholeLine,
  ANSWER_HEADING,
  ANSWER_LINE,
  BOLD_LEAD,
  STEP_PREFIX,
  type LineKind,
} from './line-kind.ts';

type Mode = 'start' | 'first' | 'line' | 'para' | 'rule' | 'bold' | 'numbered' | 'label' | 'heading';

/** Rank of each step signal: a stronger one takes over from a weaker one. */
const RANK: Record<Mode, number> = { start: 0, first: 0, line: 1, para: 1, rule: 2, bold: 3, numbered: 4, label: 5, heading: 6 };

export interface RawPart {
  kind: 'preamble' | 'step' | 'answer';
  title: string;
  body: string;
  /** The formulas written into `body`, in order (the open part's list still grows). */
  formulas: readonly WrittenFormula[];
  start: number;
  end: number;
  complete: boolean;
}

export interface RawAnswer {
  text: string;
  start: number;
  end: number;
}

class PartBuilder {
  private readonly first = new BodyWriter();
  private note: BodyWriter | null = null;
  /** End of the last non-space character that belongs to the part. */
  end: number;
  /** Columns removed from every line (a numbered step's item indentation). */
  dedent = 0;
  /** Answer section: the raw text of its first paragraph (the answer), and whether that paragraph ended. */
  raw = '';
  rawDone = false;
  /** Started by a "Step N" heading, and that heading's level: its sub-headings stay inside it. */
  stepLabeled = false;
  level = 0;
  constructor(
    public kind: RawPart['kind'],
    public start: number,
    public title: string,
  ) {
    this.end = start;
  }
  /** Where output goes: the body, or (in an answer section, after the answer) the note. */
  get writer(): BodyWriter {
    return this.note ?? this.first;
  }
  startNote(): void {
    this.note ??= new BodyWriter();
  }
  get noteMarkdown(): string | null {
    return this.note && !this.note.empty ? this.note.markdown : null;
  }
  toRaw(complete: boolean): RawPart {
    return {
      kind: this.kind,
      title: this.title,
      body: this.first.markdown,
      formulas: this.first.formulas,
      start: this.start,
      end: Math.max(this.end, this.start),
      complete,
    };
  }
}

const GENERIC_TITLES = /^(?:solution|step[- ]by[- ]step(?: solution| calculation| explanation)?|solution steps|steps|explanation|approach|detailed solution|working|решение|解答|解|lời giải)$/i;

/** Grade-school-math style final lines: "A: 18", "#### 18". */
const SHORT_ANSWER_LINE = /^(?:A:|####)[ \t]*(-?\$?\d[\d,]*(?:\.\d+)?)[ \t]*$/;

/** A line's opening `> ` quote markers. */
const QUOTE = /^(?: {0,3}>[ ]?)+/;

export class StepSplitter {
  private mode: Mode = 'start';
  private headingLevel = 0;
  private readonly done: RawPart[] = [];
  private preamble: RawPart | null = null;
  private cur: PartBuilder | null = null;
  private inAnswer = false;
  /** Lines of the first block so far, while it may still turn out to be the preamble. */
  private firstLines = 0;

  private readonly conv: MathConverter;
  private fence: { marker: string } | null = null;
  private listCols: number[] = [];

  // The current line.
  private pos = 0; // absolute offset of the next character
  private lineStart = 0;
  private head = ''; // the line so far while it must be seen whole (or is still undecided)
  private streaming = false; // the line is plain text and streams into the converter
  private prevBlank = true;
  private prevKind: 'none' | 'text' | 'display' | 'item' | 'heading' | 'code' = 'none';

  // Answer.
  private boxed: RawAnswer | null = null;
  private closing: RawAnswer | null = null;
  private streamedLine = ''; // text of the streaming line (for the closing-sentence answer)

  constructor() {
    this.conv = new MathConverter({
      text: (s) => this.cur?.writer.text(s),
      inline: (md, tex) => this.cur?.writer.inline(md, tex),
      display: (t) => this.cur?.writer.display(t),
      math: (tex, _display, start, end) => {
        const b = lastBoxed(tex);
        if (b !== null && b !== '') {
          this.boxed = { text: b, start, end };
          this.answerCache = undefined;
        }
      },
    });
  }

  /** Feeds text (any length, any split). */
  push(text: string): void {
    let from = 0;
    while (from < text.length) {
      const nl = text.indexOf('\n', from);
      const seg = nl < 0 ? text.slice(from) : text.slice(from, nl);
      this.segment(seg);
      if (nl < 0) break;
      this.newline();
      from = nl + 1;
    }
  }

  private segment(seg: string): void {
    if (seg === '') return;
    if (this.streaming) {
      this.streamText(seg, this.pos);
      this.pos += seg.length;
      return;
    }
    this.head += seg;
    this.pos += seg.length;
    if (this.fence === null && !this.conv.inDisplay && !this.splitAtNext && !needsWholeLine(this.head)) {
      this.beginStreamingLine();
    } else if (this.fence === null && !this.conv.inDisplay && !this.splitAtNext && this.contentItem(this.head)) {
      // A list item that cannot be a step signal here: show it as it is written.
      this.beginStreamingLine(this.contentItem(this.head)!);
    } else if (this.conv.inDisplay && this.fence === null && !this.conv.awaitingLineAfterBlank && this.head.replace(QUOTE, '').trim() !== '') {
      // Inside display math nothing is classified: stream it (the converter holds it until it closes).
      this.beginStreamingLine();
    }
  }

  private streamText(seg: string, at: number): void {
    this.conv.feed(seg, at);
    this.streamedLine += seg;
    let n = seg.length;
    while (n > 0 && seg.charCodeAt(n - 1) <= 32) n--;
    if (n > 0 && this.cur && at + n > this.cur.end) this.cur.end = at + n;
  }

  private newline(): void {
    if (this.streaming) {
      this.conv.endLine();
      this.cur?.writer.endLine();
      this.afterLine();
      this.streaming = false;
    } else {
      this.wholeLine(this.head);
    }
    this.pos += 1;
    this.lineStart = this.pos;
    this.head = '';
    this.streamedLine = '';
  }

  /** Feeds the end of the stream. */
  end(): void {
    if (this.streaming) {
      this.conv.endLine();
      this.cur?.writer.endLine();
      this.afterLine();
      this.streaming = false;
    } else if (this.head !== '') {
      this.wholeLine(this.head);
      this.head = '';
    }
    this.conv.finish();
    if (this.mode === 'first') this.mode = 'para';
  }

  // ----- lines -----

  /** A plain line, decided before its end: route it, then stream what has come so far. */
  private beginStreamingLine(item?: Extract<LineKind, { kind: 'item' }>): void {
    const line = this.head;
    const start = this.lineStart;
    this.streaming = true;
    if (this.conv.inDisplay) {
      // The quote markers and indentation of a line inside display math are layout, not LaTeX.
      const { prefix, contentAt } = this.linePrefix(line);
      this.cur?.writer.startLine(prefix);
      this.streamText(line.slice(contentAt), start + contentAt);
      this.prevKind = 'display';
      return;
    }
    this.routeContentLine(line, item ?? { kind: 'text' });
    const { prefix, contentAt, contCol } = this.linePrefix(line);
    let cont = prefix;
    if (item) {
      cont = prefix + ' '.repeat(item.contentCol - item.indent);
      this.noteItem(contCol, item.contentCol - item.indent);
    }
    this.conv.tableRow = false;
    this.cur?.writer.startLine(prefix, cont);
    this.streamText(line.slice(contentAt), start + contentAt);
  }

  /**
   * The line so far is a list item that can be no step or answer signal in the current mode (a bullet; a
   * numbered item where numbered items are not the steps), with its first content character in: it can stream.
   * The same head gives the same answer however it was chunked.
   */
  private contentItem(head: string): Extract<LineKind, { kind: 'item' }> | null {
    if (this.inAnswer || QUOTE.test(head)) return null;
    const m = /^( {0,12})(?:([-+*])|(\d{1,3})[.)])[ \t]+(\S)/.exec(head);
    if (!m) return null;
    if (m[2] !== undefined) {
      // "- - -" and "* * *" are rules, "**" is bold.
      if ('-*_'.includes(m[4]!)) return null;
    } else if (!(this.mode === 'para' || this.mode === 'line' || this.mode === 'heading' || this.mode === 'label' || this.mode === 'bold')) {
      return null;
    }
    const kind = classifyLine(head);
    return kind.kind === 'item' ? kind : null;
  }

  /** Indentation and quote markers of a content line as they go to the output, and where content starts. */
  private linePrefix(line: string): { prefix: string; contentAt: number; contCol: number } {
    const q = QUOTE.exec(line);
    const quote = q ? q[0].replace(/\s+$/, '') + ' ' : '';
    const afterQuote = q ? q[0].length : 0;
    const rest = line.slice(afterQuote);
    const ind = indentOf(rest);
    let contentAt = afterQuote;
    while (contentAt < line.length && /\s/.test(line[contentAt]!)) contentAt++;
    const dedent = this.cur?.dedent ?? 0;
    let col = Math.max(0, ind - dedent);
    // Indented lines are not code in model answers; keep only the nesting that lists need.
    const ctx = this.listContext(col);
    if (col > ctx + 3) col = ctx;
    return { prefix: quote + ' '.repeat(col), contentAt, contCol: col };
  }

  private listContext(col: number): number {
    while (this.listCols.length > 0 && this.listCols[this.listCols.length - 1]! > col) this.listCols.pop();
    return this.listCols.length > 0 ? this.listCols[this.listCols.length - 1]! : 0;
  }

  private afterLine(): void {
    this.prevBlank = false;
    this.noteLineText(this.streamedLine, this.pos - this.streamedLine.length);
  }

  /** Feeds the answer section's first paragraph (the answer); a blank line after it starts the note. */
  private answerRaw(text: string): void {
    const cur = this.cur;
    if (!cur || cur.kind !== 'answer' || cur.rawDone) return;
    if (text.trim() === '') {
      if (cur.raw.trim() !== '') {
        cur.rawDone = true;
        cur.startNote();
      }
      return;
    }
    cur.raw += text + '\n';
    this.answerCache = undefined;
  }

  /** Remembers a finished line's text: the answer section's raw text, a closing "the answer is …". */
  private noteLineText(t: string, at: number): void {
    this.answerRaw(t);
    if (t.trim() === '') return;
    this.lastText = t;
    const c = closingAnswerSentence(t);
    this.closing = c ? { text: c.text, start: at + c.index, end: at + t.trimEnd().length } : null;
    this.answerCache = undefined;
  }

  /** A complete line that was held whole. */
  private wholeLine(line: string): void {
    const start = this.lineStart;
    if (this.fence !== null) {
      const k = classifyLine(line);
      if (k.kind === 'fence' && k.marker[0] === this.fence.marker[0] && k.marker.length >= this.fence.marker.length && k.info === '') {
        this.fence = null;
      }
      this.cur?.writer.raw(this.stripDedent(line));
      if (line.trim() !== '' && this.cur) this.cur.end = Math.max(this.cur.end, start + line.trimEnd().length);
      this.answerRaw(line);
      this.prevBlank = false;
      this.prevKind = 'code';
      return;
    }
    if (this.conv.inDisplay && this.fence === null && line.replace(QUOTE, '').trim() !== '') {
      this.conv.endBlockBeforeLine(line.slice(this.linePrefix(line).contentAt));
    }
    if (this.conv.inDisplay) {
      if (line.trim() === '') {
        this.conv.blankLine();
        this.cur?.writer.blank();
        this.prevBlank = true;
        return;
      }
      const { prefix, contentAt } = this.linePrefix(line);
      this.cur?.writer.startLine(prefix);
      this.streamedLine = '';
      this.streamText(line.slice(contentAt), start + contentAt);
      this.conv.endLine();
      this.cur?.writer.endLine();
      this.afterLine();
      return;
    }
    const kind = classifyLine(line.replace(QUOTE, ''));
    if (kind.kind === 'blank') {
      this.conv.blankLine();
      this.cur?.writer.blank();
      this.prevBlank = true;
      this.answerRaw('');
      return;
    }
    if (kind.kind === 'rule') {
      // A separator: no content of its own. Where no stronger signal is in use, rules divide the steps.
      this.cur?.writer.blank();
      this.prevBlank = true;
      if (!this.inAnswer && this.cur !== null && RANK[this.mode] <= RANK.numbered) {
        if (this.mode === 'first' && this.cur.kind === 'step') this.cur.kind = 'preamble';
        if (RANK[this.mode] < RANK.rule) this.mode = 'rule';
        this.splitAtNext = true;
      }
      return;
    }
    if (kind.kind === 'fence') {
      this.routeContentLine(line, kind);
      this.fence = { marker: kind.marker };
      this.cur?.writer.raw(this.stripDedent(line));
      if (this.cur) this.cur.end = Math.max(this.cur.end, start + line.trimEnd().length);
      this.answerRaw(line);
      this.prevBlank = false;
      this.prevKind = 'code';
      return;
    }
    if (this.tryMarker(line, kind)) return;
    // An ordinary line that had to be seen whole (starts with `$`, `\`, `*`, a digit…).
    this.routeContentLine(line, kind);
    if (this.titleTaken) {
      this.titleTaken = false;
      if (this.cur) this.cur.end = start + line.trimEnd().length;
      this.prevBlank = false;
      return;
    }
    const { prefix, contentAt, contCol } = this.linePrefix(line);
    const cont = kind.kind === 'item' ? prefix + ' '.repeat(kind.contentCol - kind.indent) : prefix;
    if (kind.kind === 'item') this.noteItem(contCol, kind.contentCol - kind.indent);
    this.cur?.writer.startLine(prefix, cont);
    this.conv.tableRow = line[contentAt] === '|';
    this.streamedLine = '';
    this.streamText(line.slice(contentAt), start + contentAt);
    this.conv.endLine();
    this.cur?.writer.endLine();
    this.afterLine();
  }

  private noteItem(col: number, width: number): void {
    this.listContext(col);
    this.listCols.push(col + width);
  }

  private stripDedent(line: string): string {
    const d = Math.min(this.cur?.dedent ?? 0, indentOf(line));
    return d > 0 ? line.slice(d) : line;
  }

  /** Where a content line (not a step signal) goes: may close the first block or start a step. */
  private routeContentLine(line: string, kind: LineKind): void {
    const t = line.replace(QUOTE, '').trimStart();
    const isDisplay = t.startsWith('\\[') || t.startsWith('$$') || t.startsWith('\\begin{') || isMathOnlyLine(t);
    const isTableRow = t.startsWith('|');
    const blockStart = this.prevBlank;
    const wasKind = this.prevKind;
    this.prevKind = isDisplay ? 'display' : kind.kind === 'item' ? 'item' : 'text';
    if (this.inAnswer) return;
    if (this.cur === null) {
      this.open('step', this.lineStart, '');
      this.mode = 'first';
      this.firstLines = 1;
      return;
    }
    if (this.splitAtNext) {
      // The first line after a rule: a short line is the section's title.
      this.splitAtNext = false;
      const c = classifyLine(line);
      const text = c.kind === 'item' ? line.slice(c.contentCol) : line;
      const { title } = isDisplay || c.kind === 'fence' ? { title: '' } : splitTitle(text);
      this.open('step', this.lineStart, cleanTitle(title));
      this.titleTaken = title !== '';
      return;
    }
    if (isDisplay) return; // a displayed formula belongs with the sentence before it
    if (this.mode === 'first') {
      if (blockStart) {
        this.mode = 'para';
        this.open('step', this.lineStart, '');
      } else if (wasKind === 'text' && kind.kind === 'text' && this.firstLines === 1 && !isTableRow) {
        this.mode = 'line';
        this.open('step', this.lineStart, '');
      } else this.firstLines++;
      return;
    }
    if ((this.mode === 'para' && blockStart) || (this.mode === 'line' && ((kind.kind === 'text' && !isTableRow) || blockStart))) {
      this.open('step', this.lineStart, '');
      // A step that starts indented (a loose list's paragraph) is shown from its own margin.
      this.cur!.dedent = indentOf(line.replace(QUOTE, ''));
    }
  }

  /** Step and answer signals. Returns true when the line was consumed as one. */
  private tryMarker(line: string, kind: LineKind): boolean {
    const start = this.lineStart;
    const unquoted = line.replace(QUOTE, '');
    const blockStart = this.prevBlank;
    const hasContentBefore = this.cur !== null;

    // The answer section.
    if (!this.inAnswer && hasContentBefore) {
      const isAnswerHeading = kind.kind === 'heading' && ANSWER_HEADING.test(kind.text);
      const short = SHORT_ANSWER_LINE.exec(unquoted);
      const m = short ?? (kind.kind === 'heading' ? null : ANSWER_LINE.exec(unquoted));
      if (isAnswerHeading || short || (m && (blockStart || this.mode === 'line' || this.prevKind === 'display' || /^\s*(\*\*|__)/.test(unquoted)))) {
        this.inAnswer = true;
        if (this.mode === 'first') this.mode = 'para';
        this.open('answer', start, '');
        const rest = m ? (m[1] ?? '') : '';
        this.cur!.end = start + line.trimEnd().length;
        this.prevBlank = false;
        this.prevKind = 'heading';
        if (rest.trim() !== '') this.contentRest(rest, start + line.length - rest.length);
        return true;
      }
    }
    if (this.inAnswer) {
      // After the answer itself, a heading or "Step N" label (or the next numbered step) starts a step again.
      const cur = this.cur!;
      const strong =
        kind.kind === 'heading' ||
        (STEP_PREFIX.test(unquoted.trim()) && kind.kind !== 'item') ||
        (this.mode === 'numbered' && kind.kind === 'item' && kind.ordered && kind.indent <= 3 && kind.number === this.lastNumber + 1);
      if (!cur.rawDone || !strong) return false;
      this.inAnswer = false;
    }

    if (kind.kind === 'heading') {
      const title = cleanTitle(kind.text);
      const isStepLabel = STEP_PREFIX.test(kind.text.replace(/^\*\*/, ''));
      let split = false;
      const cur = this.cur;
      if (
        RANK[this.mode] === RANK.heading &&
        kind.level > this.headingLevel &&
        cur && cur.kind === 'step' && cur.writer.empty && !cur.stepLabeled
      ) {
        // "## Solution" followed directly by "### Step 1": the deeper headings are the steps.
        this.headingLevel = kind.level;
        this.startStep(start, title, 'heading', true);
        this.cur!.stepLabeled = isStepLabel;
        this.cur!.end = start + line.trimEnd().length;
        this.prevBlank = false;
        this.prevKind = 'heading';
        return true;
      }
      if (RANK[this.mode] < RANK.heading) {
        split = true;
        this.headingLevel = kind.level;
      } else if (kind.level <= this.headingLevel || (isStepLabel && !cur?.stepLabeled) || (isStepLabel && kind.level <= cur!.level)) {
        split = true;
      }
      if (split) {
        this.startStep(start, title, 'heading');
        this.cur!.stepLabeled = isStepLabel;
        this.cur!.level = kind.level;
        this.cur!.end = start + line.trimEnd().length;
        this.prevBlank = false;
        this.prevKind = 'heading';
        return true;
      }
      // A sub-heading inside a step: keep it as bold text.
      this.routeContentLine(line, { kind: 'text' });
      this.cur?.writer.startLine('');
      this.cur?.writer.text(`**${convertInline(kind.text, this.cur.writer.formulas)}**`);
      this.cur?.writer.endLine();
      if (this.cur) this.cur.end = start + line.trimEnd().length;
      this.prevBlank = false;
      this.prevKind = 'heading';
      return true;
    }

    // "Step N:" labels.
    const label = STEP_PREFIX.exec(unquoted.trim());
    if (label && RANK[this.mode] <= RANK.label && kind.kind !== 'item') {
      const bold = /^\s*(\*\*|__)/.test(unquoted);
      let rest = label[1] ?? '';
      let title = '';
      if (bold) {
        // "**Step 1: Title**  rest" or "**Step 1:** rest".
        const close = rest.indexOf('**');
        if (close >= 0) {
          title = rest.slice(0, close).trim();
          rest = rest.slice(close + 2).replace(/^\s*[:.：]\s*/, '');
        }
      }
      if (title === '') ({ title, rest } = splitTitle(rest));
      this.startStep(start, cleanTitle(title), 'label');
      this.cur!.end = start + line.trimEnd().length;
      this.prevBlank = false;
      this.prevKind = 'text';
      if (rest.trim() !== '') this.contentRest(rest, start + line.length - rest.length);
      return true;
    }

    // Top-level numbered items.
    if (kind.kind === 'item' && kind.ordered && kind.indent <= 3 && unquoted === line) {
      const takes =
        RANK[this.mode] < RANK.numbered
          ? this.mode === 'start' || (this.mode === 'first' && blockStart) || (this.mode === 'first' && this.prevKind === 'text' && this.firstLines === 1 && /:\s*$/.test(this.lastText))
          : this.mode === 'numbered' && this.continuesMainList(kind.number, blockStart);
      const fromRule = this.mode === 'rule' && blockStart;
      if (takes || fromRule) {
        this.lastNumber = kind.number;
        const content = line.slice(kind.contentCol);
        const bl = BOLD_LEAD.exec(content);
        let title: string;
        let rest: string;
        if (bl) {
          title = bl[1]!.replace(/[:.：]\s*$/, '');
          rest = bl[2] ?? '';
        } else ({ title, rest } = splitTitle(content));
        this.startStep(start, cleanTitle(title), 'numbered');
        this.cur!.dedent = kind.contentCol;
        this.cur!.end = start + line.trimEnd().length;
        this.prevBlank = false;
        this.prevKind = 'item';
        if (rest.trim() !== '') this.contentRest(rest, start + line.length - rest.length);
        return true;
      }
    }

    // Bold-led paragraphs.
    if (blockStart && kind.kind === 'text' && unquoted === line) {
      const bl = BOLD_LEAD.exec(line);
      const takes = bl && (this.mode === 'start' || this.mode === 'first' || this.mode === 'bold');
      if (bl && takes) {
        const title = bl[1]!.replace(/[:.：]\s*$/, '');
        this.startStep(start, cleanTitle(title), 'bold');
        this.cur!.end = start + line.trimEnd().length;
        this.prevBlank = false;
        this.prevKind = 'text';
        const rest = bl[2] ?? '';
        if (rest.trim() !== '') this.contentRest(rest, start + line.length - rest.length);
        return true;
      }
    }
    return false;
  }

  /** Whether item `n` continues the numbered steps rather than a sub-list inside the current step. */
  private continuesMainList(n: number, blockStart: boolean): boolean {
    if (this.subLast > 0) {
      if (n === this.subLast + 1 && !(blockStart && n === this.lastNumber + 1)) {
        this.subLast = n;
        return false;
      }
      if (n === this.lastNumber + 1) {
        this.subLast = 0;
        return true;
      }
      return false;
    }
    if (n === this.lastNumber + 1 || (blockStart && n > this.lastNumber)) return true;
    if (n === 1) this.subLast = 1; // "1." again inside a step: a sub-list starts
    return false;
  }
  /** The last number of a sub-list inside the current numbered step (0: none). */
  private subLast = 0;
  /** A rule line was seen: the next content line starts a step (rule mode). */
  private splitAtNext = false;
  /** The line that was just routed became the step's title: it is not body text. */
  private titleTaken = false;
  /** The number of the last numbered item that started a step ("1." restarting inside a step is a sub-list). */
  private lastNumber = 0;
  /** A finished answer section (steps came after it). */
  private answerSection: PartBuilder | null = null;
  /** The answer as last read; undefined when something it depends on changed. */
  private answerCache: RawAnswer | null | undefined = undefined;
  /** The last non-blank line's text. */
  private lastText = '';

  /** The text after a label on the label's own line: the step's first body line. */
  private contentRest(rest: string, at: number): void {
    const text = rest.trim();
    const from = at + (rest.length - rest.trimStart().length);
    this.cur?.writer.startLine('');
    this.streamedLine = '';
    this.streamText(text, from);
    this.conv.endLine();
    this.cur?.writer.endLine();
    this.noteLineText(this.streamedLine, from);
  }

  /** Starts a step for a signal of kind `mode` (upgrading the mode when it is stronger). */
  /** `mergeEmpty`: a titled step with no body yet absorbs this one (a section heading over its first step). */
  private startStep(start: number, title: string, mode: Mode, mergeEmpty = false): void {
    if (this.mode === 'first') {
      // The first block came before any signal: it is the preamble.
      if (this.cur) this.cur.kind = 'preamble';
    }
    if (RANK[mode] > RANK[this.mode] || this.mode === 'start' || this.mode === 'first') this.mode = mode;
    const prev = this.cur;
    if (mergeEmpty && prev && prev.kind === 'step' && prev.writer.empty && prev.title !== '') {
      this.cur = null;
      const merged = GENERIC_TITLES.test(prev.title) || title === '' ? title || prev.title : `${prev.title} — ${title}`;
      this.cur = new PartBuilder('step', prev.start, merged);
      this.cur.end = prev.end;
      this.listCols = [];
      return;
    }
    this.open('step', start, title);
  }

  private open(kind: RawPart['kind'], start: number, title: string): void {
    const prev = this.cur;
    if (prev) {
      const raw = prev.toRaw(true);
      if (prev.kind === 'preamble') this.preamble = raw;
      else if (prev.kind === 'answer') this.answerSection = prev;
      else if (prev.kind === 'step') {
        this.done.push(raw);
      }
    }
    this.cur = new PartBuilder(kind, start, title);
    this.listCols = [];
    this.splitAtNext = false;
    this.subLast = 0;
    // A closing "the answer is …" sentence must close the answer: a new part means it did not.
    this.closing = null;
    this.answerCache = undefined;
  }

  // ----- reading -----

  /** Steps finished so far (a live array that only grows). */
  get completedSteps(): readonly RawPart[] {
    return this.done;
  }

  /** Source text of the open part that its body does not show yet. */
  get pendingText(): string {
    const held = this.conv.held;
    return this.streaming ? held : held + this.head;
  }

  get openPart(): RawPart | null {
    return this.cur ? this.cur.toRaw(false) : null;
  }

  get preamblePart(): RawPart | null {
    return this.preamble;
  }

  /** The answer section, open or finished. */
  private section(): PartBuilder | null {
    return this.cur && this.cur.kind === 'answer' ? this.cur : this.answerSection;
  }

  /** Markdown of the answer section after the answer itself. */
  answerNote(): string | null {
    return this.section()?.noteMarkdown ?? null;
  }

  answer(): RawAnswer | null {
    let a = this.answerCache;
    if (a === undefined) a = this.answerCache = this.readAnswer();
    // The section keeps growing (its note): its span follows, its answer text does not change.
    const sec = this.section();
    if (a && sec && a !== this.boxed && a.start === sec.start && a.end !== Math.max(sec.end, sec.start)) {
      a = this.answerCache = { text: a.text, start: a.start, end: Math.max(sec.end, sec.start) };
    }
    return a;
  }

  private readAnswer(): RawAnswer | null {
    if (this.boxed) return this.boxed;
    const sec = this.section();
    if (sec) {
      const text = answerLatexFromText(sec.raw);
      if (text !== null) return { text, start: sec.start, end: Math.max(sec.end, sec.start) };
    }
    if (this.closing && !sec) {
      const text = answerLatexFromText(this.closing.text);
      if (text !== null) return { text, start: this.closing.start, end: this.closing.end };
    }
    return null;
  }
}

/** A line that is one formula and nothing else (`$…$`, `\(…\)`): it goes with the sentence before it. */
function isMathOnlyLine(t: string): boolean {
  const s = t.trim();
  return (/^\$[^$]+\$[.,;:]?$/.test(s) && !/^\$\d/.test(s)) || /^\\\((?:(?!\\\)).)+\\\)[.,;:]?$/.test(s);
}

/** Title text: without "Step N:", numbering, bold markers or a trailing colon; math made canonical. */
function cleanTitle(text: string): string {
  let t = text.trim();
  const step = STEP_PREFIX.exec(t);
  if (step) t = step[1] ?? '';
  t = t.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1').trim();
  t = t.replace(/^\d{1,3}(?:\\?[.)])\s+/, '');
  t = t.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1').trim();
  t = t.replace(/\s*[:：]\s*$/, '').trim();
  return convertInline(t);
}

/** A label line's text: a short phrase is the title; a sentence is the body. */
function splitTitle(content: string): { title: string; rest: string } {
  const c = content.trim();
  const hasMath = /\$|\\\(|\\\[/.test(c);
  const oneSentence = !/[.!?]\s+\S/.test(c);
  if (c.length > 0 && c.length <= 64 && !hasMath && oneSentence) return { title: c.replace(/\s*[:：.]$/, ''), rest: '' };
  if (/[:：]$/.test(c) && c.length <= 100 && !hasMath) return { title: c.replace(/\s*[:：]$/, ''), rest: '' };
  return { title: '', rest: c };
}

/** Canonical inline Markdown of a one-line text (titles); its formulas are added to `formulas` when given. */
export function convertInline(text: string, formulas?: WrittenFormula[]): string {
  let out = '';
  const math = (tex: string, md = inlineFence(tex)) => {
    formulas?.push({ tex, display: false });
    out += (out.endsWith('$') ? ' ' : '') + md; // `$a$$b$` would read as one formula
  };
  const conv = new MathConverter({
    text: (s) => (out += s),
    inline: (md, tex) => math(tex, md),
    display: (t) => math(t.replace(/\s*\n\s*/g, ' ')),
  });
  conv.feed(text);
  conv.endLine();
  conv.finish();
  return out.trim();
}
