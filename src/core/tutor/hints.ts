/**
 * The first two hints of a hidden step: what to do (the rule the step applied) and the shape of its result
 * with the numbers to find blanked out ("2 x = \square"). Built offline from the step itself.
 *
 * Shape rule: constant terms (and a side that is only a number, except a lone 0) become \square; in an
 * expression the number coefficients too ("x^{2} - \square x + \square"); in an equation the coefficients
 * only when there is no constant to blank. Exponents stay. Nothing to blank: no shape.
 */
import * as R from '../solver/rational.ts';
import { type Expr, type Rel, tex, relTex, variables, v as varE, neg } from '../solver/expr.ts';
import type { Step } from '../solution/solution.ts';
import type { StepHints } from './types.ts';
import { readStatement, statementVars, type Statement } from './read-statement.ts';
import { statementKey } from './structure-keys.ts';

const BLANK = 'BLANKBOX';
const blank = (): Expr => varE(BLANK);
const isNumber = (e: Expr) => variables(e).size === 0;

/** The body's first sentence, outside math, up to its first ":" or "." (the rest may give the result away). */
export function firstSentence(body: string): string | null {
  const text = body.split(/\n\s*\$\$/)[0]!.trim();
  let inMath = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '$') inMath = !inMath;
    if (inMath) continue;
    if (c === ':' || c === '\n' || (c === '.' && (i + 1 === text.length || /\s/.test(text[i + 1]!)) && !/\d$/.test(text.slice(0, i)))) {
      return finish(text.slice(0, i));
    }
  }
  return finish(text);
}

function finish(s: string): string | null {
  const t = s.trim().replace(/[,;]$/, '');
  if (!t || t.length > 200) return null;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// Imperatives a rule starts with ("Subtract 3 from both sides", "Use the quadratic formula").
const RULE_START =
  /^(?:subtract|add|multiply|divide|factor|expand|simplify|substitute|plug|use|apply|move|combine|collect|isolate|take|rewrite|distribute|cancel|clear|square|set|solve|differentiate|write|bring|group|complete|raise|reduce|replace|evaluate|compute|calculate|work out|find|let|recall|notice|start|first|next|then|to )/i;

/**
 * Would the sentence give the result away? Its math with "=" must be an equation that is not the state itself
 * ("Subtract 3 from both sides of 2x + 3 = 11"), never a worked computation ("Work out 2 + 2 = 4").
 */
function revealing(sentence: string, state: string | null): boolean {
  if (/^substitute\b/i.test(sentence)) return false;
  const own = state === null ? null : readStatement(state);
  for (const m of sentence.matchAll(/\$([^$]+)\$/g)) {
    if (!/=|<|>|\\le|\\ge/.test(m[1]!)) continue;
    const s = readStatement(m[1]!);
    if (!s || s.kind === 'expr' || statementVars(s).size === 0) return true;
    if (own && statementKey(s, 'numbers') === statementKey(own, 'numbers')) return true;
  }
  return /=/.test(sentence.replace(/\$[^$]+\$/g, ''));
}

function ruleOf(step: Step, state: string | null): string {
  const sentence = firstSentence(step.body);
  const title = step.title.trim();
  if (sentence && RULE_START.test(sentence) && !revealing(sentence, state)) return sentence;
  if (title) return /[.!?]$/.test(title) ? title : `${title}.`;
  return sentence && !revealing(sentence, state) ? sentence : 'Work out the next step.';
}

// ---- shapes -------------------------------------------------------------------------------------------------

interface Count {
  n: number;
}

/** Blank the constant terms of a sum (or a number-only e); coefficients too when asked. */
function blankExpr(e: Expr, coeffs: boolean, count: Count, top = true): Expr {
  if (isNumber(e)) {
    if (top && e.t === 'num' && R.isZero(e.v)) return e;
    count.n++;
    // A whole side keeps no sign (x = \square); a term inside a sum does (x - \square).
    return negative(e) && !top ? neg(blank()) : blank();
  }
  switch (e.t) {
    case 'add':
      return { t: 'add', args: e.args.map((a) => blankTerm(a, coeffs, count)) };
    case 'neg':
      return { t: 'neg', arg: blankExpr(e.arg, coeffs, count, false) };
    case 'mul':
      return blankTerm(e, coeffs, count);
    case 'div':
      return { t: 'div', num: blankExpr(e.num, coeffs, count, false), den: blankExpr(e.den, coeffs, count, false) };
    case 'pow':
      return { t: 'pow', base: blankExpr(e.base, coeffs, count, false), exp: e.exp };
    case 'fn':
      return { ...e, args: e.args.map((a) => blankExpr(a, coeffs, count, false)) };
    default:
      return e;
  }
}

function negative(e: Expr): boolean {
  return (e.t === 'num' && R.isNeg(e.v)) || e.t === 'neg';
}

function blankTerm(t: Expr, coeffs: boolean, count: Count): Expr {
  if (isNumber(t)) {
    count.n++;
    return negative(t) ? neg(blank()) : blank();
  }
  if (t.t === 'neg') return { t: 'neg', arg: blankTerm(t.arg, coeffs, count) };
  if (t.t === 'mul') {
    return {
      t: 'mul',
      args: t.args.map((a) => {
        if (isNumber(a) && a.t === 'num') {
          if (!coeffs) return a;
          count.n++;
          return negative(a) ? neg(blank()) : blank();
        }
        return blankExpr(a, coeffs, count, false);
      }),
    };
  }
  return blankExpr(t, coeffs, count, false);
}

function blankRel(r: Rel, coeffs: boolean, count: Count): Rel {
  return { ...r, lhs: blankExpr(r.lhs, coeffs, count), rhs: blankExpr(r.rhs, coeffs, count) };
}

function render(s: Statement, coeffs: boolean, count: Count): string | null {
  switch (s.kind) {
    case 'expr':
      return tex(blankExpr(s.expr, coeffs, count));
    case 'eqs':
      return s.rels.length === 0 ? null : s.rels.map((r) => relTex(blankRel(r, coeffs, count))).join(' \\quad\\text{or}\\quad ');
    case 'system':
      return s.rels.length === 1 ? relTex(blankRel(s.rels[0]!, coeffs, count)) : `\\begin{cases} ${s.rels.map((r) => relTex(blankRel(r, coeffs, count))).join(' \\\\ ')} \\end{cases}`;
    case 'ineq':
      return relTex(blankRel(s.rel, coeffs, count));
    case 'interval': {
      const end = (e: Expr | null, inf: string) => (e === null ? inf : tex(blankExpr(e, coeffs, count)));
      return `${s.loClosed ? '[' : '('}${end(s.lo, '-\\infty')}, ${end(s.hi, '\\infty')}${s.hiClosed ? ']' : ')'}`;
    }
    default:
      return null;
  }
}

/** The state with its numbers blanked, or null when nothing sensible is left to blank. */
export function shapeOf(state: string): string | null {
  const s = readStatement(state, /\\begin\{cases\}/.test(state) ? { reading: 'system', unknown: null, tupleVars: null } : undefined);
  if (!s) return null;
  for (const coeffs of s.kind === 'expr' ? [true] : [false, true]) {
    const count = { n: 0 };
    const out = render(s, coeffs, count);
    if (out && count.n > 0) return out.replace(new RegExp(`\\\\mathit\\{${BLANK}\\}`, 'g'), '\\square');
  }
  return null;
}

export function stepHints(step: Step, state: string | null): StepHints {
  let shape: string | null;
  try {
    shape = state === null ? null : shapeOf(state);
  } catch {
    shape = null;
  }
  let rule: string;
  try {
    rule = ruleOf(step, state);
  } catch {
    rule = step.title.trim() || 'Work out the next step.';
  }
  return { rule, shape };
}
