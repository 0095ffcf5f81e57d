/**
 * Which state a line *is*, as opposed to whether it is correct: canonical text of a statement at increasing
 * coarseness, so lines written differently but meaning the same step get the same key.
 *
 * - `exact`: as written, up to spacing and LaTeX vs plain text (the line retypes a state).
 * - `order`: sides of an equation swapped, terms reordered, factors commuted, x·x = x², `x/2` = `\frac{1}{2}x`,
 *   the number factors of a product with letters multiplied (x·2 = 2x, 2·(−x) = −2x). Number-only products
 *   and sums stay as written, so 4·5 is not 20.
 * - `numbers`: also every number-only part worked out exactly (11 − 3 = 8, \frac{8}{2} = 4) and the numbers
 *   of a sum added; like terms are not combined and nothing is multiplied out, so 2x + 3x is not 5x.
 * - `approx`: also number-only parts with irrational values (√48 and 4√3) compared to 10 digits.
 * - `oneSide`: an equation as (left − right) = 0 up to sign, an inequality as (left − right) < 0 (so 2x − 8 = 0
 *   is 2x = 8), number-only parts worked out but the number terms not added up (2x + 4 − 20 = 0 is 2x + 4 = 20).
 */
import * as R from '../solver/rational.ts';
import type { Q } from '../solver/rational.ts';
import { type Expr, type Rel, variables, sub } from '../solver/expr.ts';
import { evalExact, evalC, DomainError } from '../solver/evaluate.ts';
import type { Statement } from './read-statement.ts';

export const LEVELS = ['exact', 'order', 'numbers', 'approx', 'oneSide'] as const;
export type Level = (typeof LEVELS)[number];

type Fold = 0 | 1 | 2; // 0: none, 1: exact rationals, 2: also floating point

interface Term {
  c: Q;
  /** The factors other than the number, as canonical text with exponents merged. */
  rest: string;
}

const isNumeric = (e: Expr) => variables(e).size === 0;

/** The value of a number-only expression when it is a literal: 3, 0.5, -2, \frac{2}{5} in lowest terms. */
function literal(e: Expr): Q | null {
  if (e.t === 'num') return e.v;
  if (e.t === 'neg') {
    const x = literal(e.arg);
    return x && R.neg(x);
  }
  if (e.t === 'div' && e.num.t === 'num' && e.den.t === 'num' && R.isInt(e.num.v) && R.isInt(e.den.v) && !R.isZero(e.den.v)) {
    const val = R.div(e.num.v, e.den.v);
    // \frac{8}{2} is not yet 4, but \frac{2}{5} is the number 2/5 however it is written.
    return val.d === R.qabs(e.den.v).n ? val : null;
  }
  return null;
}

function foldValue(e: Expr, fold: Fold): string | null {
  if (fold === 0 || !isNumeric(e)) return null;
  try {
    const x = evalExact(e, new Map());
    if (x) return R.qToString(x);
    if (fold < 2) return null;
    const c = evalC(e, new Map());
    if (!Number.isFinite(c.re) || Math.abs(c.im) > 1e-12 * Math.max(1, Math.abs(c.re))) return null;
    return `≈${Number(c.re.toPrecision(10))}`;
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

/** Canonical text of an expression. */
function key(e: Expr, fold: Fold, sumNumbers = true): string {
  const folded = foldValue(e, fold);
  if (folded !== null) return folded;
  const all = sumTerms(e, fold);
  // "… − 0" adds nothing, however the numbers are treated.
  const nonZero = fold > 0 ? all.filter((t) => !(t.rest === '' && R.isZero(t.c))) : all;
  const terms = nonZero.length ? nonZero : all.slice(0, 1);
  if (terms.length === 1) return termKey(terms[0]!);
  const keys = terms.map(termKey);
  if (fold > 0 && sumNumbers) {
    // The number terms of a sum, added.
    let c = R.ZERO;
    const rest: string[] = [];
    terms.forEach((t, i) => (t.rest === '' ? (c = R.add(c, t.c)) : rest.push(keys[i]!)));
    if (!R.isZero(c) || rest.length === 0) rest.push(R.qToString(c));
    return rest.length === 1 ? rest[0]! : `(${rest.sort().join(' + ')})`;
  }
  return `(${keys.sort().join(' + ')})`;
}

function termKey(t: Term): string {
  if (t.rest === '') return R.qToString(t.c);
  if (R.isOne(t.c)) return t.rest;
  if (R.eq(t.c, R.MINUS_ONE)) return `-${t.rest}`;
  return `${R.qToString(t.c)}*${t.rest}`;
}

function sumTerms(e: Expr, fold: Fold): Term[] {
  if (e.t === 'add') return e.args.flatMap((a) => sumTerms(a, fold));
  if (e.t === 'neg' && e.arg.t === 'add' && fold > 0) return sumTerms(e.arg, fold).map((t) => ({ ...t, c: R.neg(t.c) }));
  return [product(e, fold)];
}

/** A product as number × factors with exponents merged; number-only products stay as written unless folding. */
function product(e: Expr, fold: Fold): Term {
  const factors: { base: Expr; exp: Expr | null; inv: boolean }[] = [];
  let c = R.ONE;
  const walk = (x: Expr, inv: boolean) => {
    const lit = x.t === 'num' ? null : literal(x);
    if (lit) return factors.push({ base: { t: 'num', v: lit }, exp: null, inv });
    if (x.t === 'mul') return x.args.forEach((a) => walk(a, inv));
    if (x.t === 'neg') {
      c = R.neg(c);
      return walk(x.arg, inv);
    }
    if (x.t === 'div') {
      walk(x.num, inv);
      return walk(x.den, !inv);
    }
    factors.push({ base: x, exp: null, inv });
  };
  walk(e, false);
  const numeric = factors.every((f) => isNumeric(f.base));
  const parts = new Map<string, { exp: Q | null; exps: string[] }>();
  const numberParts: string[] = [];
  for (const f of factors) {
    const lit = literal(f.base) ?? (fold > 0 && isNumeric(f.base) ? foldedQ(f.base) : null);
    if (lit && (!numeric || fold > 0)) {
      if (f.inv && R.isZero(lit)) return { c: R.ONE, rest: 'undefined' };
      c = R.mul(c, f.inv ? R.inv(lit) : lit);
      continue;
    }
    if (numeric && fold === 0) {
      // 4·5 stays 4·5 (but 5·4 is the same): a number factor kept as written, its sign in c.
      const lv = literal(f.base);
      if (lv && R.isNeg(lv)) c = R.neg(c);
      const txt = lv ? R.qToString(R.qabs(lv)) : numberFactorKey(f.base);
      numberParts.push(f.inv ? `/${txt}` : txt);
      continue;
    }
    const { base, exp } = powerOf(f.base);
    const bk = atomKey(base, fold);
    const ek = exp === null ? R.ONE : (literal(exp) ?? (fold > 0 && isNumeric(exp) ? foldedQ(exp) : null));
    const slot = parts.get(bk) ?? { exp: R.ZERO, exps: [] };
    if (ek && slot.exp) slot.exp = R.add(slot.exp, f.inv ? R.neg(ek) : ek);
    else slot.exps.push(`${f.inv ? '-' : ''}${key(exp!, fold)}`);
    parts.set(bk, slot);
  }
  const rest: string[] = [...numberParts];
  for (const [bk, slot] of parts) {
    const symbolic = slot.exps.sort().join('+');
    if (slot.exp && R.isZero(slot.exp) && !symbolic) continue;
    const ex = [slot.exp && !R.isZero(slot.exp) ? R.qToString(slot.exp) : '', symbolic].filter(Boolean).join('+');
    rest.push(ex === '1' ? bk : `${bk}^{${ex}}`);
  }
  return { c, rest: rest.sort().join('*') };
}

/** A number-only factor kept as written (2^2, \sqrt{3}, (2 + 2)). */
function numberFactorKey(e: Expr): string {
  if (e.t === 'pow') return `${numberFactorKey(e.base)}^{${key(e.exp, 0)}}`;
  if (e.t === 'num') return R.qToString(e.v);
  if (e.t === 'add') return key(e, 0);
  if (e.t === 'fn') return atomKey(e, 0);
  return `[${JSON.stringify(e, (_k, val: unknown) => (typeof val === 'bigint' ? val.toString() : val))}]`;
}

function foldedQ(e: Expr): Q | null {
  try {
    return evalExact(e, new Map());
  } catch {
    return null;
  }
}

function powerOf(e: Expr): { base: Expr; exp: Expr | null } {
  if (e.t === 'pow') return { base: e.base, exp: e.exp };
  return { base: e, exp: null };
}

function atomKey(e: Expr, fold: Fold): string {
  switch (e.t) {
    case 'var':
      return e.name;
    case 'const':
      return `#${e.name}`;
    case 'num':
      return R.qToString(e.v);
    case 'fn':
      return `${e.name}(${e.args.map((a) => key(a, fold)).join(',')})`;
    case 'deriv':
      return `d${e.order}/d${e.v}[${key(e.arg, fold)}]`;
    default: {
      const k = key(e, fold);
      return k.startsWith('(') ? k : `(${k})`;
    }
  }
}

const FLIP: Record<string, string> = { '>': '<', '>=': '<=' };

function relKey(r: Rel, level: Level): string {
  if (level === 'exact') return `${exactKey(r.lhs)} ${r.op} ${exactKey(r.rhs)}`;
  const fold: Fold = level === 'order' ? 0 : level === 'numbers' ? 1 : 2;
  if (level === 'oneSide') {
    const d = r.op === '>' || r.op === '>=' ? sub(r.rhs, r.lhs) : sub(r.lhs, r.rhs);
    const op = FLIP[r.op] ?? r.op;
    // The number terms are not added up here: "2x + 4 - 20 = 0" is still 2x + 4 = 20, not 2x = 16.
    const k = key(d, 2, false);
    if (op !== '=') return `${k} ${op} 0`;
    const m = key({ t: 'neg', arg: d }, 2, false);
    return `${k < m ? k : m} = 0`;
  }
  let [a, b] = [key(r.lhs, fold), key(r.rhs, fold)];
  let op: string = r.op;
  if (op === '>' || op === '>=') {
    [a, b] = [b, a];
    op = FLIP[op]!;
  } else if (op === '=' && b < a) [a, b] = [b, a];
  return `${a} ${op} ${b}`;
}

/** As written: the solver's own LaTeX of the parsed line, so spacing and \cdot vs * do not matter. */
function exactKey(e: Expr): string {
  return JSON.stringify(e, (_k, val: unknown) => (typeof val === 'bigint' ? val.toString() : val));
}

/** The key of a statement at one level. */
export function statementKey(s: Statement, level: Level): string {
  const fold: Fold = level === 'exact' || level === 'order' ? 0 : level === 'numbers' ? 1 : 2;
  const ek = (e: Expr | null) => (e === null ? '∞' : level === 'exact' ? exactKey(e) : key(e, fold));
  switch (s.kind) {
    case 'expr':
      return `E:${ek(s.expr)}`;
    case 'eqs':
      return `Q:${s.rels.map((r) => relKey(r, level)).sort().join(' | ')}`;
    case 'system':
      return `S:${s.rels.map((r) => relKey(r, level)).sort().join(' & ')}`;
    case 'ineq':
      return `I:${relKey(s.rel, level)}`;
    case 'interval':
      return `V:${s.loClosed ? '[' : '('}${ek(s.lo)},${ek(s.hi)}${s.hiClosed ? ']' : ')'}`;
    case 'all':
    case 'none':
      return s.kind;
  }
}

export function statementKeys(s: Statement): Record<Level, string> {
  return Object.fromEntries(LEVELS.map((l) => [l, statementKey(s, l)])) as Record<Level, string>;
}
