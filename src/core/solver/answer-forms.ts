/**
 * Answer forms an instruction asks for on an expression: "State the excluded values" (every value that makes a
 * denominator of the original expression zero, each one checked) and "Write answers with positive exponents"
 * (the answer must have none negative, or the solver declines rather than print another form).
 */
import * as R from './rational.ts';
import { type Expr, tex, contains, variables, num } from './expr.ts';
import type { Work } from './work.ts';
import { type Ctx, nfOf } from './algebra.ts';
import { isOnePoly } from './normal-form.ts';
import { factorisation } from './factor-polynomial.ts';
import { satisfies } from './verify.ts';
import { CannotSolve } from './solve-equation.ts';

/** True when some power in e has a negative numeric exponent. */
export function hasNegativeExponent(e: Expr): boolean {
  return contains(e, (x) => x.t === 'pow' && ((x.exp.t === 'num' && R.isNeg(x.exp.v)) || x.exp.t === 'neg'));
}

function denominators(e: Expr): Expr[] {
  const out: Expr[] = [];
  contains(e, (x) => {
    if (x.t === 'div') out.push(x.den);
    if (x.t === 'pow' && x.exp.t === 'num' && R.isNeg(x.exp.v)) out.push(x.base);
    return false;
  });
  return out;
}

/**
 * The values of the one variable that make a denominator of e zero, written as a step, each checked by
 * substitution. Throws CannotSolve when they are not all rational (the solver declines).
 */
export function stateExcludedValues(e: Expr, w: Work, ctx: Ctx): string {
  const vs = [...variables(e)];
  if (vs.length !== 1) throw new CannotSolve('excluded values for more than one letter');
  const x = vs[0]!;
  const values: Expr[] = [];
  const dens = denominators(e).filter((d) => variables(d).has(x));
  for (const den of dens) {
    const n = nfOf(den, ctx);
    if (!isOnePoly(n.den)) throw new CannotSolve('a denominator inside a denominator');
    const fz = factorisation(n.num, ctx);
    if (!fz) throw new CannotSolve('a denominator the solver cannot factor');
    if (fz.xPow > 0) values.push(num(0));
    for (const f of fz.factors) {
      const [c0, c1, c2] = f.cs as bigint[];
      if (f.cs.length === 2) values.push(num(R.neg(R.q(c0!, c1!))));
      else if (!(f.cs.length === 3 && c1! * c1! - 4n * c0! * c2! < 0n)) {
        throw new CannotSolve('a denominator with irrational zeros');
      }
    }
  }
  const unique = values.filter((v, i) => values.findIndex((u) => tex(u) === tex(v)) === i);
  if (unique.length === 0) {
    w.step('State the excluded values').text('No real number makes a denominator zero, so no values are excluded.');
    return '';
  }
  for (const r of unique) {
    w.claim(`${x} = ${tex(r)} makes a denominator zero`, () => dens.some((d) => satisfies({ op: '=', lhs: d, rhs: num(0) }, { [x]: r })));
  }
  const list = unique.map((r) => `${x} \\ne ${tex(r)}`).join(',\\ ');
  w.step('State the excluded values').text(`A denominator of the original expression is zero when $${unique.map((r) => `${x} = ${tex(r)}`).join('$ or $')}$, so these values are excluded:`).display(list);
  return list;
}
