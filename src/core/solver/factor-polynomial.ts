/**
 * Factoring polynomials over the rationals, the way they are taught: greatest common factor, difference of
 * squares, perfect-square trinomials, x² + bx + c by two numbers, ax² + bx + c by grouping (the ac method),
 * and higher degrees by rational roots. Works in one variable, and in two when every term has the same degree
 * (4a² − 12ab + 9b²).
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, tex, add, mul, pow, num, v, frac, negate } from './expr.ts';
import { type Poly, type Term, toUni, constOf, displayOrder } from './normal-form.ts';
import type { Ctx } from './algebra.ts';
import { polyExpr } from './algebra.ts';
import type { Work } from './work.ts';
import { factorPairText, productTex } from './wording.ts';

/** A linear factor d·x − n (from the rational root n/d), or an irreducible quadratic, with multiplicity. */
interface UniFactor {
  cs: bigint[]; // integer coefficients, index = degree, leading > 0
  mult: number;
}

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
}

const big = (c: Q): bigint => c.n;

function evalInt(cs: bigint[], n: bigint, d: bigint): bigint {
  // d^deg · p(n/d)
  let s = 0n;
  const deg = cs.length - 1;
  for (let i = deg; i >= 0; i--) s += cs[i]! * n ** BigInt(i) * d ** BigInt(deg - i);
  return s;
}

function divideLinear(cs: bigint[], n: bigint, d: bigint): bigint[] {
  // cs / (d x - n), exact.
  const out: bigint[] = new Array(cs.length - 1).fill(0n);
  let rem = cs.slice();
  for (let i = cs.length - 1; i >= 1; i--) {
    const c = rem[i]! / d;
    out[i - 1] = c;
    rem[i] = rem[i]! - c * d;
    rem[i - 1] = rem[i - 1]! + c * n;
  }
  rem = rem.map((x) => x);
  return out;
}

/** Factor a primitive integer polynomial with positive leading coefficient and nonzero constant term. */
function factorPrimitive(cs: bigint[]): UniFactor[] {
  const out: UniFactor[] = [];
  let cur = cs;
  while (cur.length > 3) {
    const root = rationalRoot(cur);
    if (!root) break;
    cur = divideLinear(cur, root[0], root[1]);
    push(out, [-root[0], root[1]]);
  }
  if (cur.length === 3) {
    const [c, b, a] = cur as [bigint, bigint, bigint];
    const D = b * b - 4n * a * c;
    const s = D >= 0n ? R.intRoot(D, 2n) : null;
    if (s !== null) {
      // Roots (-b ± s) / 2a, each as a primitive linear factor.
      for (const sign of [1n, -1n]) {
        const n = -b + sign * s;
        const d = 2n * a;
        const g = R.gcd(n, d) || 1n;
        push(out, [-(n / g), d / g]);
      }
      return out;
    }
  }
  if (cur.length > 1) push(out, cur);
  return out;
}

function push(out: UniFactor[], cs: bigint[]): void {
  // Normalise sign (leading coefficient positive).
  const lead = cs.at(-1)!;
  const norm = lead < 0n ? cs.map((c) => -c) : cs;
  const key = norm.join(',');
  const prev = out.find((f) => f.cs.join(',') === key);
  if (prev) prev.mult++;
  else out.push({ cs: norm, mult: 1 });
}

function rationalRoot(cs: bigint[]): [bigint, bigint] | null {
  const a0 = cs[0]!;
  const an = cs.at(-1)!;
  const ps = R.divisors(a0, 400);
  const qs = R.divisors(an, 400);
  if (!ps || !qs) return null;
  for (const d of qs) for (const p of ps) for (const n of [p, -p]) if (R.gcd(n, d) === 1n && evalInt(cs, n, d) === 0n) return [n, d];
  return null;
}

/** Factor p in its variable(s); null when it is not a polynomial this module handles. */
export function factorisation(p: Poly, ctx: Ctx): Factorisation | null {
  const names = [...new Set(p.terms.flatMap((t) => t.m.map((f) => f.bkey)))];
  if (!names.every((k) => k.startsWith('v:'))) return null;
  const vars = names.map((k) => k.slice(2)).sort((a, b) => rank(ctx, a) - rank(ctx, b));
  if (vars.length === 0 || vars.length > 2) return null;
  let cs: Q[] | null;
  let x = vars[0]!;
  let y: string | undefined;
  let degree = 0;
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
  if (ints.at(-1)! < 0n) g = -g;
  const prim = ints.map((c) => c / g);
  const k = R.q(g, L);
  const yPow = y ? degree - (cs.length - 1) : 0;
  return { k, xPow: low, factors: factorPrimitive(prim), x, ...(y ? { y } : {}), yPow, degree };
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

const isNontrivial = (fz: Factorisation) =>
  fz.factors.length > 1 || fz.factors.some((f) => f.mult > 1) || fz.xPow > 0 || fz.yPow > 0 || !R.isOne(fz.k);

/** Writes the factoring steps into `w`; returns the factored form (or the polynomial when it is prime). */
export function factorWithSteps(p: Poly, w: Work, ctx: Ctx): Expr | null {
  const fz = factorisation(p, ctx);
  if (!fz) return null;
  const { x, y } = fz;
  // Step 1: the greatest common factor.
  const gcfParts: Expr[] = [];
  if (fz.xPow > 0) gcfParts.push(fz.xPow === 1 ? v(x) : pow(v(x), fz.xPow));
  if (y && fz.yPow > 0) gcfParts.push(fz.yPow === 1 ? v(y) : pow(v(y), fz.yPow));
  const hasGcf = gcfParts.length > 0 || !R.isOne(fz.k);
  const rest: Factorisation = { ...fz, k: R.ONE, xPow: 0, yPow: 0 };
  const primProduct = fz.factors.reduce<bigint[]>((acc, f) => {
    let out = acc;
    for (let i = 0; i < f.mult; i++) out = mulInt(out, f.cs);
    return out;
  }, [1n]);
  const primExpr = factorExpr({ cs: primProduct, mult: 1 }, x, y);
  const nothingMore = !isNontrivial(rest) || primProduct.length <= 2;
  if (hasGcf) {
    const kExpr = gcfExpr(fz.k, gcfParts);
    const shown = nothingMore ? factorisationExpr(fz) : timesGcf(fz.k, gcfParts, primExpr);
    w.step('Take out the greatest common factor')
      .text(`Every term is divisible by $${tex(kExpr)}$, so factor it out:`)
      .to({ kind: 'expr', expr: shown });
  }
  const wrap = (inner: Expr): Expr => (hasGcf ? timesGcf(fz.k, gcfParts, inner) : inner);
  const deg = primProduct.length - 1;
  if (deg === 2) {
    const [c, b, a] = primProduct as [bigint, bigint, bigint];
    quadraticSteps(a, b, c, x, y, w, wrap, fz);
  } else if (deg > 2 && (rest.factors.length > 1 || rest.factors.some((f) => f.mult > 1))) {
    const linear = fz.factors.filter((f) => f.cs.length === 2);
    const roots = linear.map((f) => tex(num(R.q(-f.cs[0]!, f.cs[1]!))));
    w.step('Find the rational roots')
      .text(
        `By the rational root theorem, try $\\pm\\frac{\\text{factors of } ${primProduct[0]}}{\\text{factors of } ${primProduct.at(-1)}}$. ` +
          `The value${roots.length > 1 ? 's' : ''} $${x} = ${roots.join(', ')}$ make${roots.length > 1 ? '' : 's'} the polynomial zero, so each gives a factor; dividing them out leaves the rest:`,
      )
      .to({ kind: 'expr', expr: wrap(factorisationExpr(rest)) });
  } else if (deg > 1 && !isNontrivial(rest)) {
    w.step('Check for further factors').text(`$${tex(primExpr)}$ has no rational roots, so it does not factor further over the rational numbers.`);
  }
  const final = factorisationExpr(fz);
  if (w.current.kind !== 'expr' || tex(w.current.expr) !== tex(final)) {
    w.step('Write the factored form').text('Putting the factors together:').to({ kind: 'expr', expr: final });
  }
  return final;
}

function timesGcf(k: Q, parts: Expr[], inner: Expr): Expr {
  if (parts.length === 0 && R.eq(k, R.MINUS_ONE)) return negate(inner);
  if (R.isNeg(k)) return negate(mul(gcfExpr(R.neg(k), parts), inner));
  return mul(gcfExpr(k, parts), inner);
}

function gcfExpr(k: Q, parts: Expr[]): Expr {
  if (parts.length === 0) return num(k);
  if (R.isOne(k)) return mul(...parts);
  if (R.eq(k, R.MINUS_ONE)) return negate(mul(...parts));
  return mul(num(k), ...parts);
}

function mulInt(a: bigint[], b: bigint[]): bigint[] {
  const out: bigint[] = new Array(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = out[i + j]! + x * y)));
  return out;
}

/** The quadratic a·x² + b·x + c (a > 0, integer, primitive): the pattern that applies, shown step by step. */
function quadraticSteps(a: bigint, b: bigint, c: bigint, x: string, y: string | undefined, w: Work, wrap: (e: Expr) => Expr, fz: Factorisation): void {
  const X = v(x);
  const Y = y ? v(y) : null;
  const yTerm = (k: bigint, p: number): Expr => {
    // k·y^p
    if (!Y || p === 0) return num(k);
    const yy = p === 1 ? Y : pow(Y, p);
    return k === 1n ? yy : k === -1n ? negate(yy) : mul(num(k), yy);
  };
  const D = b * b - 4n * a * c;
  const s = D >= 0n ? R.intRoot(D, 2n) : null;
  const quad = factorExpr({ cs: [c, b, a], mult: 1 }, x, y);
  if (s === null) {
    w.step('Check for further factors').text(
      `For $${tex(quad)}$ the discriminant is $b^2 - 4ac = ${tex(num(D))}$, which is not a perfect square, so it does not factor over the rational numbers.`,
    );
    return;
  }
  const final = factorisationExpr(fz);
  const ra = R.intRoot(a, 2n);
  const rc = c < 0n ? R.intRoot(-c, 2n) : R.intRoot(c, 2n);
  const ax = (k: bigint): Expr => (k === 1n ? X : mul(num(k), X));
  if (b === 0n && c < 0n && ra !== null && rc !== null) {
    const sq = add(pow(ax(ra), 2), negate(pow(yTerm(rc, 1), 2)));
    w.step('Use the difference of squares')
      .text(`Both terms are perfect squares, so use $a^2 - b^2 = (a + b)(a - b)$ with $a = ${tex(ax(ra))}$ and $b = ${tex(yTerm(rc, 1))}$:`)
      .to({ kind: 'expr', expr: wrap(sq) })
      .to({ kind: 'expr', expr: final });
    return;
  }
  if (D === 0n && ra !== null && rc !== null && c > 0n) {
    const sgn = b < 0n ? -1n : 1n;
    const shown = add(pow(ax(ra), 2), mul(num(2n * sgn), ax(ra), yTerm(rc, 1)), pow(yTerm(rc, 1), 2));
    w.step('Recognise a perfect square trinomial')
      .text(
        `The first and last terms are squares, $${tex(pow(ax(ra), 2))}$ and $${tex(pow(yTerm(rc, 1), 2))}$, and the middle term is $${sgn < 0n ? '-' : ''}2 \\cdot ${tex(ax(ra))} \\cdot ${tex(yTerm(rc, 1))}$, so use $a^2 ${sgn < 0n ? '-' : '+'} 2ab + b^2 = (a ${sgn < 0n ? '-' : '+'} b)^2$:`,
      )
      .to({ kind: 'expr', expr: wrap(shown) })
      .to({ kind: 'expr', expr: final });
    return;
  }
  // Two numbers m, n with m·n = a·c and m + n = b.
  const m = (b + s) / 2n;
  const n = (b - s) / 2n;
  if (a === 1n) {
    w.step('Find two numbers')
      .text(
        `Look for ${factorPairText(c, b, m, n)}. So:`,
      )
      .to({ kind: 'expr', expr: final });
    return;
  }
  // ac method: split the middle term and group.
  const split = add(mul(num(a), pow(X, 2)), mulY(m, X, Y), mulY(n, X, Y), yTerm(c, 2));
  w.step('Split the middle term (ac method)')
    .text(
      `Multiply $a \\cdot c = ${productTex(a, c)} = ${tex(num(a * c))}$. Find ${factorPairText(a * c, b, m, n)}. So split $${tex(mulY(b, X, Y))}$ into $${tex(mulY(m, X, Y))}$ and $${tex(mulY(n, X, Y))}$:`,
    )
    .to({ kind: 'expr', expr: wrap(split) });
  // Group: a x² + m x = g1·x·(p x + q), n x + c = g2·(p x + q).
  const g1 = R.gcd(a, m);
  const p = a / g1;
  const qq = m / g1;
  const g2 = (n * g1) / a;
  if (g2 * a === n * g1 && g2 * qq === c) {
    const inner = add(ax(p), yTerm(qq, 1));
    const grouped = add(mul(g1 === 1n ? X : mul(num(g1), X), inner), g2 === 1n ? inner : mul(yTerm(g2, 1), inner));
    w.step('Factor by grouping')
      .text(`Take out the common factor of each pair, then the common bracket $(${tex(inner)})$:`)
      .to({ kind: 'expr', expr: wrap(grouped) })
      .to({ kind: 'expr', expr: final });
  } else {
    w.step('Factor by grouping').text('Group the terms in pairs and take out the common bracket:').to({ kind: 'expr', expr: final });
  }
}

function mulY(k: bigint, X: Expr, Y: Expr | null): Expr {
  const base = Y ? mul(X, Y) : X;
  return k === 1n ? base : k === -1n ? negate(base) : mul(num(k), base);
}

export { polyExpr, displayOrder };
