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
  /** Where the open line begins, and where its text begins (after its prefix). */
  private lineStartAt = 0;
  private lineContentAt = 0;
  /** The last line written holds only a list marker (this wide), and nothing has followed it yet; else 0. */
  private markerLine = 0;
  private markerPrefix = '';
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
    this.lineStartAt = this.out.length;
    this.markerPrefix = prefix;
    this.out += prefix;
    this.markerLine = 0;
    this.lineContentAt = this.out.length;
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
    // A list item whose content starts with the display: the fence goes on the marker's line. A marker alone
    // on its line is an empty item, which cannot interrupt a paragraph ("Text\n-" is even a heading).
    // (After the marker's line ended, only when the formula's lines are indented into the item.)
    // (Also across a blank line: an item may not start with one, so the formula would fall out of it.)
    const width = this.lineOpen ? this.onlyMarker() : this.markerLine;
    const marker = width > 0 && p.length > width && p.startsWith(this.markerPrefix) && p.slice(this.markerPrefix.length).trim() === '';
    this.markerLine = 0;
    // The text line before a display ends here (trailing spaces would be a hard break).
    this.pendingWs = '';
    if (marker) {
      this.out += ' '.repeat(p.length - width); // the fence at the item's content column
      this.breaks = 0;
    } else {
      if (this.lineOpen) this.breaks = Math.max(this.breaks, 1);
      this.lineOpen = false;
      this.open(p);
    }
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

  /** The open line's text is a list marker alone: its width, else 0. */
  private onlyMarker(): number {
    const t = this.out.slice(this.lineContentAt);
    return /^(?:[-+*]|\d{1,9}[.)])$/.test(t) ? this.out.length - this.lineStartAt : 0;
  }

  endLine(): void {
    if (this.lineOpen) this.markerLine = this.onlyMarker();
    // Two trailing spaces are a Markdown hard line break: keep that meaning (after text, not a bare marker).
    if (this.lineOpen && this.markerLine === 0 && /^ {2,}$/.test(this.pendingWs)) this.out += '  ';
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
