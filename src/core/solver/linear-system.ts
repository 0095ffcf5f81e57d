/** Linear equations as rows of exact coefficients, and reduced row echelon form (used to check systems). */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Rel, sub } from './expr.ts';
import { toNF, isOnePoly, coeffsIn, constOf, polyDependsOn, type Poly } from './normal-form.ts';

export interface Row {
  coeffs: Q[];
  rhs: Q;
}

/** a₁x₁ + … + aₙxₙ = c from an equation, or null when it is not linear in `vars` with constant coefficients. */
export function linearRow(r: Rel, vars: string[]): Row | null {
  if (r.op !== '=') return null;
  let p: Poly;
  try {
    const n = toNF(sub(r.lhs, r.rhs));
    if (!isOnePoly(n.den)) return null;
    p = n.num;
  } catch {
    return null;
  }
  const coeffs: Q[] = [];
  let rest = p;
  for (const x of vars) {
    const cs = coeffsIn(rest, x);
    if (!cs || cs.length > 2) return null;
    const a = cs[1] ? constOf(cs[1]) : R.ZERO;
    if (!a) return null;
    coeffs.push(a);
    rest = cs[0] ?? { terms: [], key: '0' };
  }
  const c = constOf(rest);
  if (!c) return null;
  for (const x of vars) if (polyDependsOn(rest, x)) return null;
  return { coeffs, rhs: R.neg(c) };
}

export interface Rref {
  rows: Row[];
  rank: number;
  inconsistent: boolean;
  /** Canonical text of the non-zero rows, for comparing row spaces. */
  key: string;
  pivots: number[];
}

export function rref(rows0: Row[]): Rref {
  const rows = rows0.map((r) => ({ coeffs: r.coeffs.slice(), rhs: r.rhs }));
  const n = rows[0]?.coeffs.length ?? 0;
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && rank < rows.length; col++) {
    const p = rows.findIndex((r, i) => i >= rank && !R.isZero(r.coeffs[col]!));
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const piv = rows[rank]!;
    const k = piv.coeffs[col]!;
    piv.coeffs = piv.coeffs.map((c) => R.div(c, k));
    piv.rhs = R.div(piv.rhs, k);
    rows.forEach((r, i) => {
      if (i === rank || R.isZero(r.coeffs[col]!)) return;
      const f = r.coeffs[col]!;
      r.coeffs = r.coeffs.map((c, j) => R.sub(c, R.mul(f, piv.coeffs[j]!)));
      r.rhs = R.sub(r.rhs, R.mul(f, piv.rhs));
    });
    pivots.push(col);
    rank++;
  }
  const nonzero = rows.filter((r) => r.coeffs.some((c) => !R.isZero(c)) || !R.isZero(r.rhs));
  const inconsistent = nonzero.some((r) => r.coeffs.every(R.isZero));
  const key = nonzero.map((r) => `${r.coeffs.map(R.qToString).join(',')}|${R.qToString(r.rhs)}`).join(';');
  return { rows: nonzero, rank, inconsistent, key, pivots };
}
