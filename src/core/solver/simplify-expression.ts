/**
 * Simplifying and expanding expressions: each term on its own first (products multiplied out, fractions
 * reduced, powers combined), then like terms combined; quotients of polynomials factored and cancelled.
 */
import * as R from './rational.ts';
import { type Expr, tex, add, mul, pow, num, frac, negate, contains, variables } from './expr.ts';
import type { Work } from './work.ts';
import { type Ctx, nfOf, simplify } from './algebra.ts';
import { isOnePoly, type Poly, displayOrder, toUni } from './normal-form.ts';
import { polyToExpr, termToExpr, nfToExpr } from './present.ts';
import { factorPolyExpr, factorisation } from './factor-polynomial.ts';

const isSum = (e: Expr) => e.t === 'add';

/** The terms of e at the top level (a − b has terms a and −b). */
function topTerms(e: Expr): Expr[] {
  if (e.t === 'add') return e.args;
  if (e.t === 'neg' && e.arg.t === 'add') return e.arg.args.map(negate);
  return [e];
}

/** Terms of a polynomial written out one by one, highest degree first. */
function termsOf(p: Poly, ctx: Ctx): Expr[] {
  return displayOrder(p, ctx.order).map((t) => termToExpr(t, ctx));
}

/** The product a·b of two simplified terms, as one simplified term. */
function timesTerm(a: Expr, b: Expr, ctx: Ctx): Expr {
  return simplify(mul(a, b), ctx);
}

/**
 * A product containing sums, multiplied out term by term without combining yet (FOIL), or a binomial square
 * by the pattern (a + b)² = a² + 2ab + b². Null when there is nothing to distribute or it would be too long.
 */
export function distributeShown(e: Expr, ctx: Ctx): { expr: Expr; how: string } | null {
  let sign = false;
  let t = e;
  if (t.t === 'neg') {
    sign = true;
    t = t.arg;
  }
  // (a + b)^2
  if (t.t === 'pow' && t.exp.t === 'num' && R.eq(t.exp.v, R.q(2)) && isSum(t.base)) {
    const n = nfOf(t.base, ctx);
    if (isOnePoly(n.den) && n.num.terms.length === 2) {
      const [a, b] = termsOf(n.num, ctx) as [Expr, Expr];
      const parts = [timesTerm(a, a, ctx), timesTerm(mul(num(2), a), b, ctx), timesTerm(b, b, ctx)];
      const out = add(...parts);
      return {
        expr: sign ? negate(out) : out,
        how: `Square the binomial with $(a + b)^2 = a^2 + 2ab + b^2$, where $a = ${tex(a)}$ and $b = ${tex(b)}$`,
      };
    }
  }
  const factors = t.t === 'mul' ? t.args : [];
  const sums = factors.filter((f) => isSum(f) || (f.t === 'neg' && isSum(f.arg)));
  if (factors.length < 2 || sums.length === 0) return null;
  // Multiply the other factors into one monomial, then distribute over the sums in turn.
  const mono = factors.filter((f) => !sums.includes(f));
  let acc: Expr[] = [mono.length ? simplify(mul(...mono), ctx) : num(1)];
  for (const s of sums) {
    const n = nfOf(s, ctx);
    if (!isOnePoly(n.den)) return null;
    const ts = termsOf(n.num, ctx);
    const next: Expr[] = [];
    for (const a of acc) for (const b of ts) next.push(timesTerm(a, b, ctx));
    acc = next;
    if (acc.length > 12) return null;
  }
  if (acc.length <= 1) return null;
  const out = add(...acc);
  const how =
    sums.length === 1
      ? 'Distribute: multiply each term inside the parentheses by the factor in front'
      : 'Multiply every term of one bracket by every term of the other';
  return { expr: sign ? negate(out) : out, how };
}

const hasDivByVar = (e: Expr) => contains(e, (x) => x.t === 'div' && variables(x.den).size > 0);

/** Values that make a denominator zero (for the "x ≠ …" note), when they are simple to find. */
function excludedValues(e: Expr, ctx: Ctx): string[] {
  const out = new Set<string>();
  const visit = (x: Expr) => {
    if (x.t === 'div') {
      const vs = [...variables(x.den)];
      if (vs.length === 1) {
        const cs = (() => {
          try {
            const n = nfOf(x.den, ctx);
            return isOnePoly(n.den) ? toUni(n.num, vs[0]!) : null;
          } catch {
            return null;
          }
        })();
        if (cs && cs.length === 2) out.add(`${vs[0]} \\ne ${tex(num(R.neg(R.div(cs[0]!, cs[1]!))))}`);
        if (cs && cs.length > 2 && cs.slice(0, -1).every((c) => R.isZero(c))) out.add(`${vs[0]} \\ne 0`);
        else if (cs && cs.length > 2) {
          const fz = factorisation(nfOf(x.den, ctx).num, ctx);
          for (const f of fz?.factors ?? []) if (f.cs.length === 2) out.add(`${vs[0]} \\ne ${tex(num(R.q(-f.cs[0]!, f.cs[1]!)))}`);
          if (fz && fz.xPow > 0) out.add(`${vs[0]} \\ne 0`);
        }
      }
    }
    switch (x.t) {
      case 'add':
      case 'mul':
      case 'fn':
        x.args.forEach(visit);
        break;
      case 'neg':
        visit(x.arg);
        break;
      case 'div':
        visit(x.num);
        visit(x.den);
        break;
      case 'pow':
        visit(x.base);
        break;
    }
  };
  visit(e);
  return [...out];
}

export interface SimplifyOptions {
  mode: 'simplify' | 'expand';
}

/** Writes the steps; returns the simplified expression. */
export function simplifyWithSteps(e: Expr, w: Work, ctx: Ctx, opts: SimplifyOptions): Expr {
  const final = simplify(e, ctx);
  const finalTex = tex(final);
  let cur = e;
  let curTex = tex(e);
  const note = excludedValues(e, ctx);

  const push = (title: string, text: string, next: Expr) => {
    const t = tex(next);
    if (t === curTex) return;
    w.step(title).text(text).to({ kind: 'expr', expr: next });
    cur = next;
    curTex = t;
  };

  // 0. Numbers with roots: simplify each root, then the top and bottom, then rationalise.
  if (variables(e).size === 0 && contains(e, (x) => x.t === 'fn' && (x.name === 'sqrt' || x.name === 'root'))) {
    const roots = mapRoots(e, ctx);
    if (tex(roots) !== curTex) push('Simplify each square root', 'Take perfect-square factors out of each root ($\\sqrt{ab} = \\sqrt{a}\\sqrt{b}$):', roots);
    if (cur.t === 'div') {
      const parts = frac(simplify(cur.num, ctx), simplify(cur.den, ctx));
      push('Simplify the numerator and the denominator', 'Work out the top and the bottom separately:', parts);
      if (tex(final) !== curTex) {
        const radicalBelow = contains((parts as { den: Expr }).den, (x) => x.t === 'fn');
        push(radicalBelow ? 'Rationalise the denominator' : 'Simplify the fraction', radicalBelow ? 'Multiply the top and the bottom by the root in the denominator, then reduce:' : 'Reduce the fraction:', final);
      }
      return final;
    }
  }

  // 1. Combine like terms inside each bracket of a product, if any can be ("(-t - t + t)").
  if (opts.mode === 'expand') {
    const inner = mapSums(cur, ctx);
    if (inner && tex(inner) !== curTex) push('Simplify inside the parentheses', 'Combine the like terms inside each pair of parentheses:', inner);
  }

  // 2. A single quotient of polynomials: factor the top and bottom, then cancel.
  if (cur.t === 'div' && (isSum(cur.num) || isSum(cur.den) || contains(cur.num, isSum) || contains(cur.den, isSum)) && opts.mode === 'simplify') {
    const nNF = nfOf(cur.num, ctx);
    const dNF = nfOf(cur.den, ctx);
    if (isOnePoly(nNF.den) && isOnePoly(dNF.den)) {
      const fn = factorPolyExpr(nNF.num, ctx);
      const fd = factorPolyExpr(dNF.num, ctx);
      if (fn && fd) {
        const shown = frac(fn, fd);
        push('Factor the numerator and the denominator', 'Write the top and the bottom as products of factors:', shown);
      }
      if (tex(final) !== curTex) {
        const text = `Cancel the factors that appear in both the numerator and the denominator${note.length ? ` (allowed because $${note.join(',\\ ')}$)` : ''}:`;
        push('Cancel common factors', text, final);
      }
      return final;
    }
  }

  // 3. Powers of a simplified quotient or product: simplify inside first.
  if (cur.t === 'pow' && cur.exp.t === 'num' && !isSum(cur.base)) {
    const base = cur.base;
    const inside = simplify(base, ctx);
    const shown = pow(inside, cur.exp);
    if (tex(inside) !== tex(base)) push('Simplify inside the parentheses', 'Simplify the expression inside the parentheses first:', shown);
    push('Apply the power', 'Raise every factor to the power, multiplying the exponents:', final);
    return final;
  }

  // 4. Each term on its own: distribute products of sums, multiply monomials, reduce fractions.
  const terms = topTerms(cur);
  const distributed: Expr[] = [];
  let how: string | null = null;
  for (const t of terms) {
    const d = distributeShown(t, ctx);
    if (d) {
      how ??= d.how;
      distributed.push(...topTerms(d.expr));
    } else distributed.push(t);
  }
  if (how) push(opts.mode === 'expand' ? 'Multiply out' : 'Multiply out the parentheses', `${how}:`, add(...distributed));

  const perTerm = topTerms(cur).flatMap((t) => topTerms(simplify(t, ctx)));
  const perTermExpr = add(...perTerm);
  if (tex(perTermExpr) !== finalTex && topTerms(cur).length > 1) {
    const title = hasDivByVar(cur) ? 'Simplify each fraction' : 'Simplify each term';
    push(title, 'Work out each term on its own: multiply the numbers and combine the powers of each variable:', perTermExpr);
  }
  const title = topTerms(cur).length > 1 ? 'Combine like terms' : 'Simplify';
  const text =
    topTerms(cur).length > 1
      ? 'Add the coefficients of terms with the same variables and powers:'
      : 'Multiply the numbers together and combine the powers of each variable:';
  push(title, note.length && hasDivByVar(e) ? `${text.slice(0, -1)} (for $${note.join(',\\ ')}$):` : text, final);
  if (w.current.kind !== 'expr' || tex(w.current.expr) !== finalTex) {
    w.step('Simplify').text('This is already as simple as it gets:').to({ kind: 'expr', expr: final });
  }
  return final;
}

/** Replace each numeric root by its simplified form (√48 → 4√3). */
function mapRoots(e: Expr, ctx: Ctx): Expr {
  switch (e.t) {
    case 'fn':
      if ((e.name === 'sqrt' || e.name === 'root') && variables(e).size === 0) return simplify(e, ctx);
      return { ...e, args: e.args.map((a) => mapRoots(a, ctx)) };
    case 'add':
    case 'mul':
      return { ...e, args: e.args.map((a) => mapRoots(a, ctx)) };
    case 'neg':
      return { t: 'neg', arg: mapRoots(e.arg, ctx) };
    case 'div':
      return { t: 'div', num: mapRoots(e.num, ctx), den: mapRoots(e.den, ctx) };
    case 'pow':
      return { t: 'pow', base: mapRoots(e.base, ctx), exp: mapRoots(e.exp, ctx) };
    default:
      return e;
  }
}

/** Replace each sum inside a product by its collected form. */
function mapSums(e: Expr, ctx: Ctx): Expr | null {
  const go = (x: Expr, top: boolean): Expr => {
    if (x.t === 'add' && !top) return simplify(x, ctx);
    switch (x.t) {
      case 'add':
        return { t: 'add', args: x.args.map((a) => go(a, true)) };
      case 'mul':
        return { t: 'mul', args: x.args.map((a) => go(a, false)) };
      case 'neg':
        return { t: 'neg', arg: go(x.arg, top) };
      case 'pow':
        return { t: 'pow', base: go(x.base, false), exp: x.exp };
      default:
        return x;
    }
  };
  try {
    return go(e, true);
  } catch {
    return null;
  }
}

export { nfToExpr, polyToExpr };
