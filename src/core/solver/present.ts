/** Writing normal forms back as expressions, in the order and shape a teacher would write them. */
import * as R from './rational.ts';
import { type Expr, num, v, mul, add, frac, pow, fn, negate } from './expr.ts';
import { type NF, type Poly, type Term, type Factor, constOf, displayOrder, isOnePoly } from './normal-form.ts';

export interface PresentOptions {
  /** Variables in the order the problem wrote them (x before y). */
  order?: string[];
  /** Show fractional powers of variables as roots (√x³) rather than exponents (x^(3/2)). */
  radicals?: boolean;
  /** Write terminating decimals as decimals. */
  decimals?: boolean;
}

export function nfToExpr(a: NF, o: PresentOptions = {}): Expr {
  if (isOnePoly(a.den)) return polyToExpr(a.num, o);
  const n = polyToExpr(a.num, o);
  const d = polyToExpr(a.den, o);
  // -(…)/(…) reads better than (−a − b)/(…) when every numerator term is negative.
  if (a.num.terms.every((t) => R.isNeg(t.c)) && a.num.terms.length > 1) {
    return negate(frac(polyToExpr({ ...a.num, terms: a.num.terms.map((t) => ({ ...t, c: R.neg(t.c) })) }, o), d));
  }
  return frac(n, d);
}

export function polyToExpr(p: Poly, o: PresentOptions = {}): Expr {
  if (p.terms.length === 0) return num(0);
  const terms = displayOrder(p, o.order).map((t) => termToExpr(t, o));
  return terms.length === 1 ? terms[0]! : add(...terms);
}

function numExpr(c: R.Q, o: PresentOptions): Expr {
  if (o.decimals && R.toDecimalString(c) !== null && !R.isInt(c)) return { t: 'num', v: c, dec: true };
  return num(c);
}

export function termToExpr(t: Term, o: PresentOptions = {}): Expr {
  const up: Expr[] = [];
  const down: Expr[] = [];
  // Radicals of numbers, grouped by root index: 2^(1/2)·3^(1/2) is √6.
  const radicands = new Map<bigint, bigint>();
  for (const f of t.m) {
    const ec = constOf(f.e);
    if (f.base.k === 'prime' && ec) {
      const idx = ec.d;
      radicands.set(idx, (radicands.get(idx) ?? 1n) * f.base.p ** (ec.n < 0n ? -ec.n : ec.n));
      continue;
    }
    const target = ec && R.isNeg(ec) ? down : up;
    target.push(factorToExpr(f, ec && R.isNeg(ec) ? R.neg(ec) : ec, o));
  }
  // Powers of variables first, then functions: x^2 cos x rather than cos x · x^2.
  up.sort((a, b) => rankFactor(a) - rankFactor(b));
  const rads: Expr[] = [...radicands].map(([idx, r]) => (idx === 2n ? fn('sqrt', num(r)) : fn('root', num(r), num(idx))));
  const c = R.qabs(t.c);
  const sign = R.isNeg(t.c);
  let e: Expr;
  const cn = R.q(c.n);
  const cd = R.q(c.d);
  const upAll = [...rads, ...up];
  if (down.length === 0) {
    if (upAll.length === 0) e = numExpr(c, o);
    else if (R.isOne(c)) e = mul(...upAll);
    else if (R.isInt(c) || (o.decimals && R.toDecimalString(c) !== null)) e = mul(numExpr(c, o), ...upAll);
    // √2/2 and π/2 rather than ½√2 and ½π: a fraction of a constant is written over its denominator.
    else if ((rads.length > 0 && up.length === 0) || upAll.every(isConstant)) e = frac(R.isOne(cn) ? mul(...upAll) : mul(num(cn), ...upAll), num(cd));
    else e = mul(num(c), ...upAll);
  } else {
    const top = R.isOne(cn) ? (upAll.length ? mul(...upAll) : num(1)) : mul(num(cn), ...upAll);
    const bottom = R.isOne(cd) ? mul(...down) : mul(num(cd), ...down);
    e = frac(top, bottom);
  }
  return sign ? negate(e) : e;
}

/** π and i first, then powers of variables, then e and functions: 2πx², x e^{x}, x² cos x. */
function rankFactor(e: Expr): number {
  const base = e.t === 'pow' ? e.base : e;
  if (base.t === 'const') return base.name === 'e' ? 1 : -1;
  return base.t === 'var' ? 0 : base.t === 'fn' ? 2 : 1.5;
}

/** π or i (a power of e reads as a function of its exponent: ½eˣ stays as it is). */
const isConstant = (e: Expr) => {
  const base = e.t === 'pow' ? e.base : e;
  return base.t === 'const' && base.name !== 'e';
};

function factorToExpr(f: Factor, ec: R.Q | null, o: PresentOptions): Expr {
  const b = baseExpr(f, o);
  if (!ec) return pow(b, polyToExpr(f.e, o));
  if (R.isOne(ec)) return b;
  if (R.isInt(ec)) return pow(b, num(ec));
  if (f.base.k === 'sum' || (o.radicals && f.base.k === 'var')) {
    const inner = ec.n === 1n ? b : pow(b, num(ec.n));
    return ec.d === 2n ? fn('sqrt', inner) : fn('root', inner, num(ec.d));
  }
  return pow(b, frac(num(ec.n), num(ec.d)));
}

function baseExpr(f: Factor, o: PresentOptions): Expr {
  const b = f.base;
  switch (b.k) {
    case 'var':
      return v(b.name);
    case 'prime':
      return num(b.p);
    case 'i':
      return { t: 'const', name: 'i' };
    case 'const':
      return { t: 'const', name: b.name };
    case 'fn':
      return fn(b.name, nfToExpr(b.arg, o));
    case 'sum':
      return nfToExpr(b.nf, o);
  }
}
