/**
 * Streaming conversion of one Markdown flow (a step body) to the canonical math form that remark-math
 * renders with default options: inline math as `$…$`, display math as a `$$` fence block.
 *
 * Input arrives as line segments (`feed`) and line ends (`endLine`); output is appended to a sink and is
 * final once emitted. Anything undecided — an unclosed `$`, `\(`, `\[`, `$$`, environment or code span — is
 * held back, never emitted half-way. Each input character is examined a bounded number of times, so the
 * cost of a chunk does not depend on how much came before.
 */
import { normalizeLatex, isDisplayOnly } from './latex-normalize.ts';
import {
  wordStart,
  runStart,
  bareMathEnd,
  cutShort,
  isSpace,
  isDigit,
  blankBefore,
  escapedAt,
  escapeTextDollars,
  bracesBalance,
  looksLikeMath,
  linkBracket,
  inLinkDestination,
  inlineFence,
  SPACED_MAX,
  spacedClose,
} from './math-scan.ts';

export interface MathSink {
  /** Canonical Markdown text for the current line. */
  text(s: string): void;
  /** A display-math block; the sink lays it out on its own lines. */
  display(latex: string): void;
  /** Inline math in canonical form (`$…$`) and the formula it holds; when absent it goes to `text`. */
  inline?(markdown: string, tex: string): void;
  /** Called for every completed math segment (inline or display), for answer extraction. */
  math?(latex: string, display: boolean, start: number, end: number): void;
}

type State =
  | { t: 'text' }
  // Inside `$…` since line index `start` (the `$`); `depth`: open braces so far (a `$` inside braces is
  // nested math, `\text{costs $x$}`); `bad`: a `}` closed more than was opened.
  | { t: 'dollar'; start: number; depth: number; bad: boolean }
  | { t: 'paren'; start: number } // inside `\(…` since `start` (the backslash)
  | { t: 'code'; start: number; ticks: number }
  // `closedAt` ≥ 0: the closer was found there, waiting to see whether punctuation follows it. `close: '$'`
  // is a `$` alone on a line, closed by another. `block`: the opener stood alone on its line (decided when
  // that line ends); such a block spans blank lines and closes at the end of the answer, anything else that
  // is still open then is text. `textBefore`: text preceded the opener on its line.
  | {
      t: 'display';
      close: '\\]' | '$$' | '$' | 'env';
      env: string;
      depth: number;
      closedAt: number;
      block: boolean | null;
      /** A blank line was dropped from this block: the next line decides whether the formula goes on. */
      afterBlank?: boolean;
      textBefore: boolean;
    };

/** LaTeX commands that mean math when they appear bare in prose. */
const BARE_COMMANDS = new Set(
  ('boxed frac dfrac tfrac sqrt cdot times div pm mp le leq ge geq neq approx equiv infty sum prod int lim log ln ' +
    'sin cos tan pi theta alpha beta gamma delta Delta lambda mu sigma Sigma omega Omega phi varphi epsilon ' +
    'rightarrow Rightarrow implies iff binom overline mathbb mathbf partial nabla cdots ldots').split(' '),
);

/** A Markdown block marker, or a sentence: not the continuation of a formula. */
const MARKDOWN_LINE = /^(?:#{1,6}\s|>|\*\*|\d{1,3}[.)]\s|[-*+]\s+[A-Za-z]{3})/;

/** Whether a line can go on a formula after a blank line: a closer, math signs, or no words. */
function continuesMath(t: string): boolean {
  if (t.startsWith('$$') || t.startsWith('\\]')) return true;
  if (MARKDOWN_LINE.test(t)) return false;
  return /[=\\&^_<>{}]/.test(t) || !/[A-Za-z]{3}/.test(t);
}

export class MathConverter {
  private state: State = { t: 'text' };
  /** The current line so far (only the current line is kept). */
  private line = '';
  /** Index in `line` up to which output is final. */
  private done = 0;
  /** Scan position (≥ done) while inside an open construct. */
  private scan = 0;
  /** Display-math content gathered so far (across lines). */
  private displayBuf = '';
  /** Absolute position of the current line's first character, and of the open display's opener. */
  private lineAbs = 0;
  private displayAbs = 0;
  private lastLineEnd = 0;
  /** The output so far ends with inline math: another right after it would merge (`$a$$b$`). */
  private afterInline = false;

  /** The current line is a table row: a `|` inside its math would split the cell. */
  tableRow = false;

  constructor(private readonly sink: MathSink) {}

  /** Input received but not yet emitted: an open formula or code span, the word being written. */
  get held(): string {
    return this.state.t === 'display' ? this.displayBuf + this.line.slice(this.done) : this.line.slice(this.done);
  }

  get inDisplay(): boolean {
    return this.state.t === 'display';
  }

  /** The display construct's closer while inside one (for the splitter: lines inside are not classified). */
  get displayKind(): string | null {
    return this.state.t === 'display' ? this.state.close : null;
  }

  /** `at`: the absolute position of the segment's first character (for the math callback's spans). */
  feed(segment: string, at = 0): void {
    if (segment === '') return;
    if (this.line === '') this.lineAbs = at;
    this.line += segment;
    this.run(false);
  }

  endLine(): void {
    this.run(true);
    const st = this.state;
    if (st.t === 'display') {
      const rest = this.line.slice(this.done);
      if (st.block === null) st.block = !st.textBefore && this.displayBuf === '' && rest.trim() === '';
      this.displayBuf += rest + '\n';
    } else if (this.state.t !== 'text') {
      this.failOpen();
      this.run(true);
    }
    if (this.line.trim() !== '') this.lastLineEnd = this.lineAbs + this.line.trimEnd().length;
    this.afterInline = false;
    this.line = '';
    this.done = 0;
    this.scan = 0;
  }

  /**
   * A blank line inside display math: a block (`$$` or `\[` alone on its line) goes on (the blank line is
   * dropped: LaTeX forbids it); an opener written inside a sentence that the paragraph did not close was text.
   */
  blankLine(): void {
    const s = this.state;
    if (s.t !== 'display' || s.close === 'env') return;
    if (s.block !== true || s.close === '$') this.failDisplay();
    else s.afterBlank = true;
  }

  /** A block display had a blank line: the line after it must be seen whole before it is fed. */
  get awaitingLineAfterBlank(): boolean {
    return this.state.t === 'display' && this.state.afterBlank === true;
  }

  /**
   * The whole line after a blank line inside a block display (its quote markers and indentation removed).
   * When it is no math — a heading, a list item, a sentence — the block ended at the blank line (its closer
   * is missing): the formula is emitted and true returned, so the line is read as Markdown again.
   */
  endBlockBeforeLine(content: string): boolean {
    const s = this.state;
    if (s.t !== 'display' || s.afterBlank !== true) return false;
    s.afterBlank = false;
    if (continuesMath(content.trim())) return false;
    this.closeDisplay(this.displayBuf, this.lastLineEnd);
    return true;
  }

  /** End of stream: emit whatever is still open, as well as it can be. */
  finish(): void {
    if (this.line !== '') this.endLine();
    if (this.state.t === 'display') {
      const s = this.state;
      let body = this.displayBuf;
      if (s.close === 'env') body = body.replace(/\s+$/, '') + `\n\\end{${s.env}}`.repeat(Math.max(1, s.depth));
      // `$$x = 1$`: a closer the stream cut short.
      const cut = s.close === '$$' && /(?:^|[^\\$])\$\s*$/.test(body);
      if (cut) body = body.replace(/\$\s*$/, '');
      // A block closes, and so does a cut formula ("Cut off \[ x = 1"); words after a lone opener are text.
      const closes = s.close === 'env' || cut || (s.close !== '$' && (s.block === true || looksLikeMath(body)));
      if (closes) this.closeDisplay(body, this.lastLineEnd);
      else this.failDisplay();
    }
  }

  /**
   * An open display that never closed (`aaa $$ bbb`, `\[unclosed bracket`, a lone `$` line): its opener is
   * text, shown as written, and so is what followed it, read again as text (a lone `$` line's content stays
   * plain: one formula or all text).
   */
  private failDisplay(): void {
    const s = this.state;
    if (s.t !== 'display') return;
    const opener = s.close === '$$' ? '\\$\\$' : s.close === '\\]' ? '\\\\[' : '\\$';
    const rest = this.displayBuf.replace(/\s*\n\s*/g, ' ').trimEnd();
    this.state = { t: 'text' };
    this.displayBuf = '';
    this.emitText(opener);
    if (rest.trim() === '') return;
    if (s.close === '$') {
      this.emitText(escapeTextDollars(rest));
      return;
    }
    // Read the rest again as one line of text (a soft line break reads as a space anyway).
    const saved = this.lineAbs;
    this.line = rest;
    this.lineAbs = this.displayAbs + 2;
    this.done = this.scan = 0;
    this.run(true);
    if (this.state.t !== 'text') {
      this.failOpen();
      this.run(true);
    }
    this.emitPlain(this.done, this.line.length);
    this.line = '';
    this.done = this.scan = 0;
    this.lineAbs = saved;
  }

  private emitText(s: string): void {
    if (s === '') return;
    this.afterInline = false;
    this.sink.text(s);
  }

  /** Text with literal dollars escaped so remark-math does not read them as math. */
  private emitPlain(from: number, to: number): void {
    if (to <= from) return;
    this.emitText(escapeTextDollars(this.line.slice(from, to)));
  }

  private emitInline(latex: string, from: number, to: number): void {
    let tex = normalizeLatex(latex.trim());
    if (tex === '') return;
    if (isDisplayOnly(tex)) {
      this.displayAbs = this.lineAbs + from;
      this.emitDisplay(tex, this.lineAbs + to);
      return;
    }
    this.sink.math?.(tex, false, this.lineAbs + from, this.lineAbs + to);
    if (this.tableRow) tex = tex.replace(/\\\|/g, '\\Vert ').replace(/(?<!\\)\|/g, '\\vert ');
    // A `$` inside the formula would end a `$…$` span early; a longer fence keeps it whole.
    const md = inlineFence(tex);
    if (this.afterInline) this.emitText(' ');
    if (this.sink.inline) this.sink.inline(md, tex);
    else this.emitText(md);
    this.afterInline = true;
  }

  private emitDisplay(latex: string, endAbs: number): void {
    const tex = normalizeLatex(latex.trim());
    if (tex === '') return;
    this.sink.math?.(tex, true, this.displayAbs, endAbs);
    this.afterInline = false;
    this.sink.display(tex);
  }

  private closeDisplay(body: string, endAbs = this.lineAbs + this.done): void {
    this.state = { t: 'text' };
    this.displayBuf = '';
    this.emitDisplay(body, endAbs);
  }

  /**
   * Bare LaTeX in prose from `from` (its base) through the run that starts at `i`: typeset it as inline math.
   * False when the line so far does not decide where it ends (then it waits).
   */
  private typesetBare(from: number, i: number, eol: boolean): boolean {
    // A base whose first character is escaped (`\b\boxed{…}`) stays text: the backslash would escape the `$`.
    if (from < i && escapedAt(this.line, from)) from = i;
    const end = bareMathEnd(this.line, i, eol);
    if (end < 0) {
      this.holdFrom(i);
      return false;
    }
    this.emitPlain(this.done, from);
    this.emitInline(this.line.slice(from, end), from, end);
    this.done = this.scan = end;
    return true;
  }

  /** Waits for more input at `i`; text is emitted up to the word being written (it may become a base). */
  private holdFrom(i: number): void {
    const k = runStart(this.line, i, this.done);
    this.emitPlain(this.done, k);
    this.done = k;
    this.scan = i;
  }

  /** The open inline construct did not close: its opener is literal text; rescan what followed it. */
  private failOpen(): void {
    const s = this.state;
    if (s.t === 'dollar') {
      this.emitText('\\$');
      this.done = s.start + 1;
    } else if (s.t === 'paren') {
      // Models never break `\(…\)` across lines: an unclosed one runs to the end of the line when it reads as
      // math (a cut formula); words after it (`\(unclosed paren`) are text, the delimiter shown.
      const rest = this.line.slice(s.start + 2);
      if (looksLikeMath(rest) && bracesBalance(rest)) {
        this.state = { t: 'text' };
        this.emitInline(rest, s.start, this.line.length);
        this.done = this.scan = this.line.length;
        return;
      }
      this.emitText('\\\\(');
      this.done = s.start + 2;
    } else if (s.t === 'code') {
      // Escaped, so that a backtick on a later line cannot pair with it into a code span.
      this.emitText('\\`'.repeat(s.ticks));
      this.done = s.start + s.ticks;
    }
    this.state = { t: 'text' };
    this.scan = this.done;
  }

  /**
   * Advance through `line` as far as the input decides. `eol` means the line is complete (the character
   * after the last one is a newline).
   */
  private run(eol: boolean): void {
    const line = this.line;
    const n = line.length;
    for (;;) {
      const s = this.state;
      if (s.t === 'text') {
        let i = this.scan;
        let stop = -1;
        for (; i < n; i++) {
          const c = line[i]!;
          if (c === '\\' || c === '$' || c === '`' || ((c === '_' || c === '^') && line[i + 1] !== ' ')) {
            stop = i;
            break;
          }
        }
        if (stop < 0) {
          // A word at the end may still get a `_{…}` or `^{…}` (bare LaTeX): hold it back.
          const keep = eol ? n : runStart(line, n, this.done);
          this.emitPlain(this.done, keep);
          this.done = keep;
          this.scan = n;
          return;
        }
        i = stop;
        const c = line[i]!;
        const next = line[i + 1];
        if (c !== '`' && inLinkDestination(line, i)) {
          // A URL (`[x](https://a.org/\frac_{1}?p=$5)`): its characters are text; a `$` gets escaped.
          this.scan = c === '\\' ? i + 2 : i + 1;
          continue;
        }
        if ((c === '_' || c === '^') && (next === '{' || (next === undefined && !eol))) {
          // Bare `x_{ij}` / `2^{10}` in prose: typeset it.
          const from = wordStart(line, i, this.done);
          if (next === undefined) return this.holdFrom(i);
          // A base out of reach (`(A B)_{ij}`): the sub/superscript alone still typesets next to it.
          if (from === i && !(line[i - 1] === ')' || line[i - 1] === ']')) {
            this.scan = i + 1;
            continue;
          }
          if (!this.typesetBare(from, i, eol)) return;
          continue;
        }
        if (c === '_' || c === '^') {
          this.scan = i + 1;
          continue;
        }
        if (next === undefined && !eol) {
          // Need the next character to decide (`\(`, `$$`, a code fence run…).
          return this.holdFrom(i);
        }
        if (c === '`') {
          let j = i;
          while (line[j] === '`') j++;
          if (j === n && !eol) {
            return this.holdFrom(i);
          }
          this.emitPlain(this.done, i);
          this.done = i;
          this.state = { t: 'code', start: i, ticks: j - i };
          this.scan = j;
          continue;
        }
        if (c === '\\') {
          if (next === '[' && linkBracket(line, i)) {
            this.scan = i + 2;
            continue;
          }
          if (next === '(' || next === '[') {
            this.emitPlain(this.done, i);
            this.done = i;
            if (next === '(') {
              this.state = { t: 'paren', start: i };
              this.scan = i + 2;
            } else {
              const textBefore = !blankBefore(line, i);
              this.state = { t: 'display', close: '\\]', env: '', depth: 0, closedAt: -1, block: null, textBefore };
              this.displayAbs = this.lineAbs + i;
              this.displayBuf = '';
              this.done = this.scan = i + 2;
            }
            continue;
          }
          if (!eol && cutShort(line, i, '\\begin{')) {
            return this.holdFrom(i);
          }
          if (next === 'b' && line.startsWith('\\begin{', i)) {
            const close = line.indexOf('}', i + 7);
            if (close < 0 && !eol) {
              return this.holdFrom(i);
            }
            const env = close < 0 ? '' : line.slice(i + 7, close);
            if (env !== '') {
              this.emitPlain(this.done, i);
              this.state = { t: 'display', close: 'env', env, depth: 0, closedAt: -1, block: null, textBefore: false };
              this.displayAbs = this.lineAbs + i;
              this.displayBuf = '';
              this.done = this.scan = i;
              continue;
            }
          }
          const cmd = /^[a-zA-Z]+/.exec(line.slice(i + 1, i + 16))?.[0] ?? '';
          if (cmd !== '' && i + 1 + cmd.length === n && !eol) {
            return this.holdFrom(i);
          }
          if (BARE_COMMANDS.has(cmd)) {
            // A LaTeX command written without delimiters (`\boxed{5}`, `\frac{1}{2}`): typeset it.
            if (!this.typesetBare(wordStart(line, i, this.done), i, eol)) return;
            continue;
          }
          // `\$` and other escapes pass through as written.
          this.scan = i + 2;
          continue;
        }
        // c === '$'
        if (escapedAt(line, i)) {
          this.scan = i + 1;
          continue;
        }
        if (next === '$') {
          this.emitPlain(this.done, i);
          const textBefore = !blankBefore(line, i);
          this.state = { t: 'display', close: '$$', env: '', depth: 0, closedAt: -1, block: null, textBefore };
          this.displayAbs = this.lineAbs + i;
          this.displayBuf = '';
          this.done = this.scan = i + 2;
          continue;
        }
        if (i > 0 && /[A-Za-z0-9]/.test(line[i - 1]!)) {
          // A `$` glued to a word is code or a price (`data0$Y`, `df$col`, `5$`), never an opening `$`.
          this.scan = i + 1;
          continue;
        }
        if (next === undefined && blankBefore(line, i)) {
          // A `$` alone on its line: the formula on the lines below, if another lone `$` closes it.
          this.emitPlain(this.done, i);
          this.state = { t: 'display', close: '$', env: '', depth: 0, closedAt: -1, block: true, textBefore: false };
          this.displayAbs = this.lineAbs + i;
          this.displayBuf = '';
          this.done = this.scan = i + 1;
          continue;
        }
        if (isSpace(next)) {
          // Pandoc: an opening `$` needs a non-space right after it, so a lone `$` is text (a price). Models
          // also write `$ \frac{1}{31} \div 3 $`: a spaced pair on one line with a LaTeX command inside is math.
          const close = spacedClose(line, i + 1);
          if (close < 0 && !eol && n < i + 1 + SPACED_MAX) {
            this.scan = i; // the line is still arriving: wait for it before deciding
            return;
          }
          if (close > 0 && close + 1 >= n && !eol) {
            this.scan = i; // what follows the closer decides (a digit makes it a price)
            return;
          }
          if (close > 0 && /\\[a-zA-Z]/.test(line.slice(i + 1, close)) && bracesBalance(line.slice(i + 1, close)) && !isDigit(line[close + 1]) && line[close + 1] !== '$') {
            this.emitPlain(this.done, i);
            this.emitInline(line.slice(i + 1, close), i, close + 1);
            this.done = this.scan = close + 1;
            continue;
          }
          this.scan = i + 1;
          continue;
        }
        this.emitPlain(this.done, i);
        this.done = i;
        this.state = { t: 'dollar', start: i, depth: 0, bad: false };
        this.scan = i + 1;
        continue;
      }

      if (s.t === 'dollar') {
        let i = this.scan;
        for (; i < n; i++) {
          const c = line[i]!;
          if (c === '\\') {
            if (i + 1 >= n && !eol) break; // what it escapes has not arrived yet
            i++;
            continue;
          }
          if (c === '{') s.depth++;
          else if (c === '}' && --s.depth < 0) s.bad = true;
          else if (c === '`' || (c === '$' && s.depth <= 0)) break;
        }
        if (line[i] === '`') {
          // Formulas hold no backticks; a code span starts here, so the `$` before it was text.
          this.failOpen();
          continue;
        }
        if (i >= n || line[i] !== '$') {
          this.scan = Math.min(i, n);
          if (eol) {
            this.failOpen();
            continue;
          }
          return;
        }
        const after = line[i + 1];
        if (after === undefined && !eol) {
          this.scan = i;
          return;
        }
        // Pandoc's rule: the closing `$` has a non-space before it and no digit after it.
        if (!isSpace(line[i - 1]) && !isDigit(after) && after !== '$' && i > s.start + 1 && !s.bad) {
          this.state = { t: 'text' };
          this.emitInline(line.slice(s.start + 1, i), s.start, i + 1);
          this.done = this.scan = i + 1;
          continue;
        }
        // Not a closer: the opener was literal (a price); this `$` may open math itself.
        this.failOpen();
        continue;
      }

      if (s.t === 'paren') {
        let i = this.scan;
        let found = -1;
        for (; i < n - 1; i++) {
          if (line[i] === '\\') {
            if (line[i + 1] === ')') {
              found = i;
              break;
            }
            i++;
          }
        }
        if (found < 0) {
          this.scan = Math.max(this.scan, n - 1);
          if (eol) {
            this.failOpen();
            continue;
          }
          return;
        }
        if (!bracesBalance(line.slice(s.start + 2, found))) {
          // `\(a}b\)` is no formula: text, both delimiters shown.
          this.state = { t: 'text' };
          this.emitText('\\\\(');
          this.emitPlain(s.start + 2, found);
          this.emitText('\\\\)');
          this.done = this.scan = found + 2;
          continue;
        }
        this.state = { t: 'text' };
        this.emitInline(line.slice(s.start + 2, found), s.start, found + 2);
        this.done = this.scan = found + 2;
        continue;
      }

      if (s.t === 'code') {
        let i = this.scan;
        let found = -1;
        while (i < n) {
          if (line[i] === '`') {
            let j = i;
            while (line[j] === '`') j++;
            if (j - i === s.ticks && (j < n || eol)) {
              found = j;
              break;
            }
            if (j === n && !eol) break;
            i = j;
          } else i++;
        }
        if (found < 0) {
          this.scan = i;
          if (eol) {
            this.failOpen();
            continue;
          }
          return;
        }
        this.state = { t: 'text' };
        this.emitText(line.slice(s.start, found));
        this.done = this.scan = found;
        continue;
      }

      // display
      {
        if (s.closedAt < 0) {
          const found = this.findDisplayClose(s, eol);
          if (found === null) return;
          this.displayBuf += line.slice(this.done, found.contentEnd);
          s.closedAt = found.endAt;
          this.done = this.scan = found.endAt;
        }
        // Sentence punctuation right after a display belongs to it ("\\[ x = 2 \\]."), not on a line alone.
        let j = s.closedAt;
        while (line[j] === ' ' || line[j] === '\t') j++;
        const p = line[j];
        if ((p === undefined || ((p === '.' || p === ',' || p === ';' || p === ':') && line[j + 1] === undefined)) && !eol) {
          return; // what follows may be that punctuation
        }
        let body = this.displayBuf;
        if (p === '.' || p === ',' || p === ';' || p === ':') {
          if (isSpace(line[j + 1])) {
            body = body.replace(/\s+$/, '') + p;
            this.done = this.scan = j + 1;
          }
        }
        this.closeDisplay(body, this.lineAbs + s.closedAt);
        continue;
      }
    }
  }

  /** Finds the closer of the open display construct on the current line, or null when it is not there yet. */
  private findDisplayClose(
    s: Extract<State, { t: 'display' }>,
    eol: boolean,
  ): { contentEnd: number; endAt: number } | null {
    const line = this.line;
    const n = line.length;
    let i = this.scan;
    if (s.close === '$') {
      // Only a line that is a lone `$` closes it.
      if (!eol) return null;
      const at = line.indexOf('$');
      if (line.trim() === '$' && at >= this.done) return { contentEnd: at, endAt: at + 1 };
      this.scan = n;
      return null;
    }
    for (; i < n; i++) {
      const c = line[i]!;
      if (s.close === '$$') {
        if (c === '\\') {
          if (i + 1 >= n && !eol) break;
          i++;
          continue;
        }
        if (c === '$') {
          if (line[i + 1] === undefined && !eol) break;
          if (line[i + 1] === '$') return { contentEnd: i, endAt: i + 2 };
        }
        continue;
      }
      if (c !== '\\') continue;
      if (line[i + 1] === undefined && !eol) break;
      if (s.close === 'env' && !eol && (cutShort(line, i, '\\begin{') || cutShort(line, i, '\\end{'))) break;
      if (s.close === '\\]' && line[i + 1] === ']') return { contentEnd: i, endAt: i + 2 };
      if (s.close === 'env' && (line.startsWith('\\begin{', i) || line.startsWith('\\end{', i))) {
        const br = line.indexOf('}', i);
        if (br < 0) {
          if (!eol) break;
          i++;
          continue;
        }
        const isBegin = line[i + 1] === 'b';
        if (line.slice(i + (isBegin ? 7 : 5), br) === s.env) {
          s.depth += isBegin ? 1 : -1;
          if (s.depth === 0) return { contentEnd: br + 1, endAt: br + 1 };
        }
        i = br;
        continue;
      }
      i++;
    }
    this.scan = Math.min(i, n);
    return null;
  }
}
