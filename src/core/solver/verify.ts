/**
 * The step checker. It knows nothing about how steps were made: it compares them by evaluating at sample
 * points, exactly in rationals where possible (a polynomial identity that holds at several random points
 * holds everywhere) and in complex floating point otherwise (roots, trig, e, derivatives by complex step).
 */
import { type Expr, type Rel, type RelOp, variables, mul, pow, num, sub, flipOp } from './expr.ts';
import { evalExact, evalC, DomainError, close, isFinite, type C } from './evaluate.ts';
import * as R from './rational.ts';
import type { Q } from './rational.ts';

/** A small deterministic generator, so a check never passes or fails by luck between runs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Point {
  exact: Map<string, Q>;
  float: Map<string, C>;
}

/** Positive points between 1/2 and 3 (roots of variables assume positive values). */
function points(vars: string[], n: number, seed = 7): Point[] {
  const r = rng(seed + vars.join('').length * 31);
  const out: Point[] = [];
  const dens = [7n, 11n, 13n, 17n, 19n, 23n];
  for (let i = 0; i < n; i++) {
    const exact = new Map<string, Q>();
    const float = new Map<string, C>();
    for (const x of vars) {
      const d = dens[Math.floor(r() * dens.length)]!;
      const nn = BigInt(Math.floor(r() * Number(d) * 2.5)) + d / 2n + 1n;
      const val = R.q(nn, d);
      exact.set(x, val);
      float.set(x, { re: R.toNumber(val), im: 0 });
    }
    out.push({ exact, float });
  }
  return out;
}

type Value = { kind: 'exact'; q: Q } | { kind: 'float'; c: C } | { kind: 'undefined' };

function valueAt(e: Expr, p: Point): Value {
  try {
    const x = evalExact(e, p.exact);
    if (x) return { kind: 'exact', q: x };
  } catch (err) {
    if (err instanceof DomainError) return { kind: 'undefined' };
    throw err;
  }
  try {
    const c = evalC(e, p.float);
    return isFinite(c) ? { kind: 'float', c } : { kind: 'undefined' };
  } catch (err) {
    if (err instanceof DomainError) return { kind: 'undefined' };
    throw err;
  }
}

const asC = (v: Value): C => (v.kind === 'exact' ? { re: R.toNumber(v.q), im: 0 } : v.kind === 'float' ? v.c : { re: NaN, im: NaN });

function sameValue(a: Value, b: Value): boolean | null {
  if (a.kind === 'undefined' || b.kind === 'undefined') return null;
  if (a.kind === 'exact' && b.kind === 'exact') return R.eq(a.q, b.q);
  const x = asC(a);
  const y = asC(b);
  const m = Math.max(Math.hypot(x.re, x.im), Math.hypot(y.re, y.im));
  if (m > 0 && m < 1e-150) return null; // too small to tell anything apart
  return close(x, y, 1e-8);
}

const allVars = (...es: Expr[]): string[] => {
  const s = new Set<string>();
  for (const e of es) variables(e, s);
  return [...s].sort();
};

/** a and b are the same expression (equal wherever both are defined, at enough points to be sure). */
export function sameExpr(a: Expr, b: Expr, extraVars: string[] = []): boolean {
  const vars = [...new Set([...allVars(a, b), ...extraVars])];
  let agreed = 0;
  for (const p of points(vars, 14)) {
    const s = sameValue(valueAt(a, p), valueAt(b, p));
    if (s === false) return false;
    if (s === true) agreed++;
    if (agreed >= 5) return true;
  }
  return agreed >= 3;
}

/**
 * If f = c·g as functions for a constant c ≠ 0, the sign of c (1 or -1), else null.
 * Both zero counts as 1 (0 = 0 is the same statement as 0 = 0).
 */
export function proportional(f: Expr, g: Expr, extraVars: string[] = []): 1 | -1 | null {
  const vars = [...new Set([...allVars(f, g), ...extraVars])];
  let ratio: Value | null = null;
  let agreed = 0;
  let bothZero = 0;
  for (const p of points(vars, 16, 11)) {
    const fv = valueAt(f, p);
    const gv = valueAt(g, p);
    if (fv.kind === 'undefined' || gv.kind === 'undefined') continue;
    const gz = gv.kind === 'exact' ? R.isZero(gv.q) : Math.hypot(gv.c.re, gv.c.im) < 1e-12;
    const fz = fv.kind === 'exact' ? R.isZero(fv.q) : Math.hypot(fv.c.re, fv.c.im) < 1e-12;
    if (gz || fz) {
      if (gz && fz) {
        bothZero++;
        if (bothZero >= 5 && ratio === null) return 1;
        continue;
      }
      return null; // one side vanishes where the other does not
    }
    const r: Value =
      fv.kind === 'exact' && gv.kind === 'exact'
        ? { kind: 'exact', q: R.div(fv.q, gv.q) }
        : { kind: 'float', c: divC(asC(fv), asC(gv)) };
    if (!ratio) {
      ratio = r;
      continue;
    }
    const s = sameValue(ratio, r);
    if (s === false) return null;
    if (s === true) agreed++;
    if (agreed >= 4) break;
  }
  if (!ratio || agreed < 2) return null;
  const rc = asC(ratio);
  if (Math.abs(rc.im) > 1e-9 * Math.max(1, Math.abs(rc.re))) return null;
  return rc.re > 0 ? 1 : -1;
}

function divC(a: C, b: C): C {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}

const diffOf = (r: Rel): Expr => sub(r.lhs, r.rhs);

/**
 * Two disjunctions of equations (f₁ = 0 or f₂ = 0 …) have the same solutions when the products of their
 * sides are proportional; `mult` raises the new components to their multiplicities ((x+4)² = 0 ⇔ x + 4 = 0).
 */
export function sameEquations(from: Rel[], to: Rel[], mult?: number[], extraVars: string[] = []): boolean {
  if (from.some((r) => r.op !== '=') || to.some((r) => r.op !== '=')) return false;
  if (from.length === 0 || to.length === 0) return false;
  const f = from.length === 1 ? diffOf(from[0]!) : mul(...from.map(diffOf));
  const gs = to.map((r, i) => {
    const m = mult?.[i] ?? 1;
    return m === 1 ? diffOf(r) : pow(diffOf(r), num(m));
  });
  const g = gs.length === 1 ? gs[0]! : mul(...gs);
  return proportional(f, g, extraVars) !== null;
}

/** a op₁ b ⇔ c op₂ d for inequalities: proportional sides, with the sign flip matching the direction change. */
export function sameInequality(a: Rel, b: Rel, extraVars: string[] = []): boolean {
  const s = proportional(diffOf(a), diffOf(b), extraVars);
  if (s === null) return false;
  const strictA = a.op === '<' || a.op === '>';
  const strictB = b.op === '<' || b.op === '>';
  if (strictA !== strictB) return false;
  const expected: RelOp = s === 1 ? a.op : flipOp(a.op);
  return expected === b.op;
}

/** Does the value satisfy the relation (with the given values for its variables)? */
export function satisfies(r: Rel, env: Record<string, Expr>): boolean {
  const vars = allVars(r.lhs, r.rhs).filter((x) => !(x in env));
  const p = points(vars, 1, 3)[0]!;
  const subst = (e: Expr): Expr => substituteAll(e, env);
  const lv = valueAt(subst(r.lhs), p);
  const rv = valueAt(subst(r.rhs), p);
  if (lv.kind === 'undefined' || rv.kind === 'undefined') return false;
  if (r.op === '=') {
    if (lv.kind === 'exact' && rv.kind === 'exact') return R.eq(lv.q, rv.q);
    return close(asC(lv), asC(rv), 1e-9);
  }
  const a = asC(lv);
  const b = asC(rv);
  if (Math.abs(a.im) > 1e-9 || Math.abs(b.im) > 1e-9) return false;
  const d = lv.kind === 'exact' && rv.kind === 'exact' ? R.toNumber(R.sub(lv.q, rv.q)) : a.re - b.re;
  const exactD = lv.kind === 'exact' && rv.kind === 'exact' ? R.cmp(lv.q, rv.q) : Math.sign(d);
  switch (r.op) {
    case '<':
      return exactD < 0;
    case '>':
      return exactD > 0;
    case '<=':
      return exactD <= 0;
    case '>=':
      return exactD >= 0;
  }
}

function substituteAll(e: Expr, env: Record<string, Expr>): Expr {
  switch (e.t) {
    case 'var':
      return env[e.name] ?? e;
    case 'add':
    case 'mul':
      return { ...e, args: e.args.map((a) => substituteAll(a, env)) };
    case 'fn':
      return { ...e, args: e.args.map((a) => substituteAll(a, env)) };
    case 'neg':
      return { t: 'neg', arg: substituteAll(e.arg, env) };
    case 'div':
      return { t: 'div', num: substituteAll(e.num, env), den: substituteAll(e.den, env) };
    case 'pow':
      return { t: 'pow', base: substituteAll(e.base, env), exp: substituteAll(e.exp, env) };
    case 'deriv':
      return { ...e, arg: substituteAll(e.arg, env) };
    default:
      return e;
  }
}

/** An exact or numeric value of a constant expression, for comparisons (x < 3 …). */
export function numericValue(e: Expr): { exact: Q | null; approx: number } | null {
  const p: Point = { exact: new Map(), float: new Map() };
  const v = valueAt(e, p);
  if (v.kind === 'undefined') return null;
  if (v.kind === 'exact') return { exact: v.q, approx: R.toNumber(v.q) };
  if (Math.abs(v.c.im) > 1e-12 * Math.max(1, Math.abs(v.c.re))) return null;
  return { exact: null, approx: v.c.re };
}
