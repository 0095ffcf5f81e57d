/**
 * Reading the instruction around a problem's math, as textbooks word it: what to do ("Find the product",
 * "Solve the rational equation"), how ("by completing the square", "by addition"), in what form ("in interval
 * notation", "with positive exponents", "State the excluded values") and for which letter ("for x"). Pure: text
 * in, a small structured value out. Words outside the vocabulary are reported, so the solver can decline a
 * problem whose words may change the question.
 */

export type Action = 'solve' | 'factor' | 'expand' | 'simplify' | 'evaluate' | 'derivative' | 'auto';

/** A method the instruction asks for. */
export type Method =
  | 'factoring'
  | 'square-roots'
  | 'completing-the-square'
  | 'quadratic-formula'
  | 'substitution'
  | 'elimination'
  | 'graphing'
  | 'grouping';

/** A form the answer must take. */
export type AnswerForm = 'interval' | 'positive-exponents' | 'excluded-values';

export interface Reading {
  action?: Action;
  method?: Method;
  forms: AnswerForm[];
  variable?: string;
  order?: number;
  /** "assuming a is positive". */
  positive?: boolean;
  /** Words outside the instruction vocabulary, in order of first use. */
  unread: string[];
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * Words a worksheet instruction uses around the math without changing what is asked: verbs the solver acts on,
 * methods, answer-format requests and filler. Anything else (remainder, round, maximum, how many, gallons …) may
 * change the question, so the problem is not the math alone.
 */
export const INSTRUCTION_WORDS = new Set(
  (
    'a an the and or of in on to for by as if is are be it its into with using use each your you their please what ' +
    'solve solving solution solutions find calculate compute evaluate simplify simplified simplest factor factorise factorize ' +
    'factored completely fully expand multiply write give enter eneter answer answers express result ' +
    'following given exercise exercises problem equation equations inequality inequalities system systems expression ' +
    'expressions polynomial trinomial binomial radical fraction fractions decimal decimals form forms general lowest terms ' +
    'interval notation ordered pair pairs triple substitution subsitution elimination gaussian method ' +
    'derivative derivatives differentiate first second third order higher respect wrt dy dx function functions ' +
    'perfect square squares difference cube pattern where there can more than one no not should keep free ' +
    'spaces space separate separated commas comma correct choose requested parameter parameters component inconsistent ' +
    'further possible possibly variable variables value values roots real numbers whole number natural set ' +
    'leave rationalize rationalise denominator common greatest gcf out fully determine show work step steps ' +
    // Textbook section wording: methods, kinds of equation and expression, answer forms.
    'quadratic linear rational factoring completing formula addition graphing grouping product products sum sums ' +
    'binomials trinomials polynomials monomial monomials state excluded exponent exponents positive negative ' +
    'indicated operation operations this these following all any final exact exactly form'
  ).split(' '),
);

/** The words of an instruction that are not instruction vocabulary. */
export function unreadWordsOf(prose: string): string[] {
  const words = prose.toLowerCase().replace(/\\[a-z]+/g, ' ').match(/[a-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !INSTRUCTION_WORDS.has(w)))];
}

/** What an instruction asks: action, method, answer forms, variable. */
export function readInstruction(text: string): Reading {
  const t = text.toLowerCase();
  const r: Reading = { forms: [], unread: unreadWordsOf(text) };
  if (/deriv|differentiat|\bd\/d[a-z]\b|dy\/dx|\\frac\{d\}/.test(t)) r.action = 'derivative';
  else if (/\bfactor(?!ing)|\bfactori[sz]e/.test(t)) r.action = 'factor';
  else if (/\bexpand\b|\bmultiply\b|\bsquare each binomial|\bproducts?\b/.test(t)) r.action = 'expand';
  else if (/\bsimplify\b|\bcollect\b|\bcombine\b|\bsum or difference\b|\bindicated operations?\b|\bpositive exponents?\b/.test(t)) r.action = 'simplify';
  else if (/\bsolve\b|\bfind\b|\bcalculate [a-z]\b/.test(t)) r.action = 'solve';
  else if (/\b(calculate|evaluate|compute|work out|what is)\b/.test(t)) r.action = 'evaluate';
  // "Solve … by factoring" asks for a method; "Factor …" alone is the action above.
  if (/substitution|subsitution/.test(t)) r.method = 'substitution';
  else if (/elimination|eliminate|\bby addition\b|addition method/.test(t)) r.method = 'elimination';
  else if (/completing the square|complete the square/.test(t)) r.method = 'completing-the-square';
  else if (/quadratic formula/.test(t)) r.method = 'quadratic-formula';
  else if (/square root (?:property|method)|taking (?:the )?square roots?|by square roots/.test(t)) r.method = 'square-roots';
  else if (/graphing|graphically/.test(t)) r.method = 'graphing';
  else if (/by grouping/.test(t)) r.method = 'grouping';
  else if (/by factoring|factoring method/.test(t) && r.action !== 'factor') r.method = 'factoring';
  if (/interval notation/.test(t)) r.forms.push('interval');
  if (/positive exponents?/.test(t)) r.forms.push('positive-exponents');
  if (/excluded values?|restrictions? on the variable/.test(t)) r.forms.push('excluded-values');
  const ord = /\b(first|second|third|fourth)[- ](?:order )?derivative/.exec(t);
  if (ord) r.order = ORDINALS[ord[1]!];
  if (/assuming [a-z] is positive/.test(t)) r.positive = true;
  // "for x:", "for $x$", "for x in the equation …"; not "for a real number".
  const forVar = /\b(?:for|wrt|respect to)\s+(?:\$([a-zA-Z])\$|([a-zA-Z])(?=\s*(?:[:.,;?]|$)|\s+(?:in|and|if|when|by|using)\b))/.exec(text);
  if (forVar) r.variable = forVar[1] ?? forVar[2];
  return r;
}

const WORD = /^[A-Za-z]{2,}$/;

/**
 * Plain text with no math delimiters: the instruction words before and after the math, and the math between.
 * A leading run and a trailing run of vocabulary words (with "for x" and punctuation) are instruction; the
 * first word outside the vocabulary ends the run, so prose never becomes math: it stays in the middle, where
 * the math parser refuses it. Returns null when there are no instruction words around the math.
 */
export function splitPlainInstruction(text: string): { before: string; math: string; after: string } | null {
  const toks = [...text.matchAll(/[A-Za-z]+|\s+|[^A-Za-z\s]/g)].map((m) => ({ s: m[0], at: m.index! }));
  const isVar = (k: number) => /^[a-zA-Z]$/.test(toks[k]?.s ?? '');
  const isSpace = (k: number) => /^\s+$/.test(toks[k]?.s ?? '');
  const nextWord = (k: number, dir: 1 | -1) => {
    let j = k + dir;
    while (isSpace(j)) j += dir;
    return j;
  };
  // Leading run.
  let i = 0;
  let lastInstr = 0;
  while (i < toks.length) {
    const s = toks[i]!.s;
    if (isSpace(i)) i++;
    else if (/^an?$/i.test(s) && INSTRUCTION_WORDS.has(toks[nextWord(i, 1)]?.s.toLowerCase() ?? '')) {
      // A lone "a" is a variable unless an instruction word follows ("a system", "a quadratic").
      i++;
      lastInstr = i;
    } else if (WORD.test(s) && INSTRUCTION_WORDS.has(s.toLowerCase())) {
      // "for x" names the unknown: the letter is instruction only when prose or punctuation follows it.
      if (/^(?:for|wrt)$/i.test(s) && isVar(nextWord(i, 1))) {
        const after = nextWord(nextWord(i, 1), 1);
        const a = toks[after]?.s ?? '';
        if (!(/^[:.,]$/.test(a) || (WORD.test(a) && INSTRUCTION_WORDS.has(a.toLowerCase())))) break;
        i = after;
        lastInstr = i;
        continue;
      }
      i++;
      lastInstr = i;
    } else if (/^[:.,;]$/.test(s) && lastInstr > 0) {
      i++;
      lastInstr = i;
    } else break;
  }
  const start = lastInstr;
  // Trailing run: sentences or phrases after the math ("… by factoring.", "… State the excluded values.").
  let j = toks.length - 1;
  let firstTrail = toks.length;
  while (j >= start) {
    const s = toks[j]!.s;
    if (isSpace(j) || /^[.?]$/.test(s)) j--;
    else if (WORD.test(s) && INSTRUCTION_WORDS.has(s.toLowerCase())) {
      j--;
      firstTrail = j + 1;
    } else if (isVar(j) && /^(?:for|wrt)$/i.test(toks[nextWord(j, -1)]?.s ?? '')) {
      j = nextWord(j, -1) - 1;
      firstTrail = j + 1;
    } else if (/^[.,;:]$/.test(s) && firstTrail < toks.length) {
      j--;
      firstTrail = j + 1;
    } else break;
  }
  // A word of two or more letters right next to the instruction ("Is it so", "Factor: me and you") is more
  // prose, not a product of letters: leave such text to the math parser, which refuses it.
  const proseNext = (k: number) => WORD.test(toks[k]?.s ?? '') && !/^(?:sin|cos|tan|sec|csc|cot|ln|log|exp|sqrt|abs|pi|nthroot)/i.test(toks[k]!.s);
  if ((start > 0 && proseNext(nextWord(start - 1, 1))) || (firstTrail < toks.length && proseNext(nextWord(firstTrail, -1)))) return null;
  const at = (k: number) => (k < toks.length ? toks[k]!.at : text.length);
  const before = text.slice(0, at(start));
  const after = text.slice(at(firstTrail));
  const math = text.slice(at(start), at(firstTrail)).replace(/[\s,.;:]+$/, '').trim();
  if (!/[a-z]{2}/i.test(before) && !/[a-z]{2}/i.test(after)) return null;
  if (!math) return null;
  return { before, math, after };
}
