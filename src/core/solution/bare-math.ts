/**
 * Math typed without delimiters — "Solve 2x + 3 = 11", "Factor x^2 - 9", "Solve x² − 5x + 6 = 0" — as students
 * (and teachers pasting a list) often write it. Display code wraps such runs in `$…$` so they are typeset like
 * the rest; the text sent to a model is left as typed. Conservative: a run of math-looking words counts only
 * with a relation (`=`, `<`, `>`), a power, a root, π, or an operator next to a variable ("2pi" counts, "pie"
 * and "spin" are words); a line with LaTeX, or with a `$` that the parser reads as math, is left alone.
 */
import { MathConverter } from './math-convert.ts';
import { asciiOperators, ROOT, STRONG_MATH, SUPERSCRIPT, SYMBOL, UNICODE_MATH_CHARS } from './unicode-math.ts';

/** Function names written out in plain math, and their LaTeX. */
const FUNCTIONS: Record<string, string> = { sin: '\\sin', cos: '\\cos', tan: '\\tan', ln: '\\ln', log: '\\log', exp: '\\exp', sqrt: '\\sqrt' };

/** A word that can be part of a formula: numbers, single letters, operators, brackets, known functions. */
const MATH_WORD = new RegExp(`^[0-9a-zA-Z^+\\-*/=().,<>${UNICODE_MATH_CHARS}]+$`);
const MATH_OTHER = new RegExp(`[0-9^+\\-*/=()<>${UNICODE_MATH_CHARS}]`);

function isMathWord(word: string): boolean {
  if (!MATH_WORD.test(word)) return false;
  const runs = word.match(/[a-zA-Z]+/g) ?? [];
  const hasOther = MATH_OTHER.test(word);
  // "2xy", "xy^2" and "2pi" are products; "is", "of", "to", "pi" alone are words.
  return runs.every((r) => r.length === 1 || r.toLowerCase() in FUNCTIONS || (r.length === 2 && hasOther));
}

function qualifies(run: string): boolean {
  if (STRONG_MATH.test(run)) return /[0-9a-zA-Zπ∞]/.test(run);
  // A typed math operator between two operands ("12 ÷ 4", "3 − x"); a bare "3 + 4" may be prose, "12 ÷ 4" is not.
  if (/[0-9a-zA-Z)]\s*[×÷−·⋅]\s*[0-9a-zA-Z(]/.test(run)) return true;
  const ascii = asciiOperators(run);
  if (/[=<>^]/.test(ascii)) return /[0-9a-zA-Z]/.test(ascii);
  if (/\dpi(?![a-zA-Z])/.test(ascii)) return true;
  return /[a-zA-Z]/.test(ascii) && /[0-9a-zA-Z)]\s*[+\-*/]\s*[0-9a-zA-Z(]/.test(ascii);
}

/** Index of the `)` matching the `(` at `open`, or -1. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Plain math notation as LaTeX: `*` as a dot, `<=` as ≤, grouped powers and function arguments in braces, typed
 * Unicode (`x²`, `√(x+1)`, `π`, `×`, `≤`, `−`) and a "pi" after a number or sign as `\pi`. */
export function plainMathToLatex(math: string): string {
  let out = '';
  for (let i = 0; i < math.length; i++) {
    const c = math[i]!;
    const name = /^[a-zA-Z]+/.exec(math.slice(i))?.[0];
    if (name === 'pi' && !/[a-zA-Z]/.test(math[i - 1] ?? '')) {
      out += '\\pi ';
      i++;
      continue;
    }
    const unicode = unicodeAt(math, i);
    if (unicode) {
      out += unicode.tex;
      i += unicode.length - 1;
      continue;
    }
    if (name && name.toLowerCase() in FUNCTIONS) {
      const tex = FUNCTIONS[name.toLowerCase()]!;
      i += name.length - 1;
      if (tex === '\\sqrt' && math[i + 1] === '(') {
        const close = matchParen(math, i + 1);
        if (close > 0) {
          out += `\\sqrt{${plainMathToLatex(math.slice(i + 2, close))}}`;
          i = close;
          continue;
        }
      }
      out += `${tex} `;
      continue;
    }
    if (c === '*') out += ' \\cdot ';
    else if ((c === '<' || c === '>') && math[i + 1] === '=') {
      out += c === '<' ? '\\le ' : '\\ge ';
      i++;
    } else if (c === '^') {
      const next = math[i + 1];
      if (next === '(') {
        const close = matchParen(math, i + 1);
        if (close > 0) {
          out += `^{${plainMathToLatex(math.slice(i + 2, close))}}`;
          i = close;
          continue;
        }
      }
      const power = /^-?\d+(?:\.\d+)?|^-?[a-zA-Z]/.exec(math.slice(i + 1))?.[0];
      if (power) {
        out += `^{${power}}`;
        i += power.length;
      } else out += '^';
    } else out += c;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** The typed Unicode symbol at `i` (a run of superscripts, a root with its radicand, π, ×…) as LaTeX, or null. */
function unicodeAt(math: string, i: number): { tex: string; length: number } | null {
  const c = math[i]!;
  if (c in SUPERSCRIPT) {
    let j = i;
    while (j < math.length && math[j]! in SUPERSCRIPT) j++;
    return { tex: `^{${[...math.slice(i, j)].map((ch) => SUPERSCRIPT[ch]).join('')}}`, length: j - i };
  }
  const root = ROOT[c];
  if (root !== undefined) {
    const close = math[i + 1] === '(' ? matchParen(math, i + 1) : -1;
    if (close > 0) return { tex: `\\sqrt${root}{${plainMathToLatex(math.slice(i + 2, close))}}`, length: close - i + 1 };
    const operand = /^(?:\d+(?:\.\d+)?|[a-zA-Zπ])/.exec(math.slice(i + 1))?.[0];
    if (operand) return { tex: `\\sqrt${root}{${plainMathToLatex(operand)}}`, length: 1 + operand.length };
    return { tex: '\\surd ', length: 1 };
  }
  const sym = SYMBOL[c];
  return sym === undefined ? null : { tex: sym, length: 1 };
}

/** Whether the line holds a formula in `$…$` by the parser's rules ("$5 and $10" does not). */
function hasDollarMath(line: string): boolean {
  let found = false;
  const conv = new MathConverter({ text: () => undefined, display: () => (found = true), math: () => (found = true) });
  conv.feed(line);
  conv.endLine();
  conv.finish();
  return found;
}

/** One line with each run of plain math wrapped in `$…$`; lines holding LaTeX or math in dollars are returned as typed. */
export function markBareMath(line: string): string {
  if (/[\\`]/.test(line) || (line.includes('$') && hasDollarMath(line))) return line;
  const words = line.split(/(\s+)/);
  let out = '';
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const text = run.join('');
    const trimmed = text.replace(/\s+$/, '');
    const space = text.slice(trimmed.length);
    // Sentence punctuation after the formula stays text.
    const math = trimmed.replace(/[.,;:]$/, '');
    const tail = trimmed.slice(math.length);
    out += qualifies(math) ? `$${plainMathToLatex(math)}$${tail}${space}` : text;
    run = [];
  };
  for (const w of words) {
    if (/^\s+$/.test(w) || w === '') {
      if (run.length > 0) run.push(w);
      else out += w;
      continue;
    }
    // A question mark or similar ends a formula ("What is 2x + 1?").
    const m = /^(.*?)([?!]*)$/.exec(w)!;
    if (isMathWord(m[1]!) || (m[1] === '' && m[2] !== '')) {
      if (m[1] !== '') run.push(m[1]!);
      if (m[2] !== '') {
        flush();
        out += m[2];
      }
    } else {
      flush();
      out += w;
    }
  }
  flush();
  return out;
}
