/**
 * A canonical form for the algebra: a quotient of two sums of terms, each term a rational coefficient times a
 * product of powers. Bases are variables, primes (so √12 is 2·3^(1/2) and radicals simplify by themselves), the
 * imaginary unit, π and e, function calls (sin(...)), and sums that cannot be multiplied out (√(x+1)).
 * Exponents are themselves polynomials, so x^y·x^z = x^(y+z). Roots of variables assume the variable is
 * positive, as school algebra does.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import type { Expr, FnName } from './expr.ts';

export class Unsupported extends Error {}

export type Base =
  | { k: 'var'; name: string }
  | { k: 'prime'; p: bigint }
  | { k: 'i' }
  | { k: 'const'; name: 'pi' | 'e' }
  | { k: 'fn'; name: FnName; arg: NF; key: string }
  | { k: 'sum'; nf: NF; key: string };

export interface Factor {
  base: Base;
  bkey: string;
  e: Poly;
}
export interface Term {
  c: Q;
  m: Factor[];
  mkey: string;
}
export interface Poly {
  terms: Term[];
  key: string;
}
export interface NF {
  num: Poly;
  den: Poly;
}

// ---- keys and construction ----------------------------------------------------------------------------------

function baseKey(b: Base): string {
  switch (b.k) {
    case 'var':
      return `v:${b.name}`;
    case 'prime':
      return `p:${b.p}`;
    case 'i':
      return 'i';
    case 'const':
      return `c:${b.name}`;
    case 'fn':
    case 'sum':
      return b.key;
  }
}

const factorKey = (f: Factor): string => (isOnePoly(f.e) ? f.bkey : `${f.bkey}^(${f.e.key})`);

function mkTerm(c: Q, m: Factor[]): Term {
  const sorted = [...m].sort((a, b) => (a.bkey < b.bkey ? -1 : a.bkey > b.bkey ? 1 : 0));
  return { c, m: sorted, mkey: sorted.map(factorKey).join('*') };
}

function mkPoly(terms: Term[]): Poly {
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    if (R.isZero(t.c)) continue;
    const prev = byKey.get(t.mkey);
    byKey.set(t.mkey, prev ? { ...prev, c: R.add(prev.c, t.c) } : t);
  }
  const out = [...byKey.values()].filter((t) => !R.isZero(t.c)).sort((a, b) => (a.mkey < b.mkey ? -1 : a.mkey > b.mkey ? 1 : 0));
  return { terms: out, key: out.map((t) => `${R.qToString(t.c)}|${t.mkey}`).join(' + ') || '0' };
}

export const constPoly = (c: Q): Poly => mkPoly([mkTerm(c, [])]);
export const ZERO_P = constPoly(R.ZERO);
export const ONE_P = constPoly(R.ONE);
export const isZeroPoly = (p: Poly): boolean => p.terms.length === 0;
export const isOnePoly = (p: Poly): boolean => p.terms.length === 1 && p.terms[0]!.m.length === 0 && R.isOne(p.terms[0]!.c);
export function constOf(p: Poly): Q | null {
  if (p.terms.length === 0) return R.ZERO;
  if (p.terms.length === 1 && p.terms[0]!.m.length === 0) return p.terms[0]!.c;
  return null;
}

export function atomPoly(base: Base, e: Poly = ONE_P): Poly {
  return mkPoly(normaliseTerm(R.ONE, [{ base, bkey: baseKey(base), e }]));
}
export const varPoly = (name: string): Poly => atomPoly({ k: 'var', name });

// ---- term normalisation -------------------------------------------------------------------------------------

/**
 * Merge factors with the same base, move whole powers of primes and of i into the coefficient, and multiply out
 * sums whose exponent became a whole number. Returns a list of terms (more than one only in that last case).
 */
function normaliseTerm(c: Q, factors: Factor[]): Term[] {
  const merged = new Map<string, Factor>();
  for (const f of factors) {
    const prev = merged.get(f.bkey);
    merged.set(f.bkey, prev ? { ...prev, e: polyAdd(prev.e, f.e) } : f);
  }
  let coef = c;
  const keep: Factor[] = [];
  const expandLater: Poly[] = [];
  for (const f of merged.values()) {
    if (isZeroPoly(f.e)) continue;
    const ec = constOf(f.e);
    if (f.base.k === 'prime' && ec) {
      const whole = floorQ(ec);
      coef = R.mul(coef, R.powInt(R.q(f.base.p), whole));
      const rest = R.sub(ec, R.q(whole));
      if (!R.isZero(rest)) keep.push({ ...f, e: constPoly(rest) });
      continue;
    }
    if (f.base.k === 'i' && ec) {
      if (!R.isInt(ec)) throw new Unsupported('fractional power of i');
      const k = ((ec.n % 4n) + 4n) % 4n;
      if (k >= 2n) coef = R.neg(coef);
      if (k % 2n === 1n) keep.push({ ...f, e: ONE_P });
      continue;
    }
    if (f.base.k === 'sum' && ec && R.isInt(ec) && ec.n > 0n && ec.n <= 12n) {
      expandLater.push(polyPowInt(f.base.nf.num, Number(ec.n)));
      continue;
    }
    keep.push(f);
  }
  let terms: Term[] = [mkTerm(coef, keep)];
  for (const p of expandLater) terms = polyMul(mkPoly(terms), p).terms;
  return terms;
}

function floorQ(x: Q): bigint {
  const f = x.n / x.d;
  return x.n < 0n && f * x.d !== x.n ? f - 1n : f;
}

// ---- polynomial arithmetic ----------------------------------------------------------------------------------

export function polyAdd(a: Poly, b: Poly): Poly {
  if (isZeroPoly(a)) return b;
  if (isZeroPoly(b)) return a;
  return mkPoly([...a.terms, ...b.terms]);
}
export const polyScale = (a: Poly, k: Q): Poly => mkPoly(a.terms.map((t) => ({ ...t, c: R.mul(t.c, k) })));
export const polyNeg = (a: Poly): Poly => polyScale(a, R.MINUS_ONE);
export const polySub = (a: Poly, b: Poly): Poly => polyAdd(a, polyNeg(b));

export function termMul(s: Term, t: Term): Term[] {
  if (s.m.length === 0) return [{ ...t, c: R.mul(s.c, t.c) }];
  if (t.m.length === 0) return [{ ...s, c: R.mul(s.c, t.c) }];
  return normaliseTerm(R.mul(s.c, t.c), [...s.m, ...t.m]);
}

export function polyMul(a: Poly, b: Poly): Poly {
  if (isZeroPoly(a) || isZeroPoly(b)) return ZERO_P;
  if (isOnePoly(a)) return b;
  if (isOnePoly(b)) return a;
  const out: Term[] = [];
  for (const s of a.terms) for (const t of b.terms) out.push(...termMul(s, t));
  return mkPoly(out);
}

export function polyPowInt(a: Poly, k: number): Poly {
  if (k < 0) throw new Unsupported('negative power of a sum');
  if (a.terms.length === 1) return monoPow(a.terms[0]!, constPoly(R.q(k)));
  let r = ONE_P;
  for (let i = 0; i < k; i++) r = polyMul(r, a);
  return r;
}

/** (c·Π b^e)^x for a single term: coefficient via primes, exponents multiplied. */
export function monoPow(t: Term, x: Poly): Poly {
  const xc = constOf(x);
  const factors: Factor[] = t.m.map((f) => ({ ...f, e: polyMul(f.e, x) }));
  let coef = R.ONE;
  if (xc && R.isInt(xc)) {
    if (R.isZero(t.c) && R.isNeg(xc)) throw new Unsupported('division by zero');
    coef = R.powInt(t.c, xc.n);
  } else {
    // Fractional or symbolic power of the coefficient: split it into primes.
    if (R.isZero(t.c)) {
      if (xc && !R.isNeg(xc)) return ZERO_P;
      throw new Unsupported('zero to a symbolic power');
    }
    if (R.isNeg(t.c)) {
      if (!xc) throw new Unsupported('negative base to a symbolic power');
      if (xc.d % 2n === 1n) {
        if (xc.n % 2n !== 0n) coef = R.MINUS_ONE;
      } else if (xc.d === 2n) {
        factors.push({ base: { k: 'i' }, bkey: 'i', e: constPoly(R.q(xc.n)) });
      } else throw new Unsupported('even root of a negative number');
    }
    const a = R.qabs(t.c);
    for (const [p, e] of R.factorInt(a.n)) factors.push(primeFactor(p, polyScale(x, R.q(e))));
    for (const [p, e] of R.factorInt(a.d)) factors.push(primeFactor(p, polyScale(x, R.q(-e))));
    if (a.n > 10n ** 12n || a.d > 10n ** 12n) throw new Unsupported('number too large to factor');
  }
  return mkPoly(normaliseTerm(coef, factors));
}

const primeFactor = (p: bigint, e: Poly): Factor => ({ base: { k: 'prime', p }, bkey: `p:${p}`, e });

// ---- rational functions -------------------------------------------------------------------------------------

export const nf = (num: Poly, den: Poly = ONE_P): NF => reduce(num, den);
export const nfConst = (c: Q): NF => ({ num: constPoly(c), den: ONE_P });
export const nfKey = (a: NF): string => (isOnePoly(a.den) ? a.num.key : `(${a.num.key})/(${a.den.key})`);
export const isConstNF = (a: NF): Q | null => (isOnePoly(a.den) ? constOf(a.num) : null);

export function nfAdd(a: NF, b: NF): NF {
  if (a.den.key === b.den.key) return reduce(polyAdd(a.num, b.num), a.den);
  return reduce(polyAdd(polyMul(a.num, b.den), polyMul(b.num, a.den)), polyMul(a.den, b.den));
}
export const nfNeg = (a: NF): NF => ({ num: polyNeg(a.num), den: a.den });
export const nfSub = (a: NF, b: NF): NF => nfAdd(a, nfNeg(b));
export const nfMul = (a: NF, b: NF): NF => reduce(polyMul(a.num, b.num), polyMul(a.den, b.den));
export function nfDiv(a: NF, b: NF): NF {
  if (isZeroPoly(b.num)) throw new Unsupported('division by zero');
  return reduce(polyMul(a.num, b.den), polyMul(a.den, b.num));
}

/** Invert a single term (coefficient and all exponents). */
function termInverse(t: Term): Poly {
  return mkPoly(normaliseTerm(R.inv(t.c), t.m.map((f) => ({ ...f, e: polyNeg(f.e) }))));
}

/** Bring a quotient to lowest terms as far as exact division and one-variable gcds allow. */
export function reduce(num: Poly, den: Poly): NF {
  if (isZeroPoly(den)) throw new Unsupported('division by zero');
  if (isZeroPoly(num)) return { num: ZERO_P, den: ONE_P };
  if (den.terms.length === 1) return { num: polyMul(num, termInverse(den.terms[0]!)), den: ONE_P };
  const q = divExact(num, den);
  if (q) return { num: q, den: ONE_P };
  // Pull common monomial factors and the denominator's content out.
  let n = num;
  let d = den;
  const g = commonMonomial([...n.terms, ...d.terms]);
  if (g) {
    const gi = termInverse(g);
    n = polyMul(n, gi);
    d = polyMul(d, gi);
  }
  const x = singleVar(n, d);
  if (x) {
    const un = toUni(n, x);
    const ud = toUni(d, x);
    if (un && ud) {
      const gg = uniGcd(un, ud);
      if (gg.length > 1) {
        const gp = fromUni(gg, x);
        n = divExact(n, gp) ?? n;
        d = divExact(d, gp) ?? d;
      }
    }
  }
  // Make the denominator's leading coefficient 1 or its content 1 with a positive sign.
  const lead = leadingTerm(d);
  const content = polyContent(d);
  const k = R.isNeg(lead.c) ? R.neg(content) : content;
  if (!R.isOne(k)) {
    n = polyScale(n, R.inv(k));
    d = polyScale(d, R.inv(k));
  }
  if (d.terms.length === 1) return { num: polyMul(n, termInverse(d.terms[0]!)), den: ONE_P };
  return { num: n, den: d };
}

/** gcd of integer parts / lcm of denominators of all coefficients (positive). */
export function polyContent(p: Poly): Q {
  let n = 0n;
  let d = 1n;
  for (const t of p.terms) {
    n = R.gcd(n, t.c.n);
    d = R.lcm(d, t.c.d);
  }
  return n === 0n ? R.ONE : R.q(n, d);
}

/** The monomial (exponent-wise minimum over variables with constant positive exponents) dividing all terms. */
function commonMonomial(terms: Term[]): Term | null {
  if (terms.length === 0) return null;
  const mins = new Map<string, { f: Factor; e: Q }>();
  terms[0]!.m.forEach((f) => {
    const ec = constOf(f.e);
    if (ec && R.cmp(ec, R.ZERO) > 0 && (f.base.k === 'var' || f.base.k === 'fn' || f.base.k === 'const')) mins.set(f.bkey, { f, e: ec });
  });
  for (const t of terms.slice(1)) {
    for (const [k, cur] of mins) {
      const f = t.m.find((g) => g.bkey === k);
      const ec = f ? constOf(f.e) : null;
      if (!ec || R.cmp(ec, R.ZERO) <= 0) mins.delete(k);
      else if (R.cmp(ec, cur.e) < 0) mins.set(k, { f: cur.f, e: ec });
    }
  }
  if (mins.size === 0) return null;
  return mkTerm(R.ONE, [...mins.values()].map(({ f, e }) => ({ ...f, e: constPoly(e) })));
}

export function leadingTerm(p: Poly, order?: string[]): Term {
  const sorted = displayOrder(p, order);
  return sorted[0]!;
}

/** The one variable both polynomials are written in, if there is exactly one atom overall. */
function singleVar(a: Poly, b: Poly): string | null {
  const keys = new Set<string>();
  for (const t of [...a.terms, ...b.terms]) for (const f of t.m) keys.add(f.bkey);
  if (keys.size !== 1) return null;
  const k = [...keys][0]!;
  return k.startsWith('v:') ? k.slice(2) : null;
}

// ---- one-variable view --------------------------------------------------------------------------------------

/** Coefficients (index = degree) when p is a polynomial in x with rational coefficients only. */
export function toUni(p: Poly, x: string): Q[] | null {
  const out: Q[] = [];
  for (const t of p.terms) {
    let deg = 0;
    for (const f of t.m) {
      if (f.bkey !== `v:${x}`) return null;
      const ec = constOf(f.e);
      if (!ec || !R.isInt(ec) || ec.n < 0n || ec.n > 1000n) return null;
      deg = Number(ec.n);
    }
    while (out.length <= deg) out.push(R.ZERO);
    out[deg] = R.add(out[deg]!, t.c);
  }
  while (out.length > 0 && R.isZero(out.at(-1)!)) out.pop();
  return out;
}

export function fromUni(cs: Q[], x: string): Poly {
  const terms: Term[] = [];
  cs.forEach((c, i) => {
    if (R.isZero(c)) return;
    terms.push(i === 0 ? mkTerm(c, []) : mkTerm(c, [{ base: { k: 'var', name: x }, bkey: `v:${x}`, e: constPoly(R.q(i)) }]));
  });
  return mkPoly(terms);
}

/**
 * Coefficients in x as polynomials in the other atoms (index = degree), when every power of x is a
 * whole number ≥ 0.
 */
export function coeffsIn(p: Poly, x: string): Poly[] | null {
  const buckets: Term[][] = [];
  for (const t of p.terms) {
    let deg = 0;
    const rest: Factor[] = [];
    for (const f of t.m) {
      if (f.bkey === `v:${x}`) {
        const ec = constOf(f.e);
        if (!ec || !R.isInt(ec) || ec.n < 0n || ec.n > 1000n) return null;
        deg = Number(ec.n);
      } else {
        if (dependsOn(f, x)) return null;
        rest.push(f);
      }
    }
    while (buckets.length <= deg) buckets.push([]);
    buckets[deg]!.push(mkTerm(t.c, rest));
  }
  const out = buckets.map((b) => mkPoly(b));
  while (out.length > 0 && isZeroPoly(out.at(-1)!)) out.pop();
  return out;
}

function dependsOn(f: Factor, x: string): boolean {
  return f.bkey.includes(`v:${x}`) || f.e.key.includes(`v:${x}`);
}

export function polyDependsOn(p: Poly, x: string): boolean {
  return p.key.includes(`v:${x}`);
}

export function uniGcd(a: Q[], b: Q[]): Q[] {
  let x = trim(a);
  let y = trim(b);
  while (y.length > 0) {
    const r = uniDivMod(x, y).rem;
    x = y;
    y = r;
  }
  if (x.length === 0) return [R.ONE];
  const lc = x.at(-1)!;
  return x.map((c) => R.div(c, lc));
}

export function uniDivMod(a: Q[], b: Q[]): { quot: Q[]; rem: Q[] } {
  const rem = trim(a).slice();
  const bb = trim(b);
  if (bb.length === 0) throw new Unsupported('division by zero polynomial');
  const quot: Q[] = new Array(Math.max(0, rem.length - bb.length + 1)).fill(R.ZERO);
  const lc = bb.at(-1)!;
  while (rem.length >= bb.length && rem.length > 0) {
    const k = rem.length - bb.length;
    const f = R.div(rem.at(-1)!, lc);
    quot[k] = f;
    for (let i = 0; i < bb.length; i++) rem[k + i] = R.sub(rem[k + i]!, R.mul(f, bb[i]!));
    rem.pop();
    while (rem.length > 0 && R.isZero(rem.at(-1)!)) rem.pop();
  }
  return { quot, rem };
}

function trim(a: Q[]): Q[] {
  const out = a.slice();
  while (out.length > 0 && R.isZero(out.at(-1)!)) out.pop();
  return out;
}

// ---- exact multivariate division ----------------------------------------------------------------------------

/** a / b when b divides a exactly as polynomials (all exponents whole and ≥ 0), else null. */
export function divExact(a: Poly, b: Poly): Poly | null {
  if (isZeroPoly(b)) return null;
  if (isZeroPoly(a)) return ZERO_P;
  const bc = constOf(b);
  if (bc) return polyScale(a, R.inv(bc));
  if (!allWholeExponents(a) || !allWholeExponents(b)) return null;
  // Divide as polynomials in the main atom of b.
  const lead = b.terms.find((t) => t.m.length > 0)!;
  const x = lead.m[0]!;
  const db = degIn(b, x.bkey);
  let r = a;
  let quot = ZERO_P;
  for (let guard = 0; guard < 200 && !isZeroPoly(r); guard++) {
    const dr = degIn(r, x.bkey);
    if (dr < db) return null;
    const lcR = coeffAt(r, x.bkey, dr);
    const lcB = coeffAt(b, x.bkey, db);
    const t = divExact(lcR, lcB);
    if (!t) return null;
    const shift = dr - db === 0 ? t : polyMul(t, mkPoly([mkTerm(R.ONE, [{ ...x, e: constPoly(R.q(dr - db)) }])]));
    quot = polyAdd(quot, shift);
    r = polySub(r, polyMul(shift, b));
  }
  return isZeroPoly(r) ? quot : null;
}

function allWholeExponents(p: Poly): boolean {
  return p.terms.every((t) =>
    t.m.every((f) => {
      const ec = constOf(f.e);
      return ec !== null && R.isInt(ec) && ec.n > 0n && f.base.k !== 'prime' && f.base.k !== 'i';
    }),
  );
}

function degIn(p: Poly, bkey: string): number {
  let d = 0;
  for (const t of p.terms) {
    const f = t.m.find((g) => g.bkey === bkey);
    if (f) d = Math.max(d, Number(constOf(f.e)!.n));
  }
  return d;
}

function coeffAt(p: Poly, bkey: string, deg: number): Poly {
  const out: Term[] = [];
  for (const t of p.terms) {
    const f = t.m.find((g) => g.bkey === bkey);
    const d = f ? Number(constOf(f.e)!.n) : 0;
    if (d === deg) out.push(mkTerm(t.c, t.m.filter((g) => g.bkey !== bkey)));
  }
  return mkPoly(out);
}

// ---- from expressions ---------------------------------------------------------------------------------------

export interface ToNFOptions {
  /** Treat this variable name as Euler's number (set when e is plainly the constant). */
  euler?: boolean;
}

export function toNF(e: Expr, opts: ToNFOptions = {}): NF {
  switch (e.t) {
    case 'num':
      return nfConst(e.v);
    case 'var':
      if (opts.euler && e.name === 'e') return { num: atomPoly({ k: 'const', name: 'e' }), den: ONE_P };
      return { num: varPoly(e.name), den: ONE_P };
    case 'const':
      if (e.name === 'i') return { num: atomPoly({ k: 'i' }), den: ONE_P };
      return { num: atomPoly({ k: 'const', name: e.name }), den: ONE_P };
    case 'add':
      return e.args.map((a) => toNF(a, opts)).reduce(nfAdd);
    case 'mul':
      return e.args.map((a) => toNF(a, opts)).reduce(nfMul);
    case 'neg':
      return nfNeg(toNF(e.arg, opts));
    case 'div':
      return nfDiv(toNF(e.num, opts), toNF(e.den, opts));
    case 'pow':
      return nfPow(toNF(e.base, opts), toNF(e.exp, opts));
    case 'fn': {
      const a = toNF(e.args[0]!, opts);
      switch (e.name) {
        case 'sqrt':
          return nfPow(a, nfConst(R.q(1, 2)));
        case 'root': {
          const k = isConstNF(toNF(e.args[1]!, opts));
          if (!k || !R.isInt(k) || k.n < 2n) throw new Unsupported('root index must be a whole number');
          return nfPow(a, nfConst(R.inv(k)));
        }
        case 'exp':
          return nfPow({ num: atomPoly({ k: 'const', name: 'e' }), den: ONE_P }, a);
        case 'abs': {
          const c = isConstNF(a);
          if (c) return nfConst(R.qabs(c));
          return fnAtom('abs', a);
        }
        default:
          return fnAtom(e.name, a);
      }
    }
    case 'deriv':
      throw new Unsupported('unevaluated derivative');
  }
}

function fnAtom(name: FnName, arg: NF): NF {
  const key = `f:${name}(${nfKey(arg)})`;
  return { num: atomPoly({ k: 'fn', name, arg, key }), den: ONE_P };
}

export function nfPow(b: NF, x: NF): NF {
  const xc = isConstNF(x);
  if (xc && R.isInt(xc)) {
    const k = Number(xc.n);
    if (Math.abs(k) > 64) {
      if (b.num.terms.length === 1 && b.den.terms.length === 1) {
        return reduce(monoPow(b.num.terms[0]!, x.num), monoPow(b.den.terms[0]!, x.num));
      }
      throw new Unsupported('power too large');
    }
    if (k >= 0) return reduce(polyPowInt(b.num, k), polyPowInt(b.den, k));
    if (isZeroPoly(b.num)) throw new Unsupported('division by zero');
    return reduce(polyPowInt(b.den, -k), polyPowInt(b.num, -k));
  }
  if (!isOnePoly(x.den)) throw new Unsupported('exponent is a fraction of polynomials');
  const num = b.num.terms.length === 1 ? monoPow(b.num.terms[0]!, x.num) : sumPow(b.num, x.num);
  const den = isOnePoly(b.den) ? ONE_P : b.den.terms.length === 1 ? monoPow(b.den.terms[0]!, x.num) : sumPow(b.den, x.num);
  return reduce(num, den);
}

function sumPow(p: Poly, x: Poly): Poly {
  if (isZeroPoly(p)) return ZERO_P;
  const inner: NF = { num: p, den: ONE_P };
  const key = `s(${p.key})`;
  return atomPoly({ k: 'sum', nf: inner, key }, x);
}

export const nfEqual = (a: NF, b: NF): boolean => isZeroPoly(nfSub(a, b).num);

// ---- back to expressions, in the order a person writes --------------------------------------------------------

/** Total degree in variables (for ordering terms: highest first), then variables in the given order. */
export function displayOrder(p: Poly, order: string[] = []): Term[] {
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length + name.charCodeAt(0) : i;
  };
  const degreeOf = (t: Term) =>
    t.m.reduce((s, f) => {
      const ec = constOf(f.e);
      if (f.base.k === 'prime' || f.base.k === 'i') return s;
      return s + (ec ? R.toNumber(ec) : 1);
    }, 0);
  const varDeg = (t: Term, name: string) => {
    const f = t.m.find((g) => g.bkey === `v:${name}`);
    const ec = f ? constOf(f.e) : null;
    return f ? (ec ? R.toNumber(ec) : 0.5) : 0;
  };
  const names = [...new Set(p.terms.flatMap((t) => t.m.filter((f) => f.base.k === 'var').map((f) => (f.base as { name: string }).name)))].sort(
    (a, b) => rank(a) - rank(b),
  );
  return [...p.terms].sort((a, b) => {
    const da = degreeOf(a);
    const db = degreeOf(b);
    if (da !== db) return db - da;
    for (const n of names) {
      const x = varDeg(a, n);
      const y = varDeg(b, n);
      if (x !== y) return y - x;
    }
    return a.mkey < b.mkey ? -1 : a.mkey > b.mkey ? 1 : 0;
  });
}
