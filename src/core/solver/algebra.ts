/** Small shared operations on expressions through the normal form: simplify, view as a polynomial, write back. */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, num, v, mul, add, pow, negate, contains } from './expr.ts';
import { toNF, toUni, coeffsIn, isOnePoly, type NF, type Poly, constOf, ZERO_P } from './normal-form.ts';
import { nfToExpr, polyToExpr, type PresentOptions } from './present.ts';

export interface Ctx extends PresentOptions {
  order: string[];
  euler?: boolean;
}

export const nfOf = (e: Expr, ctx: Ctx): NF => toNF(e, { euler: !!ctx.euler });
export const simplify = (e: Expr, ctx: Ctx): Expr => nfToExpr(nfOf(e, ctx), ctx);
export const showPoly = (p: Poly, ctx: Ctx): Expr => polyToExpr(p, ctx);

/** Coefficients of e as a polynomial in x with rational coefficients, or null. */
export function uniCoeffs(e: Expr, x: string, ctx: Ctx): Q[] | null {
  const n = nfOf(e, ctx);
  if (!isOnePoly(n.den)) return null;
  return toUni(n.num, x);
}

/** e = a·x + b with a a constant and b free of x, or null. */
export function linearIn(e: Expr, x: string, ctx: Ctx): { a: Q; b: Poly } | null {
  const n = nfOf(e, ctx);
  if (!isOnePoly(n.den)) return null;
  const cs = coeffsIn(n.num, x);
  if (!cs || cs.length > 2) return null;
  const a = cs[1] ? constOf(cs[1]) : R.ZERO;
  if (!a) return null;
  return { a, b: cs[0] ?? ZERO_P };
}

/** a_n x^n + … + a_0 written out, highest power first. */
export function polyExpr(cs: Q[], x: string): Expr {
  const terms: Expr[] = [];
  for (let i = cs.length - 1; i >= 0; i--) {
    const c = cs[i]!;
    if (R.isZero(c)) continue;
    const xp = i === 0 ? null : i === 1 ? v(x) : pow(v(x), i);
    if (!xp) terms.push(num(c));
    else if (R.isOne(c)) terms.push(xp);
    else if (R.eq(c, R.MINUS_ONE)) terms.push(negate(xp));
    else terms.push(mul(num(c), xp));
  }
  return terms.length === 0 ? num(0) : terms.length === 1 ? terms[0]! : add(...terms);
}

/** A number as an expression, decimal when asked and exact. */
export function numE(c: Q, decimals = false): Expr {
  if (decimals && !R.isInt(c) && R.toDecimalString(c) !== null) return { t: 'num', v: c, dec: true };
  return num(c);
}

export const hasDecimal = (e: Expr): boolean => contains(e, (x) => x.t === 'num' && !!x.dec);
export const hasRoot = (e: Expr): boolean =>
  contains(e, (x) => (x.t === 'fn' && (x.name === 'sqrt' || x.name === 'root')) || (x.t === 'pow' && x.exp.t === 'num' && !R.isInt(x.exp.v)) || (x.t === 'pow' && x.exp.t === 'div'));

/** lcm of the denominators of all rational coefficients in a polynomial. */
export function denLcm(cs: Q[]): bigint {
  return cs.reduce((l, c) => R.lcm(l, c.d), 1n);
}
