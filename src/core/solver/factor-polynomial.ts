/**
 * Factorisation over the rationals as data: the rational constant, the common power of the letter(s), and the
 * irreducible factors (found by factor-integer.ts; the steps a student is shown are written by factor-steps.ts).
 * Works in one variable, and in two when every term has the same degree (4a² − 12ab + 9b²).
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, add, mul, pow, num, v, frac, negate } from './expr.ts';
import { type Poly, type Term, toUni, constOf, displayOrder } from './normal-form.ts';
import type { Ctx } from './algebra.ts';
import { polyExpr } from './algebra.ts';
import { factorInteger, type IntFactor } from './factor-integer.ts';

/** An irreducible factor over ℚ: integer coefficients (index = degree, leading > 0), with multiplicity. */
type UniFactor = IntFactor;

export interface Factorisation {
  /** Rational constant in front. */
  k: Q;
  /** Power of the main variable in the common factor. */
  xPow: number;
  factors: UniFactor[];
  x: string;
  /** Second variable for homogeneous two-variable polynomials. */
  y?: string;
  yPow: number;
  degree: number;
  /** Every factor of degree ≥ 2 is proved irreducible (the factor search finished within its bound). */
  complete: boolean;
}

const big = (c: Q): bigint => c.n;

/** Factor p in its variable(s); null when it is not a polynomial this module handles. */
export function factorisation(p: Poly, ctx: Ctx): Factorisation | null {
  const names = [...new Set(p.terms.flatMap((t) => t.m.map((f) => f.bkey)))];
  if (!names.every((k) => k.startsWith('v:'))) return null;
  const vars = names.map((k) => k.slice(2)).sort((a, b) => rank(ctx, a) - rank(ctx, b));
  if (vars.length === 0 || vars.length > 2) return null;
  let cs: Q[] | null;
  let x = vars[0]!;
  let y: string | undefined;
  let degree: number;
  if (vars.length === 1) {
    cs = toUni(p, x);
    if (!cs) return null;
    degree = cs.length - 1;
  } else {
    // Homogeneous in x and y: read as a polynomial in x/y.
    y = vars[1]!;
    const degs = p.terms.map((t) => termDegrees(t, x, y!));
    if (degs.some((d) => !d)) return null;
    const total = degs[0]![0] + degs[0]![1];
    if (!degs.every((d) => d![0] + d![1] === total)) return null;
    cs = new Array(total + 1).fill(R.ZERO);
    p.terms.forEach((t, i) => (cs![degs[i]![0]] = R.add(cs![degs[i]![0]]!, t.c)));
    degree = total;
    x = vars[0]!;
  }
  // Common factor: rational content with the sign of the leading coefficient, and the lowest power of x.
  let low = 0;
  while (low < cs.length && R.isZero(cs[low]!)) low++;
  const trimmed = cs.slice(low);
  const L = trimmed.reduce((l, c) => R.lcm(l, c.d), 1n);
  const ints = trimmed.map((c) => big(R.mul(c, R.q(L))));
  let g = ints.reduce((a, b) => R.gcd(a, b), 0n);
  if ([...ints].reverse().find((c) => c !== 0n)! < 0n) g = -g;
  // In two letters the highest powers of x may be missing (x·y² + y³): that is a power of y in common.
  let top = ints.length;
  while (top > 1 && ints[top - 1] === 0n) top--;
  const prim = ints.slice(0, top).map((c) => c / g);
  const k = R.q(g, L);
  const yPow = y ? degree - low - (prim.length - 1) : 0;
  const { factors, complete } = factorInteger(prim);
  return { k, xPow: low, factors, x, ...(y ? { y } : {}), yPow, degree, complete };
}

function termDegrees(t: Term, x: string, y: string): [number, number] | null {
  let dx = 0;
  let dy = 0;
  for (const f of t.m) {
    const ec = constOf(f.e);
    if (!ec || !R.isInt(ec) || ec.n < 0n) return null;
    if (f.bkey === `v:${x}`) dx = Number(ec.n);
    else if (f.bkey === `v:${y}`) dy = Number(ec.n);
    else return null;
  }
  return [dx, dy];
}

function rank(ctx: Ctx, name: string): number {
  const i = ctx.order.indexOf(name);
  return i < 0 ? 100 + name.charCodeAt(0) : i;
}

/** d·x − n, or a longer factor, as an expression (homogenised with y when given). */
export function factorExpr(f: UniFactor, x: string, y?: string): Expr {
  const deg = f.cs.length - 1;
  const terms: Expr[] = [];
  for (let i = deg; i >= 0; i--) {
    const c = f.cs[i]!;
    if (c === 0n) continue;
    const parts: Expr[] = [];
    if (i > 0) parts.push(i === 1 ? v(x) : pow(v(x), i));
    if (y && deg - i > 0) parts.push(deg - i === 1 ? v(y) : pow(v(y), deg - i));
    const mono = parts.length ? mul(...parts) : null;
    if (!mono) terms.push(num(c));
    else if (c === 1n) terms.push(mono);
    else if (c === -1n) terms.push(negate(mono));
    else terms.push(mul(num(c), ...parts));
  }
  return add(...terms);
}

/** The whole factorisation as an expression, e.g. −(n + 32)(6n + 1) or 5o(o − 460)/4. */
export function factorisationExpr(fz: Factorisation): Expr {
  const parts: Expr[] = [];
  if (fz.xPow > 0) parts.push(fz.xPow === 1 ? v(fz.x) : pow(v(fz.x), fz.xPow));
  if (fz.y && fz.yPow > 0) parts.push(fz.yPow === 1 ? v(fz.y) : pow(v(fz.y), fz.yPow));
  const single = fz.factors.length === 1 && fz.factors[0]!.mult === 1 && parts.length === 0;
  for (const f of fz.factors) {
    const e = factorExpr(f, fz.x, fz.y);
    parts.push(f.mult === 1 ? e : pow(e, f.mult));
  }
  const k = fz.k;
  const absK = R.qabs(k);
  let body: Expr;
  if (parts.length === 0) return num(k);
  if (single && R.isOne(absK)) body = parts[0]!;
  else if (R.isInt(absK)) body = R.isOne(absK) ? mul(...parts) : mul(num(absK), ...parts);
  else {
    const top = absK.n === 1n ? mul(...parts) : mul(num(absK.n), ...parts);
    body = frac(top, num(absK.d));
  }
  return R.isNeg(k) ? negate(body) : body;
}

export function factorPolyExpr(p: Poly, ctx: Ctx): Expr | null {
  if (p.terms.length === 1) return null;
  const fz = factorisation(p, ctx);
  return fz ? factorisationExpr(fz) : null;
}

export { polyExpr, displayOrder };
