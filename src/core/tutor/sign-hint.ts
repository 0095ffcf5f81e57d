/**
 * "Check the sign of 3": a wrong line that becomes right when one term of the state before it (or of the next
 * state) has its sign flipped — the classic slip of moving a term across without changing its sign, or of
 * multiplying out a minus.
 */
import { type Expr, type Rel, negate, tex } from '../solver/expr.ts';
import { isNeg } from '../solver/rational.ts';
import { sameExpr, sameEquations, sameInequality } from '../solver/verify.ts';
import type { Statement } from './read-statement.ts';

const MAX_MUTANTS = 24;

interface Mutant {
  stmt: Statement;
  term: Expr;
}

/** Copies of e with one term of one sum negated, with the term flipped. */
function flips(e: Expr): { expr: Expr; term: Expr }[] {
  const out: { expr: Expr; term: Expr }[] = [];
  const visit = (x: Expr, rebuild: (y: Expr) => Expr) => {
    if (out.length >= MAX_MUTANTS) return;
    switch (x.t) {
      case 'add':
        x.args.forEach((a, i) => {
          const args = x.args.slice();
          args[i] = negate(a);
          out.push({ expr: rebuild({ t: 'add', args }), term: a });
          visit(a, (y) => {
            const again = x.args.slice();
            again[i] = y;
            return rebuild({ t: 'add', args: again });
          });
        });
        break;
      case 'mul':
        x.args.forEach((a, i) =>
          visit(a, (y) => {
            const args = x.args.slice();
            args[i] = y;
            return rebuild({ t: 'mul', args });
          }),
        );
        break;
      case 'div':
        visit(x.num, (y) => rebuild({ t: 'div', num: y, den: x.den }));
        visit(x.den, (y) => rebuild({ t: 'div', num: x.num, den: y }));
        break;
      case 'pow':
        visit(x.base, (y) => rebuild({ t: 'pow', base: y, exp: x.exp }));
        break;
      case 'neg':
        visit(x.arg, (y) => rebuild({ t: 'neg', arg: y }));
        break;
      default:
        break;
    }
  };
  visit(e, (y) => y);
  // A number's sign first: "check the sign of 5" says more than "check the sign of x".
  return [...out.filter((f) => f.term.t === 'num'), ...out.filter((f) => f.term.t !== 'num')];
}

function relFlips(r: Rel): { rel: Rel; term: Expr }[] {
  const sides = (side: 'lhs' | 'rhs') => {
    const e = r[side];
    const list = e.t === 'add' ? flips(e) : [{ expr: negate(e), term: e }, ...flips(e)];
    return list.map((f) => ({ rel: { ...r, [side]: f.expr }, term: f.term }));
  };
  return [...sides('lhs'), ...sides('rhs')];
}

function mutants(s: Statement): Mutant[] {
  switch (s.kind) {
    case 'expr':
      return flips(s.expr).map((f) => ({ stmt: { kind: 'expr', expr: f.expr }, term: f.term }));
    case 'eqs':
      if (s.rels.length !== 1) return [];
      return relFlips(s.rels[0]!).map((f) => ({ stmt: { kind: 'eqs', rels: [f.rel] }, term: f.term }));
    case 'ineq':
      return relFlips(s.rel).map((f) => ({ stmt: { kind: 'ineq', rel: f.rel }, term: f.term }));
    default:
      return [];
  }
}

function quickSame(a: Statement, b: Statement, vars: string[]): boolean {
  try {
    if (a.kind === 'expr' && b.kind === 'expr') return sameExpr(a.expr, b.expr, vars);
    if (a.kind === 'eqs' && b.kind === 'eqs') return sameEquations(a.rels, b.rels, undefined, vars);
    if (a.kind === 'ineq' && b.kind === 'ineq') return sameInequality(a.rel, b.rel, vars);
  } catch {
    return false;
  }
  return false;
}

const looksNegative = (e: Expr): boolean =>
  (e.t === 'num' && isNeg(e.v)) || e.t === 'neg' || (e.t === 'mul' && e.args[0]?.t === 'num' && isNeg(e.args[0].v));

/** "Check the sign of $3$." when one flipped sign in one of the references turns them into the line, else null. */
export function signHint(line: Statement, refs: Statement[], vars: string[]): string | null {
  for (const ref of refs) {
    for (const m of mutants(ref).slice(0, MAX_MUTANTS)) {
      if (quickSame(line, m.stmt, vars)) {
        const shown = looksNegative(m.term) ? negate(m.term) : m.term;
        return `Check the sign of $${tex(shown)}$.`;
      }
    }
  }
  return null;
}
