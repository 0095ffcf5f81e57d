/**
 * Whether a line says the same as a state, by what a teacher means: expressions by identity, equations by
 * solution set over the reals (excluded values respected), inequalities by truth set, systems by their
 * solution. "Different" is only ever returned with a proof: a point where both are defined and exact (or
 * clearly separated floating-point) evaluation tells them apart. Anything else is "unknown".
 */
import * as R from '../solver/rational.ts';
import type { Q } from '../solver/rational.ts';
import { type Expr, type Rel, sub, substitute, variables, v as varE, num } from '../solver/expr.ts';
import { sameExpr, sameEquations, sameInequality } from '../solver/verify.ts';
import { evalExact, evalC, DomainError } from '../solver/evaluate.ts';
import { solveEquation } from '../solver/solve-equation.ts';
import { Work } from '../solver/work.ts';
import { linearIn, type Ctx } from '../solver/algebra.ts';
import type { Statement } from './read-statement.ts';
import type { ChainKind } from './problem-analysis.ts';

export interface Sem {
  kind: ChainKind;
  x: string | null;
  vars: string[];
}

/** How a line differs from a reference, for the message. */
export type Proof =
  | { how: 'sets'; line: Expr[] | 'all'; ref: Expr[] | 'all' }
  | { how: 'loses'; value: Expr }
  | { how: 'gains'; value: Expr }
  | { how: 'intervals'; line: Interval; ref: Interval }
  | { how: 'value'; at: [string, Q][]; line: string; ref: string }
  | { how: 'system' };

export type Verdict = { same: true } | { same: false; proof: Proof } | { same: null };

const UNKNOWN: Verdict = { same: null };
const SAME: Verdict = { same: true };

// ---- evaluation ---------------------------------------------------------------------------------------------

type Val = { k: 'q'; q: Q } | { k: 'f'; re: number } | { k: 'undef' } | { k: 'complex' };

function valueAt(e: Expr, env: Map<string, Q>): Val {
  try {
    const q = evalExact(e, env);
    if (q) return { k: 'q', q };
    const fenv = new Map([...env].map(([k, x]) => [k, { re: R.toNumber(x), im: 0 }]));
    const c = evalC(e, fenv);
    if (!Number.isFinite(c.re) || !Number.isFinite(c.im)) return { k: 'undef' };
    if (Math.abs(c.im) > 1e-9 * Math.max(1, Math.abs(c.re))) return { k: 'complex' };
    return { k: 'f', re: c.re };
  } catch (err) {
    if (err instanceof DomainError) return { k: 'undef' };
    throw err;
  }
}

/** -1, 0, 1 for a < b, a = b, a > b; null when undecided (undefined, complex, or too close to call in floats). */
function cmpVals(a: Val, b: Val): number | null {
  if (a.k === 'q' && b.k === 'q') return R.cmp(a.q, b.q);
  if ((a.k !== 'q' && a.k !== 'f') || (b.k !== 'q' && b.k !== 'f')) return null;
  const x = a.k === 'q' ? R.toNumber(a.q) : a.re;
  const y = b.k === 'q' ? R.toNumber(b.q) : b.re;
  const scale = Math.max(1, Math.abs(x), Math.abs(y));
  if (Math.abs(x - y) <= 1e-9 * scale) return 0;
  if (Math.abs(x - y) < 1e-6 * scale) return null; // margin: too close to call either way
  return x < y ? -1 : 1;
}

/** Is the relation true at the point? null when a side is undefined there or the floats are too close to call. */
function relAt(r: Rel, env: Map<string, Q>): boolean | null {
  const c = cmpVals(valueAt(r.lhs, env), valueAt(r.rhs, env));
  if (c === null) return null;
  switch (r.op) {
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Sample values for the other letters (parameters) of an equation. */
function paramEnv(vars: string[], skip: string | null, seed = 0): Map<string, Q> {
  const vals = [R.q(7, 3), R.q(5, 2), R.q(11, 7), R.q(13, 5), R.q(17, 11)];
  const env = new Map<string, Q>();
  vars.filter((n) => n !== skip).forEach((n, i) => env.set(n, vals[(i + seed) % vals.length]!));
  return env;
}

// ---- equations ----------------------------------------------------------------------------------------------

function solveRel(r: Rel, x: string, vars: string[]): Expr[] | 'all' | null {
  if (r.op !== '=') return null;
  if (r.lhs.t === 'var' && r.lhs.name === x && !variables(r.rhs).has(x)) return [r.rhs];
  if (r.rhs.t === 'var' && r.rhs.name === x && !variables(r.lhs).has(x)) return [r.lhs];
  if (!variables(r).has(x)) return null;
  try {
    const w = new Work({ kind: 'eqs', rels: [r] });
    w.vars = vars;
    const ctx: Ctx = { order: vars };
    const res = solveEquation(r, x, w, ctx);
    if (res.kind === 'all') return 'all';
    if (res.kind !== 'solutions') return null;
    return res.note === 'no real solutions' ? [] : res.values;
  } catch {
    return null;
  }
}

/** The real solution set of "or"-joined equations in x, or null when the engine cannot solve one of them. */
export function solutionSet(s: Statement, x: string, vars: string[]): Expr[] | 'all' | null {
  if (s.kind === 'all') return 'all';
  if (s.kind === 'none') return [];
  if (s.kind !== 'eqs') return null;
  const out: Expr[] = [];
  for (const r of s.rels) {
    const sol = solveRel(r, x, vars);
    if (sol === null || sol === 'all') return sol;
    for (const val of sol) if (!out.some((o) => sameExpr(o, val, vars))) out.push(val);
  }
  return out;
}

/** Does x = value satisfy some equation of the statement? null when undecided. */
function satisfiedBy(s: Statement & { kind: 'eqs' }, x: string, value: Expr, vars: string[]): boolean | null {
  const env = paramEnv(vars, x);
  const valV = valueAt(value, env);
  if (valV.k !== 'q' && valV.k !== 'f') return null;
  let undecided = false;
  for (const r of s.rels) {
    const rr: Rel = { op: r.op, lhs: substitute(r.lhs, { [x]: value }), rhs: substitute(r.rhs, { [x]: value }) };
    const t = relAt(rr, env);
    if (t === true) return true;
    if (t === null) {
      // Undefined at the value (an excluded value) counts as "not a solution" only when exactly undefined.
      const lv = valueAt(rr.lhs, env);
      const rv = valueAt(rr.rhs, env);
      if (lv.k !== 'undef' && rv.k !== 'undef') undecided = true;
    }
  }
  return undecided ? null : false;
}

function compareEquations(line: Statement, ref: Statement, sem: Sem, refSet?: Expr[] | 'all' | null): Verdict {
  const x = sem.x;
  if (!x) return UNKNOWN;
  const A = solutionSet(line, x, sem.vars);
  const B = refSet !== undefined ? refSet : solutionSet(ref, x, sem.vars);
  if (A !== null && B !== null) {
    if (A === 'all' || B === 'all') return A === B ? SAME : UNKNOWN;
    const inSet = (set: Expr[], val: Expr) => set.some((o) => sameExpr(o, val, sem.vars));
    if (A.length === B.length && A.every((a) => inSet(B, a))) return SAME;
    // A proof: a solution of one that provably is not a solution of the other.
    if (line.kind === 'eqs' && ref.kind === 'eqs') {
      for (const b of B) if (!inSet(A, b) && satisfiedBy(line, x, b, sem.vars) === false && satisfiedBy(ref, x, b, sem.vars) === true) return { same: false, proof: { how: 'sets', line: A, ref: B } };
      for (const a of A) if (!inSet(B, a) && satisfiedBy(ref, x, a, sem.vars) === false && satisfiedBy(line, x, a, sem.vars) === true) return { same: false, proof: { how: 'sets', line: A, ref: B } };
    }
    return UNKNOWN;
  }
  if (line.kind !== 'eqs' || ref.kind !== 'eqs') return UNKNOWN;
  if (B !== null && B !== 'all') {
    for (const b of B) {
      if (satisfiedBy(line, x, b, sem.vars) === false && satisfiedBy(ref, x, b, sem.vars) === true) return { same: false, proof: { how: 'loses', value: b } };
    }
    if (proportionalEqs(line, ref, sem) && B.every((b) => satisfiedBy(line, x, b, sem.vars) === true)) return SAME;
    return UNKNOWN;
  }
  if (A !== null && A !== 'all') {
    for (const a of A) {
      if (satisfiedBy(ref, x, a, sem.vars) === false && satisfiedBy(line, x, a, sem.vars) === true) return { same: false, proof: { how: 'gains', value: a } };
    }
  }
  return proportionalEqs(line, ref, sem) && A !== null ? SAME : UNKNOWN;
}

function proportionalEqs(a: Statement & { kind: 'eqs' }, b: Statement & { kind: 'eqs' }, sem: Sem): boolean {
  try {
    return a.rels.length > 0 && b.rels.length > 0 && sameEquations(a.rels, b.rels, undefined, sem.vars);
  } catch {
    return false;
  }
}

// ---- inequalities -------------------------------------------------------------------------------------------

export interface Interval {
  lo: Expr | null;
  hi: Expr | null;
  loClosed: boolean;
  hiClosed: boolean;
}

/** The truth set of a linear inequality in x as an interval, or null. */
export function intervalOf(s: Statement, x: string): Interval | null {
  if (s.kind === 'interval') return s;
  if (s.kind !== 'ineq') return null;
  const r = s.rel;
  let lin;
  try {
    lin = linearIn(sub(r.lhs, r.rhs), x, { order: [x] });
  } catch {
    return null;
  }
  if (!lin || R.isZero(lin.a) || lin.b.terms.some((t) => t.m.length > 0)) return null;
  const c = lin.b.terms[0]?.c ?? R.ZERO;
  const bound = num(R.div(R.neg(c), lin.a));
  // a·x + c op 0: dividing by a < 0 flips the sign.
  const up = (r.op === '<' || r.op === '<=') === !R.isNeg(lin.a);
  const closed = r.op === '<=' || r.op === '>=';
  return up ? { lo: null, hi: bound, loClosed: false, hiClosed: closed } : { lo: bound, hi: null, loClosed: closed, hiClosed: false };
}

function inInterval(iv: Interval, p: Q): boolean | null {
  const env = new Map<string, Q>();
  const side = (e: Expr | null) => (e === null ? null : valueAt(e, env));
  const lo = side(iv.lo);
  const hi = side(iv.hi);
  const pv: Val = { k: 'q', q: p };
  if (lo) {
    const c = cmpVals(pv, lo);
    if (c === null) return null;
    if (c < 0 || (c === 0 && !iv.loClosed)) return false;
  }
  if (hi) {
    const c = cmpVals(pv, hi);
    if (c === null) return null;
    if (c > 0 || (c === 0 && !iv.hiClosed)) return false;
  }
  return true;
}

function exactEnd(e: Expr | null): Q | null {
  if (e === null) return null;
  const v = valueAt(e, new Map());
  return v.k === 'q' ? v.q : null;
}

function compareInequalities(line: Statement, ref: Statement, sem: Sem): Verdict {
  if (line.kind === 'ineq' && ref.kind === 'ineq') {
    try {
      if (sameInequality(line.rel, ref.rel, sem.vars)) return SAME;
    } catch {
      /* fall through to the truth sets */
    }
  }
  const x = sem.x;
  if (!x) return UNKNOWN;
  const A = intervalOf(line, x);
  const B = intervalOf(ref, x);
  if (!A || !B) return UNKNOWN;
  const ends = [A.lo, A.hi, B.lo, B.hi].filter((e) => e !== null).map(exactEnd);
  if (ends.some((e) => e === null)) return UNKNOWN;
  const qs = ends as Q[];
  const probes: Q[] = [...qs];
  for (const a of qs) probes.push(R.sub(a, R.ONE), R.add(a, R.ONE));
  for (const a of qs) for (const b of qs) probes.push(R.div(R.add(a, b), R.q(2)));
  if (probes.length === 0) probes.push(R.ZERO);
  for (const p of probes) {
    const a = inInterval(A, p);
    const b = inInterval(B, p);
    if (a === null || b === null) return UNKNOWN;
    if (a !== b) return { same: false, proof: { how: 'intervals', line: A, ref: B } };
  }
  return SAME;
}

// ---- expressions --------------------------------------------------------------------------------------------

const PROBES: Q[] = [R.q(2), R.q(3), R.q(1, 2), R.q(5, 3), R.q(7), R.q(-2), R.q(11, 4)];

function compareExprs(a: Expr, b: Expr, sem: Sem): Verdict {
  try {
    if (sameExpr(a, b, sem.vars)) return SAME;
  } catch {
    return UNKNOWN;
  }
  const vars = [...new Set([...variables(a), ...variables(b), ...sem.vars])].sort();
  for (let i = 0; i < PROBES.length; i++) {
    const env = new Map<string, Q>();
    vars.forEach((n, j) => env.set(n, PROBES[(i + j) % PROBES.length]!));
    const va = valueAt(a, env);
    const vb = valueAt(b, env);
    const c = cmpVals(va, vb);
    if (c !== null && c !== 0) return { same: false, proof: { how: 'value', at: [...env], line: valTex(va), ref: valTex(vb) } };
  }
  return UNKNOWN;
}

function valTex(v: Val): string {
  if (v.k === 'q') return qTex(v.q);
  return v.k === 'f' ? String(Number(v.re.toPrecision(6))) : '?';
}

export function qTex(q: Q): string {
  if (R.isInt(q)) return q.n.toString();
  return `${R.isNeg(q) ? '-' : ''}\\frac{${R.qabs(q).n}}{${q.d}}`;
}

// ---- systems ------------------------------------------------------------------------------------------------

/** Every equation of the line holds at the system's solution point: true; one provably fails: false. */
export function holdsAt(line: Statement, point: Map<string, Expr>): boolean | null {
  const rels = line.kind === 'eqs' || line.kind === 'system' ? line.rels : null;
  if (!rels || rels.length === 0) return null;
  const env = new Map<string, Q>();
  for (const [k, e] of point) {
    const val = valueAt(e, new Map());
    if (val.k !== 'q') return null;
    env.set(k, val.q);
  }
  let all = true;
  for (const r of rels) {
    if ([...variables(r)].some((n) => !env.has(n))) return null;
    const t = relAt(r, env);
    if (t === false) return false;
    if (t === null) all = false;
  }
  return all ? true : null;
}

// ---- dispatch -----------------------------------------------------------------------------------------------

/** Does `line` say the same as `ref`? */
export function compare(line: Statement, ref: Statement, sem: Sem, refSet?: Expr[] | 'all' | null): Verdict {
  if (line.kind === 'expr' && ref.kind === 'expr') return compareExprs(line.expr, ref.expr, sem);
  if (line.kind === 'expr' || ref.kind === 'expr') return UNKNOWN;
  if (sem.kind === 'inequality' || line.kind === 'ineq' || line.kind === 'interval' || ref.kind === 'ineq' || ref.kind === 'interval') {
    return compareInequalities(line, ref, sem);
  }
  if (sem.kind === 'system' || line.kind === 'system' || ref.kind === 'system') {
    if (ref.kind === 'system' && line.kind === 'system' && line.rels.length === ref.rels.length) {
      try {
        if (line.rels.every((r) => ref.rels.some((s) => sameEquations([r], [s], undefined, sem.vars)))) return SAME;
      } catch {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }
  return compareEquations(line, ref, sem, refSet);
}

export { varE };
