/**
 * Independent checks on a solved problem, for tests: the step chain re-verified, the chain ending at the
 * answer, and the answer satisfying the problem (substituted back, or compared numerically).
 */
import type { Solved } from '../solve-problem.ts';
import type { Expr, Rel } from '../expr.ts';
import { checkLink, type State } from '../work.ts';
import { sameExpr, satisfies } from '../verify.ts';

export function checkSolved(s: Solved): string | null {
  const w = s.work;
  for (let i = 1; i < w.chain.length; i++) {
    if (!checkLink(w.chain[i - 1]!.state, w.chain[i]!.state, w.chain[i]!.link!, w.vars)) return `link ${i} does not hold`;
  }
  for (const c of w.claims) if (!c.ok()) return `claim fails: ${c.what}`;
  const first = w.chain[0]!.state;
  const last = w.chain.at(-1)!.state;
  const r = s.result;
  switch (r.kind) {
    case 'expr': {
      if (last.kind !== 'expr' || !sameExpr(last.expr, r.expr, w.vars)) return 'chain does not end at the answer';
      if (first.kind !== 'expr') return 'problem is not an expression';
      if (s.task.action === 'derivative') return null; // checked link by link (complex-step derivative)
      return sameExpr(first.expr, r.expr, w.vars) ? null : 'answer is not equal to the problem expression';
    }
    case 'solutions': {
      if (first.kind !== 'eqs') return 'problem is not an equation';
      const orig = first.rels[0]!;
      for (const val of r.values) {
        const env: Record<string, Expr> = { [r.v]: val };
        if (!satisfiesAll(orig, env)) return `${r.v} = … does not satisfy the problem`;
      }
      if (r.values.length > 0 && !endsWithValues(last, r.v, r.values)) return 'chain does not end at the solutions';
      return null;
    }
    case 'tuple': {
      if (first.kind !== 'system') return 'problem is not a system';
      const env: Record<string, Expr> = {};
      r.vars.forEach((x, i) => (env[x] = r.values[i]!));
      return first.rels.every((rel) => satisfies(rel, env)) ? null : 'tuple does not satisfy the system';
    }
    case 'ineq': {
      if (first.kind !== 'ineq' || last.kind !== 'interval') return 'inequality chain does not end in an interval';
      return null;
    }
    default:
      return null;
  }
}

function satisfiesAll(rel: Rel, env: Record<string, Expr>): boolean {
  return satisfies(rel, env);
}

function endsWithValues(last: State, x: string, values: Expr[]): boolean {
  if (last.kind !== 'eqs') return false;
  const rhs = last.rels.map((r) => (r.lhs.t === 'var' && r.lhs.name === x ? r.rhs : null));
  if (rhs.some((e) => !e)) return false;
  return values.every((v) => rhs.some((e) => sameExpr(e!, v))) && rhs.every((e) => values.some((v) => sameExpr(e!, v)));
}
