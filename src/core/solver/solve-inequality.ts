/**
 * Linear inequalities in one unknown: the same moves as for equations, except that multiplying or dividing by
 * a negative number reverses the sign, which the steps say out loud. The answer is given as an inequality and
 * in interval notation.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, type Rel, type RelOp, tex, mul, num, v, frac, sub, flipOp, opTex } from './expr.ts';
import type { Work, Result, State } from './work.ts';
import { varMath } from './wording.ts';
import { type Ctx, nfOf, simplify, numE } from './algebra.ts';
import { isOnePoly, coeffsIn, constOf } from './normal-form.ts';
import { polyToExpr } from './present.ts';
import { CannotSolve } from './solve-equation.ts';

const st = (lhs: Expr, op: RelOp, rhs: Expr): State => ({ kind: 'ineq', rel: { op, lhs, rhs } });

export function solveInequality(rel: Rel, x: string, w: Work, ctx: Ctx, interval: boolean): Result {
  const X = v(x);
  const parts = (e: Expr) => {
    const n = nfOf(e, ctx);
    const cs = isOnePoly(n.den) ? coeffsIn(n.num, x) : null;
    if (!cs || cs.length > 2) throw new CannotSolve('only linear inequalities');
    const a = cs[1] ? constOf(cs[1]) : R.ZERO;
    const b = cs[0] ? constOf(cs[0]) : R.ZERO;
    if (!a || !b) throw new CannotSolve('the inequality has other letters');
    return { a, b };
  };
  let lhs = rel.lhs;
  let rhs = rel.rhs;
  let op = rel.op;
  const sl = simplify(lhs, ctx);
  const sr = simplify(rhs, ctx);
  if (tex(sl) !== tex(lhs) || tex(sr) !== tex(rhs)) {
    w.step('Simplify each side').text('Multiply out and combine like terms on each side:').to(st(sl, op, sr));
    lhs = sl;
    rhs = sr;
  }
  const l = parts(lhs);
  const r = parts(rhs);
  const a = R.sub(l.a, r.a);
  const b = R.sub(r.b, l.b);
  const term = (c: Q) => simplify(mul(numE(c, ctx.decimals), X), ctx);
  if (!R.isZero(r.a)) {
    const verb = R.isNeg(r.a) ? 'Add' : 'Subtract';
    lhs = simplify(sub(lhs, mul(num(r.a), X)), ctx);
    rhs = simplify(sub(rhs, mul(num(r.a), X)), ctx);
    w.step(`Collect the ${varMath(x)}-terms on the left`).text(`${verb} $${tex(term(R.qabs(r.a)))}$ ${verb === 'Add' ? 'to' : 'from'} both sides:`).to(st(lhs, op, rhs));
  }
  if (!R.isZero(l.b)) {
    const verb = R.isNeg(l.b) ? 'Add' : 'Subtract';
    lhs = simplify(sub(lhs, num(l.b)), ctx);
    rhs = simplify(sub(rhs, num(l.b)), ctx);
    w.step('Move the constant term').text(`${verb} $${tex(numE(R.qabs(l.b), ctx.decimals))}$ ${verb === 'Add' ? 'to' : 'from'} both sides:`).to(st(lhs, op, rhs));
  }
  if (R.isZero(a)) {
    const holds = (() => {
      const c = R.cmp(R.ZERO, b);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    })();
    w.step('Read the result').text(holds ? `$0 ${opTex(op)} ${tex(num(b))}$ is always true: every real number is a solution.` : `$0 ${opTex(op)} ${tex(num(b))}$ is never true: there is no solution.`);
    if (holds) return { kind: 'all', v: x };
    return { kind: 'solutions', v: x, values: [] };
  }
  const bound = simplify(frac(num(b), num(a)), ctx);
  if (!R.isOne(a)) {
    const flips = R.isNeg(a);
    const newOp = flips ? flipOp(op) : op;
    w.step(`Solve for ${varMath(x)}`)
      .text(
        flips
          ? `Divide both sides by $${tex(numE(a, ctx.decimals))}$. Dividing by a **negative** number reverses the inequality sign, so $${opTex(op)}$ becomes $${opTex(newOp)}$:`
          : `Divide both sides by $${tex(numE(a, ctx.decimals))}$ (positive, so the sign stays the same):`,
      )
      .to(st(X, newOp, bound));
    op = newOp;
  }
  const approx = !R.isInt(bound.t === 'num' ? bound.v : R.ONE) && bound.t === 'num' && R.toDecimalString(bound.v) === null;
  if (approx && bound.t === 'num') {
    w.text(`(That is $${x} ${opTex(op)} ${(Number(bound.v.n) / Number(bound.v.d)).toFixed(4)}\\ldots$ as a decimal.)`);
  }
  const iv: State & { kind: 'interval' } =
    op === '<' || op === '<='
      ? { kind: 'interval', v: x, lo: null, hi: bound, loClosed: false, hiClosed: op === '<=' }
      : { kind: 'interval', v: x, lo: bound, hi: null, loClosed: op === '>=', hiClosed: false };
  w.step('Write the solution in interval notation')
    .text(
      `${op === '<' || op === '>' ? 'The endpoint is not included (strict inequality), so use a parenthesis' : 'The endpoint is included, so use a square bracket'}; the infinite end always gets a parenthesis:`,
    )
    .to(iv, { kind: 'same' });
  void interval;
  return { kind: 'ineq', rel: { op, lhs: X, rhs: bound }, interval: iv };
}

export { polyToExpr };
