/**
 * Text-level preparation of a line of math before the solver's parser reads it: delimiters, \boxed, words
 * ("or", "and", "no solution"), implication arrows, display environments, and the split of "a = b = c" at its
 * relation signs. Pure string work; no math is decided here.
 */
import type { RelOp } from '../solver/expr.ts';

/** Contents of every \boxed{…} (nested braces respected) in place of the box. */
export function unbox(s0: string): string {
  let s = s0;
  for (;;) {
    const i = s.indexOf('\\boxed');
    if (i < 0) return s;
    const open = s.indexOf('{', i);
    if (open < 0) return s.slice(0, i) + s.slice(i + 6);
    let depth = 0;
    let j = open;
    for (; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) break;
    }
    s = s.slice(0, i) + s.slice(open + 1, j) + s.slice(j + 1);
  }
}

/** The last \boxed{…} of a text, or null. */
export function lastBoxed(s: string): string | null {
  const i = s.lastIndexOf('\\boxed');
  if (i < 0) return null;
  const open = s.indexOf('{', i);
  if (open < 0) return null;
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return s.slice(open + 1, j);
  }
  return null;
}

const FN_WORDS = /^(?:sin|cos|tan|sec|csc|cot|ln|log|exp|sqrt)$/i;

function textWords(w0: string): string {
  const w = w0.trim().toLowerCase();
  if (w === 'or') return ' \\OR ';
  if (w === 'and' || w === ',' || w === '') return ' , ';
  if (/^no (?:real )?solutions?$/.test(w)) return ' \\NONE ';
  if (/^all real numbers(?: [a-z])?$/.test(w)) return ' \\ALL ';
  if (FN_WORDS.test(w)) return ` \\${w} `;
  if (/^[a-z]$/.test(w)) return ` ${w} `;
  return ` \\TEXT `;
}

/** Normalises a line for reading; null when it holds words that are not math. */
export function cleanMath(text: string): string | null {
  let s = unbox(text);
  s = s.replace(/\$\$?/g, ' ').replace(/\\\[|\\\]|\\\(|\\\)/g, ' ');
  // Only what follows the last implication arrow is the state ("2x = 8 \Rightarrow x = 4").
  const arrows = /\\(?:Rightarrow|implies|Longrightarrow|therefore|iff|Leftrightarrow|Longleftrightarrow|to)(?![a-zA-Z])|⇒|⟹|→|⟺|∴/g;
  const parts = s.split(arrows);
  s = parts.at(-1)!;
  s = s.replace(/\\begin\{cases\}|\\end\{cases\}/g, ' ');
  s = s.replace(/\\(?:begin|end)\{[a-zA-Z*]+\}(?:\{[^}]*\})?/g, ' ');
  s = s.replace(/\\\\/g, ' , ').replace(/&/g, ' ');
  s = s.replace(/\\left\.|\\right\./g, ' ').replace(/\\(?:left|right)(?![a-zA-Z])/g, '');
  // Units after a value ("= 68.9 \text{ dB}") and a label before it ("\text{Area} =") are not math.
  s = s.replace(/([\d}])\s*\\(?:text|mathrm)\s*\{\s*[a-zA-Z][a-zA-Z .]*\}\s*$/, '$1');
  s = s.replace(/^\s*\\(?:text|mathrm)\s*\{[^{}]*\}\s*(?==)/, 'LABEL ');
  s = s.replace(/\\(?:text|textrm|mathrm|mbox|textnormal|operatorname)\s*\{([^{}]*)\}/g, (_, w: string) => textWords(w));
  if (s.includes('\\TEXT')) return null;
  s = s.replace(/\\(?:lor|vee)(?![a-zA-Z])/g, ' \\OR ').replace(/\\(?:land|wedge)(?![a-zA-Z])/g, ' , ');
  s = s.replace(/\\mathbb\s*\{?\s*R\s*\}?/g, ' \\ALL ').replace(/\\(?:emptyset|varnothing)(?![a-zA-Z])|∅/g, ' \\NONE ');
  s = s.replace(/\\(?:quad|qquad)(?![a-zA-Z])|\\[,;:! ]|~/g, ' ').replace(/\\(?:displaystyle|textstyle)(?![a-zA-Z])/g, ' ');
  // Words as students type them.
  s = s.replace(/\bno (?:real )?solutions?\b/gi, ' \\NONE ').replace(/\ball real numbers(?: [a-z](?![a-zA-Z]))?/gi, ' \\ALL ');
  s = s.replace(/(^|[^\\a-zA-Z])or(?![a-zA-Z])/g, '$1 \\OR ').replace(/(^|[^\\a-zA-Z])and(?![a-zA-Z])/g, '$1 , ');
  s = s.replace(/^\s*(?:so|thus|hence|therefore|answer:?|final answer:?)\s+/i, '');
  s = s.replace(/\\\{\s*\\\}|^\s*\{\s*\}\s*$/g, ' \\NONE ');
  s = s.replace(/\s+/g, ' ').trim().replace(/[\s.,;]+$/, '').replace(/^[\s,]+/, '');
  return s.length ? s : null;
}

/** The alternatives of a line joined by "or". */
export function splitOr(s: string): string[] {
  return s
    .split(/\s*\\OR\s*/)
    .map((x) => x.trim().replace(/^,|,$/g, '').trim())
    .filter((x) => x.length > 0);
}

const REL = /^(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt)(?![a-zA-Z])|<=|>=|=<|=>|≤|≥|<|>|=)/;
const REL_OP: Record<string, RelOp> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '=<': '<=',
  '≤': '<=',
  '\\le': '<=',
  '\\leq': '<=',
  '\\leqslant': '<=',
  '\\lt': '<',
  '>=': '>=',
  '=>': '>=',
  '≥': '>=',
  '\\ge': '>=',
  '\\geq': '>=',
  '\\geqslant': '>=',
  '\\gt': '>',
};

/** "a = b < c" → parts [a, b, c] and ops [=, <], split only outside brackets. */
export function splitChain(s: string): { parts: string[]; ops: RelOp[] } | null {
  const parts: string[] = [];
  const ops: RelOp[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    if (depth === 0) {
      const m = REL.exec(s.slice(i));
      if (m) {
        parts.push(cur.trim());
        ops.push(REL_OP[m[0]]!);
        cur = '';
        i += m[0].length;
        continue;
      }
    }
    cur += c;
    i++;
  }
  parts.push(cur.trim());
  if (parts.some((p) => p.length === 0)) return null;
  return { parts, ops };
}

/**
 * A name on the left of "=" that is not part of the math: f(x), f'(x), f''(x), y', \frac{dy}{dx},
 * \frac{d}{dx}\left[…\right], d/dx(…). In an expression chain a lone letter ("y = 3x^2") names it too.
 */
export function isNamePart(p: string, reading: string): boolean {
  const s = p.trim();
  if (/^[a-zA-Z]\s*(?:'+|\^\{?\(\d+\)\}?|_\{?\w+\}?)?\s*\(\s*[a-zA-Z]\s*\)$/.test(s) && !/^(?:[a-zA-Z])\s*\(\s*[a-zA-Z]\s*\)$/.test(s)) return true;
  if (/^[a-zA-Z]\s*\(\s*[a-zA-Z]\s*\)$/.test(s) && /^[fghFGHpqPQrRsSuUvVyY]/.test(s)) return true;
  if (/^[a-zA-Z]'+$/.test(s)) return true;
  if (/^\\frac\s*\{\s*d\s*(?:\^\s*\{?\d+\}?)?\s*[a-zA-Z]?\s*\}\s*\{\s*d\s*[a-zA-Z]\s*(?:\^\s*\{?\d+\}?)?\s*\}/.test(s)) return true;
  if (/^d(?:\^?\d)?[a-zA-Z]?\s*\/\s*d[a-zA-Z]/.test(s)) return true;
  if (reading === 'expr' && /^[a-zA-Z]$/.test(s)) return true;
  // A label or an indexed name: "\text{Area} =", "h_4 =", "a_{n} =", "P(A) =".
  if (s === 'LABEL' || /^[a-zA-Z](?:_\{?[\w,]+\}?)+$/.test(s) || /^P\s*\(.*\)$/.test(s)) return true;
  return false;
}

/** "a \pm b" as the two lines a + b and a - b. */
export function expandPm(s: string): string[] {
  if (!/\\pm|±|\\mp|∓/.test(s)) return [s];
  return [s.replace(/\\pm|±|\\mp|∓/, '+'), s.replace(/\\pm|±|\\mp|∓/, '-')];
}

/** Rows of a display block: "\begin{aligned} x &= 8/2 \\ &= 4 \end{aligned}" → one chain "x = 8/2 = 4". */
export function displayRows(block: string): { rows: string[]; cases: boolean } {
  const cases = /\\begin\{cases\}/.test(block);
  const inner = block.replace(/\\(?:begin|end)\{[a-zA-Z*]+\}(?:\{[^}]*\})?/g, ' ');
  const raw = inner
    .split(/\\\\(?:\[[^\]]*\])?/)
    .map((r) => r.replace(/&/g, ' ').replace(/\\(?:tag|label)\{[^}]*\}/g, ' ').trim())
    .filter((r) => r.length > 0);
  const rows: string[] = [];
  for (const r of raw) {
    // A row that starts with a relation sign continues the row before it.
    if (rows.length > 0 && REL.test(r)) rows[rows.length - 1] += ` ${r}`;
    else rows.push(r);
  }
  return { rows, cases };
}
