/**
 * Math typed without delimiters — "Solve 2x + 3 = 11", "Factor x^2 - 9" — as students (and teachers pasting a
 * list) often write it. Display code wraps such runs in `$…$` so they are typeset like the rest; the text sent
 * to a model is left as typed. Conservative: a run of math-looking words counts only with a relation (`=`,
 * `<`, `>`), a power, or an operator next to a variable; a line with any LaTeX or `$` is left alone.
 */

/** Function names written out in plain math, and their LaTeX. */
const FUNCTIONS: Record<string, string> = { sin: '\\sin', cos: '\\cos', tan: '\\tan', ln: '\\ln', log: '\\log', exp: '\\exp', sqrt: '\\sqrt' };

/** A word that can be part of a formula: numbers, single letters, operators, brackets, known functions. */
function isMathWord(word: string): boolean {
  if (!/^[0-9a-zA-Z^+\-*/=().,<>]+$/.test(word)) return false;
  const runs = word.match(/[a-zA-Z]+/g) ?? [];
  const hasOther = /[0-9^+\-*/=()<>]/.test(word);
  // "2xy" and "xy^2" are products; "is", "of", "to" alone are words.
  return runs.every((r) => r.length === 1 || r.toLowerCase() in FUNCTIONS || (r.length === 2 && hasOther));
}

function qualifies(run: string): boolean {
  if (/[=<>^]/.test(run)) return /[0-9a-zA-Z]/.test(run);
  return /[a-zA-Z]/.test(run) && /[0-9a-zA-Z)]\s*[+\-*/]\s*[0-9a-zA-Z(]/.test(run);
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

/** Plain math notation as LaTeX: `*` as a dot, `<=` as ≤, grouped powers and function arguments in braces. */
export function plainMathToLatex(math: string): string {
  let out = '';
  for (let i = 0; i < math.length; i++) {
    const c = math[i]!;
    const name = /^[a-zA-Z]+/.exec(math.slice(i))?.[0];
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

/** One line with each run of plain math wrapped in `$…$`; lines holding LaTeX or dollars are returned as typed. */
export function markBareMath(line: string): string {
  if (/[$\\`]/.test(line)) return line;
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
