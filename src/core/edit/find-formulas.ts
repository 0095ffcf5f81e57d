/**
 * The formulas in a Markdown + LaTeX body as the renderer sees them: `$$…$$` blocks and `$…$` inline math
 * (remark-math's syntax), skipping code spans and fenced code, and `\$` escapes. Used to list the formulas
 * KaTeX cannot render, numbered in reading order like the teacher sees them.
 */

export interface FoundFormula {
  tex: string;
  display: boolean;
  /** Where the formula (with its delimiters) starts in the body. */
  at: number;
}

export function findFormulas(body: string): FoundFormula[] {
  const out: FoundFormula[] = [];
  let i = 0;
  let lineStart = true;
  while (i < body.length) {
    const c = body[i]!;
    if (lineStart && body.startsWith('```', i)) {
      // A fenced code block: skip to its closing fence (or the end).
      const close = body.indexOf('\n```', i + 3);
      i = close < 0 ? body.length : close + 4;
      lineStart = false;
      continue;
    }
    lineStart = c === '\n' || (lineStart && (c === ' ' || c === '\t'));
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(body.slice(i))![0];
      const close = body.indexOf(run, i + run.length);
      i = close < 0 ? i + run.length : close + run.length;
      continue;
    }
    if (c !== '$') {
      i++;
      continue;
    }
    const display = body[i + 1] === '$';
    const open = display ? '$$' : '$';
    const end = closingDollar(body, i + open.length, open);
    if (end < 0) {
      i += open.length;
      continue;
    }
    const tex = body.slice(i + open.length, end).trim();
    if (tex !== '') out.push({ tex, display, at: i });
    i = end + open.length;
  }
  return out;
}

/** The position of the closing delimiter, or -1; inline math never spans a blank line. */
function closingDollar(body: string, from: number, delim: string): number {
  for (let j = from; j < body.length; j++) {
    const c = body[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (delim === '$' && c === '\n' && body[j + 1] === '\n') return -1;
    if (body.startsWith(delim, j) && (delim === '$$' || body[j + 1] !== '$')) return j;
  }
  return -1;
}
