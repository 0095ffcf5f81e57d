/**
 * Reads a pasted list of problems. Two shapes: one problem per line, or numbered (`1.`, `1)`, `(1)`,
 * `Problem 1:`, `Q1.` …), where an item runs over several lines until the next number. LaTeX is kept as typed;
 * a display formula (`\[…\]`, `$$…$$`, `\begin{…}…\end{…}`) open across lines never splits an item.
 */

export interface ProblemList {
  problems: string[];
  /** How the text was read, for the "understood as" summary. */
  mode: 'lines' | 'numbered';
  /** Text before the first number in a numbered list (a title, an instruction): not a problem of its own. */
  ignored: string[];
}

interface Marker {
  number: number;
  rest: string;
}

// `1.` / `1)` (not `1.5`), `(1)`, and word forms: `Problem 1:`, `Question 2.`, `Exercise 3`, `Ex. 4`, `Q5.`, `#6`, `No. 7`.
const NUMBER_MARKER = /^(?:(\d{1,3})[.)](?!\d)|\((\d{1,3})\))(?:\s+|$)/;
const WORD_MARKER = /^(?:problem|question|exercise|ex\.?|no\.?)\s*(\d{1,3})\s*[.:)]?(?:\s+|$)/i;
const SHORT_MARKER = /^(?:q(\d{1,3})\s*[.:)]|#(\d{1,3})[.:)]?)(?:\s+|$)/i;
const BULLET = /^[-*•+]\s+/;

function readMarker(line: string): Marker | null {
  const m = NUMBER_MARKER.exec(line) ?? WORD_MARKER.exec(line) ?? SHORT_MARKER.exec(line);
  if (!m) return null;
  const digits = m.slice(1).find((g) => g !== undefined);
  return { number: Number(digits), rest: line.slice(m[0].length).trim() };
}

/** Display math still open at the end of a line: `$$` toggles, `\[`/`\]` and environments nest. */
interface MathState {
  dollars: boolean;
  brackets: number;
  envs: number;
}

const closedMath = (): MathState => ({ dollars: false, brackets: 0, envs: 0 });
const isOpen = (s: MathState) => s.dollars || s.brackets > 0 || s.envs > 0;

function advanceMath(state: MathState, line: string): MathState {
  const next = { ...state };
  // An escaped dollar (`\$`) is a price, not a delimiter; `\\` is a line break.
  for (const token of line.matchAll(/\\\\|\\\$|\$\$|\\\[|\\\]|\\begin\{[^}]*\}|\\end\{[^}]*\}/g)) {
    const t = token[0];
    if (t === '$$') next.dollars = !next.dollars;
    else if (t === '\\[') next.brackets++;
    else if (t === '\\]') next.brackets = Math.max(0, next.brackets - 1);
    else if (t.startsWith('\\begin')) next.envs++;
    else if (t.startsWith('\\end')) next.envs = Math.max(0, next.envs - 1);
  }
  return next;
}

interface Line {
  text: string;
  /** The line continues display math opened on an earlier line. */
  insideMath: boolean;
  /** Leading whitespace (a tab counts 4), to tell a problem's number from a sub-list's inside it. */
  indent: number;
}

function splitLines(text: string): Line[] {
  let math = closedMath();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const insideMath = isOpen(math);
      math = advanceMath(math, raw);
      const indent = (/^\s*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length;
      return { text: raw.trim(), insideMath, indent };
    });
}

/** Joins an item's lines: outer blank lines dropped, runs of blank lines kept as one paragraph break. */
function joinItem(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function parseProblemList(text: string): ProblemList {
  const lines = splitLines(text);
  const markers = lines.map((l) => (l.insideMath ? null : readMarker(l.text)));
  const firstContent = lines.findIndex((l) => l.text !== '');
  const markerCount = markers.filter((m) => m !== null).length;
  const numbered = markerCount >= 2 || (markerCount === 1 && firstContent >= 0 && markers[firstContent] !== null);
  return numbered ? readNumbered(lines, markers) : readLines(lines, markers);
}

function readLines(lines: Line[], markers: (Marker | null)[]): ProblemList {
  const items: string[][] = [];
  lines.forEach((line, index) => {
    const last = items[items.length - 1];
    if (line.insideMath && last) {
      last.push(line.text);
      return;
    }
    if (line.text === '') return;
    const marker = markers[index];
    const content = marker ? marker.rest : line.text.replace(BULLET, '');
    if (content !== '') items.push([content]);
  });
  return { problems: items.map(joinItem).filter((p) => p !== ''), mode: 'lines', ignored: [] };
}

function readNumbered(lines: Line[], markers: (Marker | null)[]): ProblemList {
  const before: string[] = [];
  const items: string[][] = [];
  let lastNumber = -Infinity;
  let itemIndent = Infinity;
  lines.forEach((line, index) => {
    const marker = markers[index];
    // A number starts an item only when it goes up and is not indented past the first problem's: a sub-list
    // (restarting at 1, or indented) stays inside its problem.
    if (marker && marker.number > lastNumber && line.indent <= itemIndent) {
      lastNumber = marker.number;
      if (itemIndent === Infinity) itemIndent = line.indent;
      items.push([marker.rest]);
      return;
    }
    (items[items.length - 1] ?? before).push(line.text);
  });
  const ignored = joinItem(before);
  return {
    problems: items.map(joinItem).filter((p) => p !== ''),
    mode: 'numbered',
    ignored: ignored === '' ? [] : [ignored],
  };
}
