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

export interface MathSink {
  /** Canonical Markdown text for the current line. */
  text(s: string): void;
  /** A display-math block; the sink lays it out on its own lines. */
  display(latex: string): void;
  /** Inline math in canonical form (`$…$`); when absent it goes to `text`. */
  inline?(markdown: string): void;
  /** Called for every completed math segment (inline or display), for answer extraction. */
  math?(latex: string, display: boolean, start: number, end: number): void;
}

type State =
  | { t: 'text' }
  | { t: 'dollar'; start: number } // inside `$…` since line index `start` (the `$`)
  | { t: 'paren'; start: number } // inside `\(…` since `start` (the backslash)
  | { t: 'code'; start: number; ticks: number }
  // `closedAt` ≥ 0: the closer was found there, waiting to see whether punctuation follows it.
  | { t: 'display'; close: '\\]' | '$$' | 'env'; env: string; depth: number; closedAt: number };

/** LaTeX commands that mean math when they appear bare in prose. */
const BARE_COMMANDS = new Set(
  ('boxed frac dfrac tfrac sqrt cdot times div pm mp le leq ge geq neq approx equiv infty sum prod int lim log ln ' +
    'sin cos tan pi theta alpha beta gamma delta Delta lambda mu sigma Sigma omega Omega phi varphi epsilon ' +
    'rightarrow Rightarrow implies iff binom overline mathbb mathbf partial nabla cdots ldots').split(' '),
);

const WORD = /[A-Za-z0-9'\u0370-\u03ff]/;

/**
 * Start of the base that ends at `i` (not before `min`): the `x` of `x_{1}`, the `(A^T)` of `(A^T)_{jk}`.
 * It never reaches past white space, and text is held back from the last white space while a line streams,
 * so the answer does not depend on how the text was chunked.
 */
function wordStart(line: string, i: number, min: number): number {
  const run = runStart(line, i, min);
  if (line[i - 1] === ')') {
    let depth = 0;
    for (let k = i - 1; k >= run; k--) {
      if (line[k] === ')') depth++;
      else if (line[k] === '(' && --depth === 0) return k;
    }
    return i;
  }
  let j = i;
  while (j > run && WORD.test(line[j - 1]!)) j--;
  return j;
}

/** Characters a bare formula's base can hold: printable ASCII and Greek (not spaces, not other scripts). */
const isRunChar = (c: number) => (c >= 0x21 && c <= 0x7e) || (c >= 0x370 && c <= 0x3ff);
/** How far back a base may reach; bounds the work per chunk on long unbroken runs. */
const MAX_RUN = 48;

/**
 * Start of the trailing run that could still become a base (held back until it is decided). `wordStart` looks
 * no further back than this, so the result does not depend on how the text was chunked.
 */
function runStart(line: string, n: number, min: number): number {
  const floor = Math.max(min, n - MAX_RUN);
  let j = n;
  while (j > floor && isRunChar(line.charCodeAt(j - 1))) j--;
  return j;
}

/**
 * End of a bare LaTeX run starting at `i` (a command, `_`/`^` groups, identifier characters), or -1 when
 * the line so far does not decide it.
 */
function bareMathEnd(line: string, i: number, eol: boolean): number {
  const n = line.length;
  let j = i;
  for (;;) {
    if (j >= n) return eol ? j : -1;
    const c = line[j]!;
    if (c === '\\') {
      if (j + 1 >= n) return eol ? j : -1;
      const m = /^[a-zA-Z]+/.exec(line.slice(j + 1, j + 20));
      if (!m) return j;
      if (j + 1 + m[0].length >= n && !eol) return -1;
      j += 1 + m[0].length;
      continue;
    }
    if (c === '{') {
      let depth = 0;
      let k = j;
      for (; k < n; k++) {
        if (line[k] === '\\') {
          k++;
          continue;
        }
        if (line[k] === '{') depth++;
        else if (line[k] === '}' && --depth === 0) break;
      }
      if (k >= n) return eol ? j : -1;
      j = k + 1;
      continue;
    }
    if (c === '_' || c === '^') {
      if (j + 1 >= n) return eol ? j : -1;
      j++;
      continue;
    }
    if (WORD.test(c)) {
      j++;
      continue;
    }
    return j;
  }
}

/** Whether `line` ends, from `i`, with an incomplete `word` (more input decides). */
const cutShort = (line: string, i: number, word: string) => {
  const rest = line.slice(i, i + word.length);
  return rest.length < word.length && word.startsWith(rest);
};
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === undefined;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** A spaced `$ … $` formula is at most this long, so deciding it never waits long or rescans far. */
const SPACED_MAX = 200;

/** The next unescaped `$` in `line` within SPACED_MAX characters after `from`, or -1. */
function spacedClose(line: string, from: number): number {
  for (let i = from; i < line.length && i < from + SPACED_MAX; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '$') return i;
  }
  return -1;
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
    if (this.state.t === 'display') {
      this.displayBuf += this.line.slice(this.done) + '\n';
    } else if (this.state.t !== 'text') {
      this.failOpen();
      this.run(true);
    }
    if (this.line.trim() !== '') this.lastLineEnd = this.lineAbs + this.line.trimEnd().length;
    this.line = '';
    this.done = 0;
    this.scan = 0;
  }

  /** A blank line: ends an unclosed `\[`/`$$` (LaTeX forbids blank lines in display math). */
  blankLine(): void {
    const s = this.state;
    if (s.t === 'display' && s.close !== 'env') this.closeDisplay(this.displayBuf, this.lastLineEnd);
  }

  /** End of stream: emit whatever is still open, as well as it can be. */
  finish(): void {
    if (this.line !== '') this.endLine();
    if (this.state.t === 'display') {
      const s = this.state;
      let body = this.displayBuf;
      if (s.close === 'env') body = body.replace(/\s+$/, '') + `\n\\end{${s.env}}`.repeat(Math.max(1, s.depth));
      this.closeDisplay(body, this.lastLineEnd);
    }
  }

  private emitText(s: string): void {
    if (s === '') return;
    this.sink.text(s);
  }

  /** Text with literal dollars escaped so remark-math does not read them as math. */
  private emitPlain(from: number, to: number): void {
    if (to <= from) return;
    const s = this.line.slice(from, to);
    this.emitText(s.includes('$') ? s.replace(/(^|[^\\])\$/g, '$1\\$').replace(/(^|[^\\])\$/g, '$1\\$') : s);
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
    const fence = tex.includes('$') ? '$$' : '$';
    if (this.sink.inline) this.sink.inline(`${fence}${tex}${fence}`);
    else this.emitText(`${fence}${tex}${fence}`);
  }

  private emitDisplay(latex: string, endAbs: number): void {
    const tex = normalizeLatex(latex.trim());
    if (tex === '') return;
    this.sink.math?.(tex, true, this.displayAbs, endAbs);
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
      // Models never break `\(…\)` across lines: an unclosed one runs to the end of the line.
      this.state = { t: 'text' };
      this.emitInline(this.line.slice(s.start + 2), s.start, this.line.length);
      this.done = this.line.length;
      this.scan = this.done;
      return;
    } else if (s.t === 'code') {
      this.emitText(this.line.slice(s.start, s.start + s.ticks));
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
          if (next === '(' || next === '[') {
            this.emitPlain(this.done, i);
            this.done = i;
            if (next === '(') {
              this.state = { t: 'paren', start: i };
              this.scan = i + 2;
            } else {
              this.state = { t: 'display', close: '\\]', env: '', depth: 0, closedAt: -1 };
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
              this.state = { t: 'display', close: 'env', env, depth: 0, closedAt: -1 };
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
        if (i > 0 && line[i - 1] === '\\') {
          this.scan = i + 1;
          continue;
        }
        if (next === '$') {
          this.emitPlain(this.done, i);
          this.state = { t: 'display', close: '$$', env: '', depth: 0, closedAt: -1 };
          this.displayAbs = this.lineAbs + i;
          this.displayBuf = '';
          this.done = this.scan = i + 2;
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
          if (close > 0 && /\\[a-zA-Z]/.test(line.slice(i + 1, close)) && !isDigit(line[close + 1]) && line[close + 1] !== '$') {
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
        this.state = { t: 'dollar', start: i };
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
          if (c === '$') break;
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
        if (!isSpace(line[i - 1]) && !isDigit(after) && after !== '$' && i > s.start + 1) {
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
