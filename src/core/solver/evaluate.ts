/**
 * Evaluating an expression at a point: exactly (rationals) where the expression allows it, otherwise in complex
 * floating point. The step checker compares steps this way, independently of how the steps were produced.
 */
import type { Expr } from './expr.ts';
import * as R from './rational.ts';
import type { Q } from './rational.ts';

export class DomainError extends Error {}

/** Exact value, or null when the value is not rational (√2, sin 1) or the expression is outside exact reach. */
export function evalExact(e: Expr, env: ReadonlyMap<string, Q>): Q | null {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'var':
      return env.get(e.name) ?? null;
    case 'const':
      return null;
    case 'add': {
      let s = R.ZERO;
      for (const a of e.args) {
        const x = evalExact(a, env);
        if (!x) return null;
        s = R.add(s, x);
      }
      return s;
    }
    case 'mul': {
      let s = R.ONE;
      let sawNull = false;
      for (const a of e.args) {
        const x = evalExact(a, env);
        if (!x) sawNull = true;
        else s = R.mul(s, x);
      }
      return sawNull ? null : s;
    }
    case 'neg': {
      const x = evalExact(e.arg, env);
      return x && R.neg(x);
    }
    case 'div': {
      const n = evalExact(e.num, env);
      const d = evalExact(e.den, env);
      if (d && R.isZero(d)) throw new DomainError('division by zero');
      return n && d ? R.div(n, d) : null;
    }
    case 'pow': {
      const b = evalExact(e.base, env);
      const x = evalExact(e.exp, env);
      if (!b || !x) return null;
      return qPow(b, x);
    }
    case 'fn': {
      const a = evalExact(e.args[0]!, env);
      if (!a) return null;
      if (e.name === 'abs') return R.qabs(a);
      if (e.name === 'sqrt') {
        if (R.isNeg(a)) return null;
        return R.qRoot(a, 2n);
      }
      if (e.name === 'root') {
        const k = evalExact(e.args[1]!, env);
        if (!k || !R.isInt(k) || k.n < 2n) return null;
        return R.qRoot(a, k.n);
      }
      return null;
    }
    case 'deriv':
      return null;
  }
}

/** b^x for rationals when the result is rational; null otherwise; DomainError for 0^negative. */
export function qPow(b: Q, x: Q): Q | null {
  if (R.isZero(b) && R.isNeg(x)) throw new DomainError('zero to a negative power');
  if (R.isZero(b)) return R.isZero(x) ? R.ONE : R.ZERO;
  if (x.d > 64n || (x.n < 0n ? -x.n : x.n) > 4096n) return null;
  const r = x.d === 1n ? b : R.qRoot(b, x.d);
  if (!r) return null;
  return R.powInt(r, x.n);
}

// ---- complex floating point ---------------------------------------------------------------------------------

export interface C {
  re: number;
  im: number;
}
const c = (re: number, im = 0): C => ({ re, im });
const cadd = (a: C, b: C): C => c(a.re + b.re, a.im + b.im);
const cmul = (a: C, b: C): C => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const cdiv = (a: C, b: C): C => {
  const d = b.re * b.re + b.im * b.im;
  if (d === 0) throw new DomainError('division by zero');
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const cexp = (a: C): C => {
  const m = Math.exp(a.re);
  return c(m * Math.cos(a.im), m * Math.sin(a.im));
};
const cln = (a: C): C => {
  if (a.re === 0 && a.im === 0) throw new DomainError('log of zero');
  return c(Math.log(Math.hypot(a.re, a.im)), Math.atan2(a.im, a.re));
};
const csin = (a: C): C => c(Math.sin(a.re) * Math.cosh(a.im), Math.cos(a.re) * Math.sinh(a.im));
const ccos = (a: C): C => c(Math.cos(a.re) * Math.cosh(a.im), -Math.sin(a.re) * Math.sinh(a.im));

function cpow(b: C, x: C): C {
  if (x.im === 0 && Number.isInteger(x.re) && Math.abs(x.re) <= 64) {
    let r = c(1);
    const n = Math.abs(x.re);
    for (let i = 0; i < n; i++) r = cmul(r, b);
    return x.re < 0 ? cdiv(c(1), r) : r;
  }
  if (b.im === 0 && b.re > 0 && x.im === 0) return c(Math.pow(b.re, x.re));
  if (b.re === 0 && b.im === 0) {
    if (x.re > 0) return c(0);
    throw new DomainError('zero to a non-positive power');
  }
  // Real odd roots of negative numbers: (-8)^(1/3) = -2, as in school algebra.
  if (b.im === 0 && b.re < 0 && x.im === 0) {
    const qx = approxRational(x.re);
    if (qx && qx[1] % 2 === 1) {
      const mag = Math.pow(-b.re, x.re);
      return c(qx[0] % 2 === 0 ? mag : -mag);
    }
  }
  return cexp(cmul(x, cln(b)));
}

function approxRational(x: number): [number, number] | null {
  for (let d = 1; d <= 64; d++) {
    const n = Math.round(x * d);
    if (Math.abs(n / d - x) < 1e-12) return [n, d];
  }
  return null;
}

export function evalC(e: Expr, env: ReadonlyMap<string, C>): C {
  switch (e.t) {
    case 'num':
      return c(R.toNumber(e.v));
    case 'var': {
      const x = env.get(e.name);
      if (!x) throw new DomainError(`no value for ${e.name}`);
      return x;
    }
    case 'const':
      return e.name === 'pi' ? c(Math.PI) : e.name === 'e' ? c(Math.E) : c(0, 1);
    case 'add':
      return e.args.reduce((s, a) => cadd(s, evalC(a, env)), c(0));
    case 'mul':
      return e.args.reduce((s, a) => cmul(s, evalC(a, env)), c(1));
    case 'neg': {
      const x = evalC(e.arg, env);
      return c(-x.re, -x.im);
    }
    case 'div':
      return cdiv(evalC(e.num, env), evalC(e.den, env));
    case 'pow':
      return cpow(evalC(e.base, env), evalC(e.exp, env));
    case 'fn': {
      const a = evalC(e.args[0]!, env);
      switch (e.name) {
        case 'sin':
          return csin(a);
        case 'cos':
          return ccos(a);
        case 'tan':
          return cdiv(csin(a), ccos(a));
        case 'sec':
          return cdiv(c(1), ccos(a));
        case 'csc':
          return cdiv(c(1), csin(a));
        case 'cot':
          return cdiv(ccos(a), csin(a));
        case 'exp':
          return cexp(a);
        case 'ln':
          return cln(a);
        case 'log':
          return cdiv(cln(a), c(Math.LN10));
        case 'sqrt':
          return cpow(a, c(0.5));
        case 'root': {
          const k = evalC(e.args[1]!, env);
          return cpow(a, cdiv(c(1), k));
        }
        case 'abs':
          return c(Math.hypot(a.re, a.im));
      }
      throw new DomainError('unknown function');
    }
    case 'deriv': {
      if (e.order !== 1) throw new DomainError('only first derivatives are evaluated');
      const x0 = env.get(e.v);
      if (!x0) throw new DomainError(`no value for ${e.v}`);
      // Complex-step differentiation: exact to rounding for the analytic functions used here.
      const h = 1e-20;
      if (x0.im === 0 && !hasAbs(e.arg)) {
        const m = new Map(env);
        m.set(e.v, c(x0.re, h));
        return c(evalC(e.arg, m).im / h);
      }
      const hh = 1e-6;
      const plus = new Map(env);
      plus.set(e.v, c(x0.re + hh, x0.im));
      const minus = new Map(env);
      minus.set(e.v, c(x0.re - hh, x0.im));
      const a = evalC(e.arg, plus);
      const b = evalC(e.arg, minus);
      return c((a.re - b.re) / (2 * hh), (a.im - b.im) / (2 * hh));
    }
  }
}

function hasAbs(e: Expr): boolean {
  switch (e.t) {
    case 'fn':
      return e.name === 'abs' || e.args.some(hasAbs);
    case 'add':
    case 'mul':
      return e.args.some(hasAbs);
    case 'neg':
      return hasAbs(e.arg);
    case 'div':
      return hasAbs(e.num) || hasAbs(e.den);
    case 'pow':
      return hasAbs(e.base) || hasAbs(e.exp);
    case 'deriv':
      return hasAbs(e.arg);
    default:
      return false;
  }
}

export const isFinite = (z: C): boolean => Number.isFinite(z.re) && Number.isFinite(z.im);

export function close(a: C, b: C, tol = 1e-9): boolean {
  const scale = Math.max(1, Math.hypot(a.re, a.im), Math.hypot(b.re, b.im));
  return Math.hypot(a.re - b.re, a.im - b.im) <= tol * scale;
}
