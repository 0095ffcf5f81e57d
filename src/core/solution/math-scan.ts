/**
 * Character-level tests the math converter makes on one line of Markdown: where a bare formula starts and
 * ends, whether a character is escaped, whether a `\[` belongs to a link, how inline math is fenced. Pure
 * functions over a line and an index; each looks a bounded distance, so the converter's cost per chunk stays
 * bounded.
 */

const WORD = /[A-Za-z0-9'\u0370-\u03ff]/;

/**
 * Start of the base that ends at `i` (not before `min`): the `x` of `x_{1}`, the `(A^T)` of `(A^T)_{jk}`.
 * It never reaches past white space, and text is held back from the last white space while a line streams,
 * so the answer does not depend on how the text was chunked.
 */
export function wordStart(line: string, i: number, min: number): number {
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
export function runStart(line: string, n: number, min: number): number {
  const floor = Math.max(min, n - MAX_RUN);
  let j = n;
  while (j > floor && isRunChar(line.charCodeAt(j - 1))) j--;
  return j;
}

/**
 * End of a bare LaTeX run starting at `i` (a command, `_`/`^` groups, identifier characters), or -1 when
 * the line so far does not decide it.
 */
export function bareMathEnd(line: string, i: number, eol: boolean): number {
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
export const cutShort = (line: string, i: number, word: string) => {
  const rest = line.slice(i, i + word.length);
  return rest.length < word.length && word.startsWith(rest);
};
export const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === undefined;
export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Only white space before `i` on the line (looks back over that white space only: O(1) in prose). */
export function blankBefore(line: string, i: number): boolean {
  let k = i;
  while (k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
  return k === 0;
}

/** Whether the character at `i` is escaped (an odd run of backslashes before it). */
export function escapedAt(s: string, i: number): boolean {
  let k = i;
  while (k > 0 && s[k - 1] === '\\') k--;
  return (i - k) % 2 === 1;
}

/** Text with every unescaped `$` escaped, so remark-math never pairs it with another. */
export function escapeTextDollars(s: string): string {
  return s.includes('$') ? s.replace(/(\\*)\$/g, (m, bs: string) => (bs.length % 2 === 0 ? bs + '\\$' : m)) : s;
}

/** Braces balance in `tex` (escaped ones aside): `a}b` and `a{b` are no formula. */
export function bracesBalance(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether an unclosed formula's content reads as math (a sign, a digit, a command), not as words. */
export const looksLikeMath = (tex: string) => /[=^_\\<>+\-*/0-9]/.test(tex);

/** How far back a link's text or destination is looked for before a `\[`. */
const LINK_LOOKBACK = 400;

/**
 * `\[` that is an escaped bracket of a link, not display math: right after `[` (`[\[pdf\] Document](url)`,
 * `[\[1\] Smith 2020](url)`) or inside a link destination (`](https://x.org/a?\[b\]=1)`).
 */
export function linkBracket(line: string, i: number): boolean {
  return line[i - 1] === '[' || inLinkDestination(line, i);
}

/** Whether `i` is inside a link destination, `](…)`: a URL, where nothing is math. */
export function inLinkDestination(line: string, i: number): boolean {
  const floor = Math.max(0, i - LINK_LOOKBACK);
  for (let k = i - 1; k > floor; k--) {
    const c = line[k]!;
    if (c === ' ' || c === '\t' || c === ')') return false;
    if (c === '(' && line[k - 1] === ']') return true;
  }
  return false;
}

/** Inline math in canonical form; a `$` in the formula needs a longer fence (and a space where it would touch it). */
export function inlineFence(tex: string): string {
  if (!tex.includes('$')) return `$${tex}$`;
  let run = 0;
  for (const m of tex.matchAll(/\$+/g)) run = Math.max(run, m[0].length);
  const fence = '$'.repeat(run + 1);
  return tex.startsWith('$') || tex.endsWith('$') ? `${fence} ${tex} ${fence}` : `${fence}${tex}${fence}`;
}

/** A spaced `$ … $` formula is at most this long, so deciding it never waits long or rescans far. */
export const SPACED_MAX = 200;

/** The next unescaped `$` in `line` within SPACED_MAX characters after `from`, or -1. */
export function spacedClose(line: string, from: number): number {
  for (let i = from; i < line.length && i < from + SPACED_MAX; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '$') return i;
  }
  return -1;
}
