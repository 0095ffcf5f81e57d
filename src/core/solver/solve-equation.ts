/**
 * Equations in one unknown (other letters are treated as constants): linear equations by inverse operations,
 * quadratics by factoring, square roots, completing the square or the quadratic formula, factored products by
 * the zero product property, and equations with the unknown in a denominator by clearing denominators.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, type Rel, tex, relTex, add, mul, num, v, frac, negate, sub, fn, contains, variables, substitute, pow } from './expr.ts';
import type { Work, Result } from './work.ts';
import { type Ctx, nfOf, simplify, polyExpr, numE } from './algebra.ts';
import { isOnePoly, coeffsIn, constOf, type Poly } from './normal-form.ts';
import { polyToExpr, nfToExpr } from './present.ts';
import { factorisation, factorExpr, factorisationExpr } from './factor-polynomial.ts';
import { satisfies } from './verify.ts';
import { factorPairText, math, productTex, varMath } from './wording.ts';
import type { Method } from './read-instruction.ts';

export class CannotSolve extends Error {}

const eqState = (lhs: Expr, rhs: Expr) => ({ kind: 'eqs' as const, rels: [{ op: '=' as const, lhs, rhs }] });
const orState = (rels: Rel[]) => ({ kind: 'eqs' as const, rels });

function show(e: Expr, ctx: Ctx): Expr {
  return simplify(e, ctx);
}

/** Entry point: solve `rel` for `x`, writing steps into `w`. */
export function solveEquation(rel: Rel, x: string, w: Work, ctx: Ctx, method?: Method): Result {
  let lhs = rel.lhs;
  let rhs = rel.rhs;
  const hasVarDen = contains(lhs, (e) => e.t === 'div' && variables(e.den).has(x)) || contains(rhs, (e) => e.t === 'div' && variables(e.den).has(x));
  const excluded: Expr[] = [];
  if (hasVarDen) {
    const d = nfOf(sub(lhs, rhs), ctx);
    const dens = denominatorsWith(rel, x, ctx);
    for (const den of dens) for (const r of linearRoots(den, x, ctx)) if (!excluded.some((e) => tex(e) === tex(r))) excluded.push(r);
    const sideNF = [nfOf(lhs, ctx), nfOf(rhs, ctx)];
    if (!isOnePoly(d.den) || hasNegativePower(d.num, x) || sideNF.some((n) => !isOnePoly(n.den) || hasNegativePower(n.num, x))) {
      // Clear denominators: multiply both sides by their least common multiple.
      const lcd = lcdOf(dens, ctx);
      const nl = show(mul(lcd, lhs), ctx);
      const nr = show(mul(lcd, rhs), ctx);
      w.step('Clear the denominators')
        .text(
          `The unknown is in a denominator, so $${excluded.map((e) => `${x} \\ne ${tex(e)}`).join(',\\ ') || `${x} \\ne 0`}$. Multiply both sides by $${tex(lcd)}$:`,
        )
        .to(eqState(nl, nr), { kind: 'multiply', by: lcd });
      lhs = nl;
      rhs = nr;
    } else if (excluded.length) {
      w.step('Note the excluded values').text(`The unknown appears in a denominator, so $${excluded.map((e) => `${x} \\ne ${tex(e)}`).join(',\\ ')}$.`);
    }
  }
  const f = nfOf(sub(lhs, rhs), ctx);
  if (!isOnePoly(f.den)) throw new CannotSolve('not a polynomial equation');
  const cs = coeffsIn(f.num, x);
  if (!cs) throw new CannotSolve(`not a polynomial in ${x}`);
  const degree = cs.length - 1;
  let result: Result;
  const zp = zeroProductForm(lhs, rhs, x, ctx);
  if (zp && (zp.factors.length > 1 || zp.factors.some((g) => g.mult > 1))) result = zeroProduct(zp.factors, x, w, ctx, zp.constant);
  else if (degree <= 1) result = linear(lhs, rhs, x, w, ctx);
  else if (cs.every((c) => constOf(c) !== null)) {
    const q = cs.map((c) => constOf(c)!);
    result = degree === 2 ? quadratic(lhs, rhs, q, x, w, ctx, method) : higher(lhs, rhs, q, x, w, ctx);
  } else throw new CannotSolve('coefficients depend on other letters');
  if (excluded.length && result.kind === 'solutions') {
    const bad = result.values.filter((r) => excluded.some((e) => sameNumber(r, e)));
    if (bad.length) {
      const good = result.values.filter((r) => !bad.includes(r));
      w.step('Reject excluded values').text(
        `$${bad.map((b) => `${x} = ${tex(b)}`).join(', ')}$ would make a denominator zero, so it is not a solution${good.length ? '' : ', and the equation has no solution'}.`,
      );
      if (good.length) w.to(orState(good.map((g) => ({ op: '=' as const, lhs: v(x), rhs: g }))), { kind: 'exclude', values: bad });
      result = { ...result, values: good };
    }
  }
  if (result.kind === 'solutions') {
    for (const r of result.values) {
      if (variables(r).size === 0) w.claim(`${x} = ${tex(r)} satisfies ${relTex(rel)}`, () => satisfies(rel, { [x]: r }));
    }
    const rational = result.values.filter((r) => r.t === 'num');
    if (rational.length > 0 && rational.length === result.values.length && rational.length <= 3) {
      const lines = rational.map((r) => `- $${x} = ${tex(r)}$: ${checkLine(rel, { [x]: r }, ctx)}`);
      w.step('Check').text(`Substitute ${rational.length > 1 ? 'each solution' : 'the solution'} into the original equation; both sides must agree:\n\n${lines.join('\n')}`);
    }
  }
  return result;
}

function sameNumber(a: Expr, b: Expr): boolean {
  try {
    return tex(a) === tex(b) || R.eq(constOf(nfOf(sub(a, b), { order: [] }).num) ?? R.ONE, R.ZERO);
  } catch {
    return false;
  }
}

function hasNegativePower(p: Poly, x: string): boolean {
  return p.terms.some((t) => t.m.some((f) => f.bkey === `v:${x}` && (constOf(f.e)?.n ?? 0n) < 0n));
}

function denominatorsWith(rel: Rel, x: string, ctx: Ctx): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>();
  const visit = (e: Expr) => {
    if (e.t === 'div' && variables(e.den).has(x)) {
      const d = show(e.den, ctx);
      if (!seen.has(tex(d))) {
        seen.add(tex(d));
        out.push(d);
      }
    }
    switch (e.t) {
      case 'add':
      case 'mul':
      case 'fn':
        e.args.forEach(visit);
        break;
      case 'neg':
        visit(e.arg);
        break;
      case 'div':
        visit(e.num);
        visit(e.den);
        break;
      case 'pow':
        visit(e.base);
        break;
    }
  };
  visit(rel.lhs);
  visit(rel.rhs);
  return out;
}

/** Roots of a linear or monomial denominator (what x cannot be). */
function linearRoots(den: Expr, x: string, ctx: Ctx): Expr[] {
  const n = nfOf(den, ctx);
  if (!isOnePoly(n.den)) return [];
  const cs = coeffsIn(n.num, x);
  if (!cs) return [];
  const q = cs.map(constOf);
  if (q.some((c) => c === null)) return [];
  const qq = q as Q[];
  if (qq.length === 2) return [num(R.neg(R.div(qq[0]!, qq[1]!)))];
  if (qq.length > 2 && qq.slice(0, -1).every(R.isZero)) return [num(0)];
  return [];
}

/** A common denominator: the product of the distinct denominators, after dropping numeric factors. */
function lcdOf(dens: Expr[], ctx: Ctx): Expr {
  // Denominators that are multiples of another (x and 2x) need only the larger.
  const monic = dens.map((d) => {
    const n = nfOf(d, ctx);
    const lead = n.num.terms.reduce((l, t) => R.lcm(l, t.c.d), 1n);
    void lead;
    return simplify(d, ctx);
  });
  const uniq: Expr[] = [];
  const keys: string[] = [];
  for (const d of monic) {
    const n = nfOf(d, ctx);
    // Strip numeric content so 2x and x count once.
    const t = n.num.terms;
    const content = t.reduce((g, term) => R.gcd(g, term.c.n), 0n) || 1n;
    const k = polyToExpr(n.num, ctx);
    const key = tex(simplify(frac(k, num(content)), ctx));
    if (!keys.includes(key)) {
      keys.push(key);
      uniq.push(d);
    }
  }
  // Keep the largest numeric multiple among equal keys.
  return uniq.length === 1 ? uniq[0]! : mul(...uniq);
}

// ---- linear ---------------------------------------------------------------------------------------------------

/** The same terms in another order (x − 4 vs −4 + x): not worth a step. */
function onlyReordered(a: Expr, b: Expr): boolean {
  const terms = (e: Expr) => (e.t === 'add' ? e.args : [e]).map((t) => tex(t)).sort().join('|');
  return terms(a) === terms(b);
}

/** A check line: both sides of the original equation at the solution. */
export function checkLine(rel: Rel, env: Record<string, Expr>, ctx: Ctx): string {
  const side = (e: Expr) => {
    const s = substitute(e, env);
    const val = simplify(s, ctx);
    return tex(s) === tex(val) ? tex(val) : `${tex(s)} = ${tex(val)}`;
  };
  return `$${side(rel.lhs)}$ and $${side(rel.rhs)}$ ✓`;
}

function linear(lhs0: Expr, rhs0: Expr, x: string, w: Work, ctx: Ctx): Result {
  let lhs = lhs0;
  let rhs = rhs0;
  const X = v(x);
  const parts = (e: Expr) => {
    const n = nfOf(e, ctx);
    const cs = coeffsIn(n.num, x);
    if (!cs || !isOnePoly(n.den)) throw new CannotSolve('not linear');
    const a = cs[1] ? constOf(cs[1]) : R.ZERO;
    if (!a) throw new CannotSolve(`the coefficient of ${x} depends on another letter`);
    return { a, b: cs[0] ? polyToExpr(cs[0], ctx) : num(0), bPoly: cs[0] ?? null };
  };
  const allCoeffs = () => {
    const l = parts(lhs);
    const r = parts(rhs);
    const bc = [l.bPoly, r.bPoly].flatMap((p) => (p ? p.terms.map((t) => t.c) : []));
    return [l.a, r.a, ...bc];
  };
  // Clear fractions (not decimals) so the rest is whole-number arithmetic.
  const L = allCoeffs().reduce((acc, c) => R.lcm(acc, c.d), 1n);
  if (L > 1n && !ctx.decimals) {
    const k = num(L);
    const nl = show(mul(k, lhs), ctx);
    const nr = show(mul(k, rhs), ctx);
    w.step('Clear the fractions').text(`Multiply both sides by $${L}$, the least common denominator:`).to(eqState(nl, nr));
    lhs = nl;
    rhs = nr;
  } else {
    const sl = show(lhs, ctx);
    const sr = show(rhs, ctx);
    if (!onlyReordered(sl, lhs) || !onlyReordered(sr, rhs)) {
      const distributes = contains(lhs, (e) => e.t === 'mul' && e.args.some((a) => a.t === 'add')) || contains(rhs, (e) => e.t === 'mul' && e.args.some((a) => a.t === 'add'));
      w.step(distributes ? 'Distribute and simplify each side' : 'Simplify each side')
        .text(distributes ? 'Multiply out the parentheses and combine like terms on each side:' : 'Combine like terms on each side:')
        .to(eqState(sl, sr));
      lhs = sl;
      rhs = sr;
    }
  }
  let l = parts(lhs);
  let r = parts(rhs);
  if (R.eq(l.a, r.a)) {
    // The unknown cancels: identity or contradiction.
    const left = show(sub(l.b, r.b), ctx);
    const zero = left.t === 'num' && R.isZero(left.v);
    w.step(`Collect the ${varMath(x)}-terms`).text(`Subtract $${tex(show(mul(num(l.a), X), ctx))}$ from both sides; the $${x}$-terms cancel:`).to(eqState(left, num(0)));
    if (zero) {
      w.step('Read the result').text(`$0 = 0$ is always true, so every value of $${x}$ is a solution.`);
      return { kind: 'all', v: x };
    }
    if (variables(left).size === 0) {
      w.step('Read the result').text(`$${tex(left)} = 0$ is never true, so the equation has no solution.`);
      return { kind: 'solutions', v: x, values: [] };
    }
    throw new CannotSolve('the unknown cancels');
  }
  // Put the unknown on the side where its coefficient ends up positive.
  const varLeft = R.cmp(l.a, r.a) > 0;
  const term = (a: Q) => show(mul(num(a), X), ctx);
  if (varLeft ? !R.isZero(r.a) : !R.isZero(l.a)) {
    const moved = varLeft ? r.a : l.a;
    const verb = R.isNeg(moved) ? 'Add' : 'Subtract';
    const nl = show(sub(lhs, mul(num(moved), X)), ctx);
    const nr = show(sub(rhs, mul(num(moved), X)), ctx);
    w.step(`Collect the ${varMath(x)}-terms on one side`).text(`${verb} $${tex(term(R.qabs(moved)))}$ ${verb === 'Add' ? 'to' : 'from'} both sides:`).to(eqState(nl, nr));
    lhs = nl;
    rhs = nr;
    l = parts(lhs);
    r = parts(rhs);
  }
  const varSide = varLeft ? l : r;
  const bVar = varSide.b;
  if (!(bVar.t === 'num' && R.isZero(bVar.v))) {
    const isConst = bVar.t === 'num';
    const leadNeg = (e: Expr): boolean => (e.t === 'num' ? R.isNeg(e.v) : e.t === 'neg' ? true : e.t === 'mul' ? leadNeg(e.args[0]!) : e.t === 'add' ? leadNeg(e.args[0]!) : false);
    const negative = leadNeg(bVar);
    const shownB = negative ? show(negate(bVar), ctx) : bVar;
    const verb = negative ? 'Add' : 'Subtract';
    const nl = show(sub(lhs, bVar), ctx);
    const nr = show(sub(rhs, bVar), ctx);
    w.step(isConst ? 'Move the constant term' : 'Move the other terms')
      .text(`${verb} $${tex(shownB)}$ ${verb === 'Add' ? 'to' : 'from'} both sides:`)
      .to(eqState(nl, nr));
    lhs = nl;
    rhs = nr;
    l = parts(lhs);
    r = parts(rhs);
  }
  const a = varLeft ? l.a : r.a;
  const other = varLeft ? rhs : lhs;
  const value = show(frac(other, num(a)), ctx);
  if (!R.isOne(a)) {
    const by = numE(a, ctx.decimals);
    const text = R.eq(a, R.MINUS_ONE) ? 'Multiply both sides by $-1$:' : `Divide both sides by $${tex(by)}$:`;
    w.step(`Solve for ${varMath(x)}`).text(text).to(eqState(X, value));
  } else if (!varLeft) {
    w.step(`Solve for ${varMath(x)}`).text('Swap the two sides:').to(eqState(X, value));
  } else if (tex(lhs) !== x) {
    w.step(`Solve for ${varMath(x)}`).to(eqState(X, value));
  }
  return { kind: 'solutions', v: x, values: [value] };
}

// ---- quadratic ------------------------------------------------------------------------------------------------

function standardForm(cs: Q[], x: string, w: Work, lhs: Expr, rhs: Expr, _ctx: Ctx): Q[] {
  let q = cs;
  const p = polyExpr(q, x);
  if (!(rhs.t === 'num' && R.isZero(rhs.v) && tex(lhs) === tex(p))) {
    w.step('Write the equation in standard form').text('Move every term to one side and combine like terms:').to(eqState(p, num(0)));
  }
  // Whole-number coefficients with no common factor and a positive leading coefficient.
  const L = q.reduce((acc, c) => R.lcm(acc, c.d), 1n);
  const ints = q.map((c) => R.mul(c, R.q(L)).n);
  let g = ints.reduce((a, b) => R.gcd(a, b), 0n);
  if (ints.at(-1)! < 0n) g = -g;
  const k = R.q(L, g);
  if (!R.isOne(k)) {
    q = q.map((c) => R.mul(c, k));
    const how = L > 1n ? (R.isInt(k) ? `Multiply both sides by $${tex(num(k))}$ to clear the fractions` : `Multiply both sides by $${tex(num(k))}$ to get whole-number coefficients`) : `Divide both sides by $${tex(num(R.inv(k)))}$`;
    w.step('Simplify the coefficients').text(`${how}:`).to(eqState(polyExpr(q, x), num(0)));
  }
  return q;
}

/**
 * A quadratic by the method asked for, when it applies; otherwise the usual choice (square roots, factoring,
 * completing the square in whole numbers, the formula), saying which method is used instead and why.
 */
function quadratic(lhs: Expr, rhs: Expr, cs0: Q[], x: string, w: Work, ctx: Ctx, method?: Method): Result {
  const cs = standardForm(cs0, x, w, lhs, rhs, ctx);
  const [c, b, a] = cs as [Q, Q, Q];
  const X = v(x);
  const D = R.sub(R.mul(b, b), R.mul(R.q(4), R.mul(a, c)));
  const rationalRoots = !R.isNeg(D) && R.qRoot(D, 2n) !== null;
  const squareEasy = R.isOne(a) && R.isInt(b) && b.n % 2n === 0n && !R.isNeg(D);
  const instead = (why: string) => w.step('Choose the method').text(why);
  if (method === 'factoring' && !rationalRoots) {
    instead(`The discriminant $b^2 - 4ac = ${tex(num(D))}$ is not a perfect square, so this quadratic does not factor over the integers; use ${squareEasy && !R.isZero(b) ? 'completing the square' : R.isZero(b) ? 'square roots' : 'the quadratic formula'} instead.`);
  } else if (method === 'completing-the-square' && !squareEasy && !R.isZero(b)) {
    instead(`Completing the square here would bring in fractions${R.isNeg(D) ? ' and the roots are not real' : ''}, so use the quadratic formula, which is completing the square done once for every quadratic.`);
    method = 'quadratic-formula';
  } else if (method === 'square-roots' && !R.isZero(b)) {
    instead(`The equation has a term in ${varMath(x)}, so square roots alone do not isolate it; ${rationalRoots ? 'factor' : squareEasy ? 'complete the square' : 'use the quadratic formula'} instead.`);
  }
  const skipRoots = method === 'quadratic-formula' || (method === 'factoring' && rationalRoots);
  const skipFactor = method === 'quadratic-formula' || method === 'completing-the-square';
  // x² = k: square roots.
  if (R.isZero(b) && !skipRoots) {
    const k = R.neg(R.div(c, a));
    if (!R.isOne(a) || !R.isZero(c)) {
      w.step(`Isolate ${math(tex(pow(X, 2)))}`).text(`Move the constant to the other side${R.isOne(a) ? '' : ` and divide by $${tex(num(a))}$`}:`).to(eqState(pow(X, 2), num(k)));
    }
    if (R.isZero(k)) {
      w.step('Take the square root').text(`Only $0$ squares to $0$:`).to(eqState(X, num(0)), { kind: 'same', mult: [2] });
      return { kind: 'solutions', v: x, values: [num(0)] };
    }
    const root = simplify(fn('sqrt', num(R.qabs(k))), ctx);
    if (R.isNeg(k)) {
      const iroot = simplify(mul({ t: 'const', name: 'i' }, fn('sqrt', num(R.qabs(k)))), ctx);
      w.step('Take the square root')
        .text(`No real number squares to a negative number, so there are **no real solutions**. Over the complex numbers, $\\sqrt{${tex(num(k))}} = ${tex(iroot)}$:`)
        .to(orState([{ op: '=', lhs: X, rhs: iroot }, { op: '=', lhs: X, rhs: negate(iroot) }]));
      return { kind: 'solutions', v: x, values: [iroot, simplify(negate(iroot), ctx)], realOnly: false, note: 'no real solutions' };
    }
    const exact = R.qRoot(R.qabs(k), 2n) !== null;
    w.step('Take the square root of both sides')
      .text(`Remember both the positive and the negative root${exact ? '' : `, and simplify $\\sqrt{${tex(num(k))}} = ${tex(root)}$`}:`)
      .to(orState([{ op: '=', lhs: X, rhs: simplify(negate(root), ctx) }, { op: '=', lhs: X, rhs: root }]));
    return { kind: 'solutions', v: x, values: [simplify(negate(root), ctx), root] };
  }
  // Rational roots: factor.
  const s = R.isNeg(D) ? null : R.qRoot(D, 2n);
  if (s !== null && !skipFactor) {
    const p = nfOf(polyExpr(cs, x), ctx).num;
    const fz = factorisation(p, ctx);
    if (!fz) throw new CannotSolve('factoring failed');
    const factored = factorisationExpr(fz);
    let how: string;
    if (R.isZero(c)) how = `Both terms contain ${varMath(x)}, so factor it out:`;
    else if (R.isZero(D)) how = 'The left side is a perfect square trinomial:';
    else if (R.isOne(a)) {
      const m = R.div(R.add(b, s), R.q(2));
      const n = R.div(R.sub(b, s), R.q(2));
      how = `Find ${factorPairText(c, b, m, n)}. So the left side factors:`;
    } else {
      const ac = R.mul(a, c);
      const m = R.div(R.add(b, s), R.q(2));
      const n = R.div(R.sub(b, s), R.q(2));
      how = `Use the ac method: $a \\cdot c = ${productTex(a, c)} = ${tex(num(ac))}$. Find ${factorPairText(ac, b, m, n)}. Splitting the middle term and grouping gives:`;
    }
    w.step('Factor').text(how).to(eqState(factored, num(0)));
    const factors = fz.factors.map((f) => ({ expr: factorExpr(f, x), mult: f.mult }));
    if (fz.xPow > 0) factors.unshift({ expr: fz.xPow === 1 ? X : pow(X, fz.xPow), mult: 1 });
    return zeroProduct(factors, x, w, ctx, null, true);
  }
  // Complete the square when it stays in whole numbers, otherwise the quadratic formula.
  if (squareEasy && method !== 'quadratic-formula') {
    const half = R.div(b, R.q(2));
    const k = R.sub(R.mul(half, half), c);
    w.step('Move the constant').text('Keep the terms with the unknown on the left:').to(eqState(polyExpr([R.ZERO, b, a], x), num(R.neg(c))));
    const sq = R.mul(half, half);
    w.step('Complete the square')
      .text(`Add $\\left(\\frac{${tex(num(b))}}{2}\\right)^2 = ${tex(num(sq))}$ to both sides; the left side becomes a perfect square:`)
      .to(eqState(pow(add(X, num(half)), 2), num(k)));
    const root = simplify(fn('sqrt', num(k)), ctx);
    const r1 = simplify(sub(num(R.neg(half)), root), ctx);
    const r2 = simplify(add(num(R.neg(half)), root), ctx);
    w.step('Take the square root of both sides')
      .text('Remember both signs:')
      .to(orState([{ op: '=', lhs: add(X, num(half)), rhs: simplify(negate(root), ctx) }, { op: '=', lhs: add(X, num(half)), rhs: root }]));
    w.step(`Solve for ${varMath(x)}`).text(`Subtract $${tex(num(half))}$ from both sides:`).to(orState([{ op: '=', lhs: X, rhs: r1 }, { op: '=', lhs: X, rhs: r2 }]));
    return { kind: 'solutions', v: x, values: [r1, r2] };
  }
  w.step('Identify the coefficients')
    .text(`The equation has the form $ax^2 + bx + c = 0$ with $a = ${tex(num(a))}$, $b = ${tex(num(b))}$ and $c = ${tex(num(c))}$.`);
  const discExpr = sub(pow(num(b), 2), mul(num(4), num(a), num(c)));
  w.step('Compute the discriminant').text('The discriminant decides how many real solutions there are:').display(`b^2 - 4ac = ${tex(discExpr)} = ${tex(num(D))}`);
  w.claimEqual(discExpr, num(D));
  const sqrtD = simplify(fn('sqrt', num(D)), ctx);
  const r1 = simplify(frac(sub(num(R.neg(b)), fn('sqrt', num(D))), num(R.mul(R.q(2), a))), ctx);
  const r2 = simplify(frac(add(num(R.neg(b)), fn('sqrt', num(D))), num(R.mul(R.q(2), a))), ctx);
  const formula = `${x} = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a} = \\frac{${tex(num(R.neg(b)))} \\pm ${tex(fn('sqrt', num(D)))}}{${tex(num(R.mul(R.q(2), a)))}}`;
  if (R.isNeg(D)) {
    w.step('Apply the quadratic formula')
      .text(`The discriminant is negative, so there are **no real solutions**. Over the complex numbers, $\\sqrt{${tex(num(D))}} = ${tex(sqrtD)}$:`)
      .display(formula)
      .to(orState([{ op: '=', lhs: X, rhs: r1 }, { op: '=', lhs: X, rhs: r2 }]));
    return { kind: 'solutions', v: x, values: [r1, r2], realOnly: false, note: 'no real solutions' };
  }
  const kind = R.isZero(D) ? 'zero, so there is one repeated solution' : rationalRoots ? 'a perfect square, so the solutions are rational' : 'positive but not a perfect square, so there are two irrational solutions';
  w.step('Apply the quadratic formula')
    .text(`The discriminant is ${kind}. Simplify $\\sqrt{${tex(num(D))}} = ${tex(sqrtD)}$:`)
    .display(formula)
    .to(orState([{ op: '=', lhs: X, rhs: r1 }, { op: '=', lhs: X, rhs: r2 }]));
  return { kind: 'solutions', v: x, values: [r1, r2] };
}

function higher(lhs: Expr, rhs: Expr, cs: Q[], x: string, w: Work, ctx: Ctx): Result {
  const p = nfOf(polyExpr(cs, x), ctx).num;
  const fz = factorisation(p, ctx);
  if (!fz || fz.factors.some((f) => f.cs.length > 2)) throw new CannotSolve('cannot factor into linear factors');
  const std = polyExpr(cs, x);
  if (!(rhs.t === 'num' && R.isZero(rhs.v) && tex(lhs) === tex(std))) w.step('Write the equation in standard form').text('Move every term to one side:').to(eqState(std, num(0)));
  w.step('Factor').text('Take out common factors and find the rational roots:').to(eqState(factorisationExpr(fz), num(0)));
  const factors = fz.factors.map((f) => ({ expr: factorExpr(f, x), mult: f.mult }));
  if (fz.xPow > 0) factors.unshift({ expr: v(x), mult: fz.xPow });
  return zeroProduct(factors, x, w, ctx, null, true);
}

// ---- zero product ---------------------------------------------------------------------------------------------

interface ZFactor {
  expr: Expr;
  mult: number;
}

/** "product = 0" (either side) with at least one factor containing x: its factors. */
function zeroProductForm(lhs: Expr, rhs: Expr, x: string, ctx: Ctx): { factors: ZFactor[]; constant: Expr | null } | null {
  const isZero = (e: Expr) => e.t === 'num' && R.isZero(e.v);
  const side = isZero(rhs) ? lhs : isZero(lhs) ? rhs : null;
  if (!side) return null;
  let s = side;
  if (s.t === 'neg') s = s.arg;
  const items = s.t === 'mul' ? s.args : [s];
  const factors: ZFactor[] = [];
  const consts: Expr[] = [];
  for (const it of items) {
    if (!variables(it).has(x)) {
      consts.push(it);
      continue;
    }
    if (it.t === 'pow' && it.exp.t === 'num' && R.isInt(it.exp.v) && it.exp.v.n > 0n && it.exp.v.n < 20n) factors.push({ expr: simplify(it.base, ctx), mult: Number(it.exp.v.n) });
    else factors.push({ expr: simplify(it, ctx), mult: 1 });
  }
  // Every factor must be linear in x for this route.
  for (const f of factors) {
    const n = nfOf(f.expr, ctx);
    const cs = isOnePoly(n.den) ? coeffsIn(n.num, x) : null;
    if (!cs || cs.length > 2 || !cs[1] || !constOf(cs[1])) return null;
  }
  return { factors, constant: consts.length ? mul(...consts) : null };
}

function zeroProduct(factors: ZFactor[], x: string, w: Work, ctx: Ctx, constant: Expr | null, afterFactor = false): Result {
  // Merge equal factors (x·x, (x − 5)²).
  const merged: ZFactor[] = [];
  for (const f of factors) {
    const prev = merged.find((m) => tex(m.expr) === tex(f.expr));
    if (prev) prev.mult += f.mult;
    else merged.push({ ...f });
  }
  const rels: Rel[] = merged.map((f) => ({ op: '=', lhs: f.expr, rhs: num(0) }));
  const text =
    (constant ? `The factor $${tex(constant)}$ is not zero, so it can be ignored. ` : '') +
    (merged.length > 1 ? 'A product is zero exactly when one of its factors is zero:' : 'A power is zero exactly when its base is zero:');
  w.step(afterFactor ? 'Use the zero product property' : 'Use the zero product property').text(text).to(orState(rels), { kind: 'same', mult: merged.map((f) => f.mult) });
  const values: Expr[] = [];
  const solved: Rel[] = [];
  for (const f of merged) {
    const n = nfOf(f.expr, ctx);
    const cs = coeffsIn(n.num, x)!;
    const a = constOf(cs[1]!)!;
    const b = cs[0] ? polyToExpr(cs[0], ctx) : num(0);
    const value = simplify(frac(negate(b), num(a)), ctx);
    values.push(value);
    solved.push({ op: '=', lhs: v(x), rhs: value });
  }
  if (solved.some((r, i) => tex(r.lhs) !== tex(rels[i]!.lhs) || tex(r.rhs) !== tex(rels[i]!.rhs))) {
    w.step('Solve each equation').text(merged.length > 1 ? 'Solve each of these linear equations:' : 'Solve it:').to(orState(solved));
  }
  return { kind: 'solutions', v: x, values };
}

export { polyExpr, nfToExpr, substitute };
