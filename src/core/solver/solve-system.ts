/**
 * Systems of two or three linear equations, by substitution or by elimination (as asked; elimination
 * otherwise). Every intermediate system is checked to have the same solutions as the one before, and the
 * answer is substituted back into each original equation. No solution and infinitely many are said plainly.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, type Rel, tex, relTex, add, mul, num, v, negate, variables, substitute } from './expr.ts';
import type { Work, Result } from './work.ts';
import type { Ctx } from './algebra.ts';
import { simplify } from './algebra.ts';
import { linearRow, rref, type Row } from './linear-system.ts';
import type { Task } from './read-problem.ts';
import { CannotSolve, checkLine } from './solve-equation.ts';
import { satisfies } from './verify.ts';
import { varMath } from './wording.ts';

function rowRel(r: Row, vars: string[]): Rel {
  const terms: Expr[] = [];
  r.coeffs.forEach((c, i) => {
    if (R.isZero(c)) return;
    const X = v(vars[i]!);
    terms.push(R.isOne(c) ? X : R.eq(c, R.MINUS_ONE) ? negate(X) : mul(num(c), X));
  });
  return { op: '=', lhs: terms.length ? add(...terms) : num(0), rhs: num(r.rhs) };
}

const scale = (r: Row, k: Q): Row => ({ coeffs: r.coeffs.map((c) => R.mul(c, k)), rhs: R.mul(r.rhs, k) });
const plus = (a: Row, b: Row): Row => ({ coeffs: a.coeffs.map((c, i) => R.add(c, b.coeffs[i]!)), rhs: R.add(a.rhs, b.rhs) });
const sysState = (rels: Rel[]) => ({ kind: 'system' as const, rels });
const ordinalName = ['first', 'second', 'third'];

function systemVars(rels: Rel[], ctx: Ctx): string[] {
  const vs = new Set<string>();
  for (const r of rels) for (const x of variables(r)) vs.add(x);
  const list = [...vs];
  // x, y, z in alphabetical order when they are the usual letters; otherwise as written.
  if (list.every((x) => 'xyz'.includes(x))) return list.sort();
  return list.sort((a, b) => ctx.order.indexOf(a) - ctx.order.indexOf(b));
}

export function solveSystem(rels: Rel[], w: Work, ctx: Ctx, task: Task): Result {
  const vars = systemVars(rels, ctx);
  if (rels.length < 2 || rels.length > 3 || vars.length !== rels.length) throw new CannotSolve('only 2×2 and 3×3 linear systems');
  const rows0 = rels.map((r) => linearRow(r, vars));
  if (rows0.some((r) => !r)) throw new CannotSolve('the system is not linear');
  const rows = (rows0 as Row[]).map((r) => normaliseRow(r));
  const std = rows.map((r) => rowRel(r, vars));
  if (std.some((r, i) => relTex(r) !== relTex(rels[i]!))) {
    w.step('Write each equation in standard form')
      .text(`Move the unknowns to the left and the constants to the right${rows.some((r, i) => !sameRow(r, rows0[i]!)) ? ', clearing any fractions' : ''}:`)
      .to(sysState(std));
  }
  const R0 = rref(rows);
  let result: Result;
  if (task.method === 'substitution' && rows.length === 2) result = substitution2(rows, vars, w, ctx);
  else if (rows.length === 2) result = elimination2(rows, vars, w, ctx, [0, 1]);
  else result = elimination3(rows, vars, w, ctx);
  void R0;
  if (result.kind === 'tuple') {
    const env: Record<string, Expr> = {};
    const tuple = result;
    tuple.vars.forEach((x, i) => (env[x] = tuple.values[i]!));
    const checks = rels.map((r) => {
      w.claim(`solution satisfies ${relTex(r)}`, () => satisfies(r, env));
      return `- $${relTex(r)}$: ${checkLine(r, env, ctx)}`;
    });
    w.step('Check').text(`Substitute the values into each original equation; both sides must agree:\n\n${checks.join('\n')}`);
    // Put the asked-for variable first (DeepMind asks for one unknown).
    if (task.variable && result.vars.includes(task.variable)) {
      const i = result.vars.indexOf(task.variable);
      const order = [i, ...result.vars.map((_, j) => j).filter((j) => j !== i)];
      result = { kind: 'tuple', vars: order.map((j) => result.kind === 'tuple' ? result.vars[j]! : ''), values: order.map((j) => (result as { values: Expr[] }).values[j]!) };
    }
  }
  return result;
}

function sameRow(a: Row, b: Row): boolean {
  return a.coeffs.every((c, i) => R.eq(c, b.coeffs[i]!)) && R.eq(a.rhs, b.rhs);
}

/** Whole-number coefficients without a common factor (keeps the student's signs). */
function normaliseRow(r: Row): Row {
  const L = [...r.coeffs, r.rhs].reduce((l, c) => R.lcm(l, c.d), 1n);
  return L === 1n ? r : scale(r, R.q(L));
}

function valueRow(i: number, n: number, val: Q): Row {
  return { coeffs: Array.from({ length: n }, (_, j) => (j === i ? R.ONE : R.ZERO)), rhs: val };
}

/** Report a row with no unknowns left: 0 = 0 (dependent) or 0 = c (inconsistent). */
function degenerate(row: Row, rows: Row[], vars: string[], w: Work): Result | null {
  if (!row.coeffs.every(R.isZero)) return null;
  if (R.isZero(row.rhs)) {
    w.step('Read the result').text('Every unknown cancelled and $0 = 0$ is always true: the equations are dependent, so the system has **infinitely many solutions**.');
    return { kind: 'system-many', rels: rref(rows).rows.map((r) => rowRel(r, vars)) };
  }
  w.step('Read the result').text(`Every unknown cancelled, leaving $0 = ${tex(num(row.rhs))}$, which is never true: the system has **no solution**.`);
  return { kind: 'system-none' };
}

function substitution2(rows: Row[], vars: string[], w: Work, ctx: Ctx): Result {
  // Solve for a variable whose coefficient is ±1 if there is one.
  let best: [number, number] = [0, 0];
  let bestScore = Infinity;
  rows.forEach((r, i) =>
    r.coeffs.forEach((c, j) => {
      if (R.isZero(c)) return;
      const score = R.isOne(R.qabs(c)) ? 0 : Number(R.qabs(c).n) + 10;
      if (score < bestScore) {
        bestScore = score;
        best = [i, j];
      }
    }),
  );
  const [i, j] = best;
  const other = 1 - i;
  const k = 1 - j;
  const X = vars[j]!;
  const Y = vars[k]!;
  const r = rows[i]!;
  // X = (rhs - c_k Y) / c_j
  const expr = simplify(mul(num(R.inv(r.coeffs[j]!)), add(num(r.rhs), negate(mul(num(r.coeffs[k]!), v(Y))))), ctx);
  const solvedRel: Rel = { op: '=', lhs: v(X), rhs: expr };
  const rels = (a: Rel, b: Rel) => (i === 0 ? [a, b] : [b, a]);
  w.step(`Solve one equation for ${varMath(X)}`)
    .text(`The ${ordinalName[i]} equation is the easiest to solve for $${X}$:`)
    .to(sysState(rels(solvedRel, rowRel(rows[other]!, vars))), { kind: 'same' }, relTex(solvedRel));
  const o = rows[other]!;
  const substituted: Rel = {
    op: '=',
    lhs: add(mul(num(o.coeffs[j]!), expr.t === 'add' ? expr : expr), mul(num(o.coeffs[k]!), v(Y))),
    rhs: num(o.rhs),
  };
  const shownSub: Rel = { ...substituted, lhs: add(o.coeffs[j]!.n === 1n && o.coeffs[j]!.d === 1n ? expr : mul(num(o.coeffs[j]!), expr), R.isOne(o.coeffs[k]!) ? v(Y) : mul(num(o.coeffs[k]!), v(Y))) };
  w.step(`Substitute into the ${ordinalName[other]} equation`)
    .text(`Replace $${X}$ by $${tex(expr)}$ in the ${ordinalName[other]} equation:`)
    .to(sysState(rels(solvedRel, shownSub)), { kind: 'same' }, relTex(shownSub));
  // Solve the one-unknown equation.
  const a = R.sub(o.coeffs[k]!, R.mul(o.coeffs[j]!, R.div(r.coeffs[k]!, r.coeffs[j]!)));
  const b = R.sub(o.rhs, R.mul(o.coeffs[j]!, R.div(r.rhs, r.coeffs[j]!)));
  const simplifiedRow: Row = { coeffs: vars.map((_, idx) => (idx === k ? a : R.ZERO)), rhs: b };
  const simp = rowRel(simplifiedRow, vars);
  w.step('Simplify').text('Multiply out and combine like terms:').to(sysState(rels(solvedRel, simp)), { kind: 'same' }, relTex(simp));
  const deg = degenerate(simplifiedRow, rows, vars, w);
  if (deg) return deg;
  const yVal = R.div(b, a);
  const yRel: Rel = { op: '=', lhs: v(Y), rhs: num(yVal) };
  if (!R.isOne(a)) w.step(`Solve for ${varMath(Y)}`).text(`Divide both sides by $${tex(num(a))}$:`).to(sysState(rels(solvedRel, yRel)), { kind: 'same' }, relTex(yRel));
  const xVal = R.div(R.sub(r.rhs, R.mul(r.coeffs[k]!, yVal)), r.coeffs[j]!);
  const xRel: Rel = { op: '=', lhs: v(X), rhs: num(xVal) };
  w.step(`Find ${varMath(X)}`)
    .text(`Substitute $${Y} = ${tex(num(yVal))}$ into $${relTex(solvedRel)}$:`)
    .to(sysState(rels(xRel, yRel)), { kind: 'same' }, `${X} = ${tex(substitute(expr, { [Y]: num(yVal) }))} = ${tex(num(xVal))}`);
  const values = vars.map((x) => (x === X ? num(xVal) : num(yVal)));
  return { kind: 'tuple', vars, values };
}

/** Multipliers that make the coefficients of column `col` opposite in rows a and b. */
function multipliers(a: Row, b: Row, col: number): [Q, Q] {
  const ca = a.coeffs[col]!;
  const cb = b.coeffs[col]!;
  const l = R.lcm(ca.n < 0n ? -ca.n : ca.n, cb.n < 0n ? -cb.n : cb.n);
  const ma = R.q(l, ca.n < 0n ? -ca.n : ca.n);
  let mb = R.q(l, cb.n < 0n ? -cb.n : cb.n);
  // Opposite signs after scaling.
  if (R.isNeg(ca) === R.isNeg(cb)) mb = R.neg(mb);
  return [ma, mb];
}

/** The column cheapest to eliminate between two rows. */
function pickColumn(a: Row, b: Row, cols: number[]): number {
  let best = cols[0]!;
  let cost = Infinity;
  for (const c of cols) {
    const x = a.coeffs[c]!;
    const y = b.coeffs[c]!;
    if (R.isZero(x) || R.isZero(y)) continue;
    const l = Number(R.lcm(x.n < 0n ? -x.n : x.n, y.n < 0n ? -y.n : y.n));
    const k = l * 2 + (R.isNeg(x) !== R.isNeg(y) ? 0 : 1);
    if (k < cost) {
      cost = k;
      best = c;
    }
  }
  return best;
}

function describeMultiply(m: Q, which: string): string {
  return R.isOne(m) ? '' : `multiply the ${which} equation by $${tex(num(m))}$`;
}

function elimination2(rows: Row[], vars: string[], w: Work, ctx: Ctx, idx: [number, number], keep: Row[] = []): Result {
  const n = vars.length;
  const [ia, ib] = idx;
  const a = rows[ia]!;
  const b = rows[ib]!;
  const live = vars.map((_, i) => i).filter((i) => !R.isZero(a.coeffs[i]!) || !R.isZero(b.coeffs[i]!));
  const col = pickColumn(a, b, live);
  const [ma, mb] = multipliers(a, b, col);
  const sa = scale(a, ma);
  const sb = scale(b, mb);
  const full = (xs: Row[]) => [...keep, ...xs].map((r) => rowRel(r, vars));
  const parts = [describeMultiply(ma, 'first'), describeMultiply(mb, 'second')].filter(Boolean);
  if (parts.length) {
    w.step(`Make the ${varMath(vars[col]!)}-coefficients opposite`)
      .text(`To eliminate $${vars[col]}$, ${parts.join(' and ')}:`)
      .to(sysState(full([sa, sb])), { kind: 'same' }, `\\begin{cases} ${[sa, sb].map((r) => relTex(rowRel(r, vars))).join(' \\\\ ')} \\end{cases}`);
  }
  const sum = plus(sa, sb);
  w.step(`Add the equations to eliminate ${varMath(vars[col]!)}`)
    .text(`The $${vars[col]}$-terms cancel:`)
    .to(sysState(full([sa, sum])), { kind: 'same' }, relTex(rowRel(sum, vars)));
  const deg = degenerate(sum, [...keep, a, b], vars, w);
  if (deg) return deg;
  const other = live.find((i) => i !== col && !R.isZero(sum.coeffs[i]!));
  if (other === undefined) throw new CannotSolve('elimination failed');
  const val = R.div(sum.rhs, sum.coeffs[other]!);
  const vRow = valueRow(other, n, val);
  if (!R.isOne(sum.coeffs[other]!)) {
    w.step(`Solve for ${varMath(vars[other]!)}`).text(`Divide both sides by $${tex(num(sum.coeffs[other]!))}$:`).to(sysState(full([sa, vRow])), { kind: 'same' }, relTex(rowRel(vRow, vars)));
  }
  // Back-substitute into the original first equation.
  const rest = R.div(R.sub(a.rhs, R.mul(a.coeffs[other]!, val)), a.coeffs[col]!);
  const cRow = valueRow(col, n, rest);
  const substituted = substitute(rowRel(a, vars).lhs, { [vars[other]!]: num(val) });
  w.step(`Find ${varMath(vars[col]!)}`)
    .text(`Substitute $${vars[other]} = ${tex(num(val))}$ into $${relTex(rowRel(a, vars))}$:`)
    .display(`${tex(substituted)} = ${tex(num(a.rhs))}`)
    .to(sysState(full([cRow, vRow])), { kind: 'same' }, `${vars[col]} = ${tex(num(rest))}`);
  if (keep.length) return { kind: 'tuple', vars: [], values: [] };
  const values = vars.map((_, i) => num(i === col ? rest : val));
  return { kind: 'tuple', vars, values };
}

function elimination3(rows0: Row[], vars: string[], w: Work, ctx: Ctx): Result {
  const n = 3;
  // Pivot on the equation and unknown with coefficient ±1 when possible.
  let p = 0;
  let col = 0;
  let bestScore = Infinity;
  rows0.forEach((r, i) =>
    r.coeffs.forEach((c, j) => {
      if (R.isZero(c)) return;
      const others = rows0.filter((_, k) => k !== i);
      const zeros = others.filter((o) => R.isZero(o.coeffs[j]!)).length;
      const score = (R.isOne(R.qabs(c)) ? 0 : Number(R.qabs(c).n)) - zeros * 5 + j * 0.1;
      if (score < bestScore) {
        bestScore = score;
        p = i;
        col = j;
      }
    }),
  );
  const rows = [rows0[p]!, ...rows0.filter((_, i) => i !== p)];
  const pivot = rows[0]!;
  const X = vars[col]!;
  const reduced: Row[] = [];
  const lines: string[] = [];
  for (const r of rows.slice(1)) {
    if (R.isZero(r.coeffs[col]!)) {
      reduced.push(r);
      continue;
    }
    const [mp, mr] = multipliers(pivot, r, col);
    const out = plus(scale(pivot, mp), scale(r, mr));
    reduced.push(out);
    const k = (m: Q) => (R.isOne(m) ? '' : `${tex(num(m))} \\times `);
    const second = R.isNeg(mr) ? `- ${k(R.neg(mr))}` : `+ ${k(mr)}`;
    lines.push(`$${k(mp)}(\\text{pivot}) ${second}(${relTex(rowRel(r, vars))})$ gives $${relTex(rowRel(out, vars))}$`);
  }
  const all = [pivot, ...reduced].map((r) => rowRel(r, vars));
  w.step(`Eliminate ${varMath(X)} from two equations`)
    .text(
      `Use $${relTex(rowRel(pivot, vars))}$ as the pivot equation. Add multiples of it to the other equations so that $${X}$ cancels:\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\nNow the system is:`,
    )
    .to(sysState(all));
  for (const r of reduced) {
    const deg = degenerate(r, [pivot, ...reduced], vars, w);
    if (deg) return deg;
  }
  // The two reduced equations form a 2×2 system in the other unknowns.
  const sub2 = reduced.map((r) => normaliseRow(r));
  const res = elimination2([pivot, ...sub2], vars, w, ctx, [1, 2], [pivot]);
  if (res.kind !== 'tuple') return res;
  const last = w.current;
  if (last.kind !== 'system') throw new CannotSolve('elimination failed');
  const known: Record<string, Q> = {};
  for (const rel of last.rels.slice(1)) if (rel.lhs.t === 'var' && rel.rhs.t === 'num') known[rel.lhs.name] = rel.rhs.v;
  let acc = pivot.rhs;
  pivot.coeffs.forEach((c, i) => {
    if (i !== col) acc = R.sub(acc, R.mul(c, known[vars[i]!] ?? R.ZERO));
  });
  const xVal = R.div(acc, pivot.coeffs[col]!);
  const env: Record<string, Expr> = {};
  for (const [k, val] of Object.entries(known)) env[k] = num(val);
  const finalRows = vars.map((x, i) => valueRow(i, n, x === X ? xVal : known[x]!));
  w.step(`Find ${varMath(X)}`)
    .text(`Substitute the values into the pivot equation $${relTex(rowRel(pivot, vars))}$:`)
    .display(`${tex(substitute(rowRel(pivot, vars).lhs, env))} = ${tex(num(pivot.rhs))}`)
    .to(sysState(finalRows.map((r) => rowRel(r, vars))), { kind: 'same' }, `${X} = ${tex(num(xVal))}`);
  return { kind: 'tuple', vars, values: vars.map((x) => num(x === X ? xVal : known[x]!)) };
}
