import type { MathSink } from './math-convert.ts';

/** A formula as written into the Markdown: what a remark-math reader must read back. */
export interface WrittenFormula {
  tex: string;
  display: boolean;
}

/**
 * Builds the canonical Markdown of one part (a step body, the preamble, the answer section) line by line.
 * Append-only, so the text of a finished part is never revisited. Blank-line runs collapse to one and
 * leading/trailing blank lines are dropped.
 */
export class BodyWriter implements MathSink {
  private out = '';
  /** White space at the end of the text so far: written only once more text follows on the line. */
  private pendingWs = '';
  /** Line breaks owed before the next output (1: newline, 2: blank line). */
  private breaks = 0;
  private lineOpen = false;
  private afterDisplay = false;
  private prefix = '';
  private contPrefix = '';
  /** Every formula written, in order (appended only; the round-trip tests compare it with a re-read). */
  readonly formulas: WrittenFormula[] = [];

  /** Starts an output line: `prefix` goes before its text, `contPrefix` before display lines it holds. */
  startLine(prefix: string, contPrefix: string = prefix): void {
    this.prefix = prefix;
    this.contPrefix = contPrefix;
    this.lineOpen = false;
    this.afterDisplay = false;
  }

  private open(prefix: string): void {
    this.pendingWs = '';
    if (this.out !== '') this.out += this.breaks >= 2 ? '\n\n' : '\n';
    this.breaks = 0;
    this.out += prefix;
    this.lineOpen = true;
  }

  text(s: string): void {
    if (s === '') return;
    if (this.afterDisplay) {
      // Text after a display on the same input line continues as its own line.
      s = s.replace(/^[ \t]+/, '');
      if (s === '') return;
      this.afterDisplay = false;
      this.lineOpen = false;
      this.breaks = Math.max(this.breaks, 1);
      this.open(this.contPrefix);
    } else if (!this.lineOpen) {
      if (this.out === '') {
        // A body never starts with white space (however the text was chunked).
        s = s.replace(/^\s+/, '');
        if (s === '') return;
      }
      this.open(this.prefix);
    }
    const t = s.trimEnd();
    if (t === '') {
      this.pendingWs += s;
      return;
    }
    this.out += this.pendingWs + t;
    this.pendingWs = s.slice(t.length);
  }

  inline(markdown: string, tex: string): void {
    this.formulas.push({ tex, display: false });
    this.text(markdown);
  }

  /** A whole raw line (code). */
  raw(line: string): void {
    this.lineOpen = false;
    this.open('');
    this.out += line;
    this.endLine();
  }

  display(latex: string): void {
    const p = this.contPrefix;
    // The text line before a display ends here (trailing spaces would be a hard break).
    this.pendingWs = '';
    if (this.lineOpen) this.breaks = Math.max(this.breaks, 1);
    this.lineOpen = false;
    this.open(p);
    const lines = latex.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    this.formulas.push({ tex: lines.join('\n'), display: true });
    // A line of dollars inside the formula would close a `$$` fence: the fence is then longer.
    let run = 1;
    for (const l of lines) if (/^\$+$/.test(l)) run = Math.max(run, l.length);
    const fence = '$'.repeat(run + 1);
    this.out += fence + '\n' + lines.map((l) => p + l).join('\n') + '\n' + p + fence;
    this.afterDisplay = true;
    this.lineOpen = false;
  }

  endLine(): void {
    // Two trailing spaces are a Markdown hard line break: keep that meaning.
    if (this.lineOpen && /^ {2,}$/.test(this.pendingWs)) this.out += '  ';
    this.pendingWs = '';
    if (this.lineOpen || this.afterDisplay) this.breaks = Math.max(this.breaks, 1);
    this.lineOpen = false;
    this.afterDisplay = false;
  }

  blank(): void {
    if (this.out !== '') this.breaks = 2;
  }

  get markdown(): string {
    return this.out;
  }

  /** Nothing written yet (a body never starts with white space, so this is O(1)). */
  get empty(): boolean {
    return this.out === '';
  }
}
