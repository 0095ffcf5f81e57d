/**
 * Arithmetic with whole numbers, fractions and decimals, in the order of operations: each step works out
 * every operation whose inputs are already numbers (innermost parentheses first, then powers, products and
 * quotients, then sums), and says what it computed.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, tex, num, frac, mul } from './expr.ts';
import type { Work } from './work.ts';

export class NotArithmetic extends Error {}

interface Op {
  kind: 'paren' | 'power' | 'abs' | 'root' | 'muldiv' | 'addsub' | 'sign';
  text: string;
}

const lit = (e: Expr): e is Expr & { t: 'num' } => e.t === 'num';

function numOut(v: Q, dec: boolean): Expr {
  return dec && R.toDecimalString(v) !== null && !R.isInt(v) ? { t: 'num', v, dec: true } : num(v);
}

function show(e: Expr): string {
  return tex(e);
}

/** One round: compute every node whose children are all numbers. */
function round(e: Expr, ops: Op[], parentIsOp: boolean): Expr {
  if (lit(e)) return e;
  // A run of minus signs in front of a number is read in one go: -(-(-5)).
  if (e.t === 'neg') {
    let depth = 0;
    let inner: Expr = e;
    while (inner.t === 'neg') {
      depth++;
      inner = inner.arg;
    }
    if (lit(inner)) {
      const v = depth % 2 === 0 ? inner.v : R.neg(inner.v);
      const out = numOut(v, !!inner.dec);
      ops.push({
        kind: 'sign',
        text: depth > 1 ? `$${show(e)} = ${show(out)}$ (${depth} minus signs: ${depth % 2 === 0 ? 'an even number makes a plus' : 'an odd number makes a minus'})` : `$${show(e)} = ${show(out)}$`,
      });
      return out;
    }
    return { t: 'neg', arg: round(e.arg, ops, true) };
  }
  if (isReducedFraction(e)) return e;
  const kids = childrenOf(e);
  if (kids.length > 0 && kids.every(lit)) return compute(e, ops, parentIsOp);
  if (kids.length > 0 && kids.every((k) => lit(k) || isReducedFraction(k)) && (e.t === 'mul' || e.t === 'div' || e.t === 'pow')) {
    return compute(litify(e), ops, parentIsOp, e);
  }
  // Fractions written as a/b are added as they stand: 5/18 - 9/18 over the denominator 18.
  if (e.t === 'add' && e.args.every((a) => fracLit(a) !== null) && e.args.some((a) => !lit(a))) {
    return addFractions(e, e.args.map((a) => fracLit(a)!), ops, parentIsOp);
  }
  switch (e.t) {
    case 'add':
      return { t: 'add', args: e.args.map((a) => round(a, ops, true)) };
    case 'mul':
      return { t: 'mul', args: e.args.map((a) => round(a, ops, true)) };
    case 'div':
      return { t: 'div', num: round(e.num, ops, true), den: round(e.den, ops, true) };
    case 'pow':
      return { t: 'pow', base: round(e.base, ops, true), exp: round(e.exp, ops, true) };
    case 'fn':
      return { t: 'fn', name: e.name, args: e.args.map((a) => round(a, ops, true)) };
    default:
      throw new NotArithmetic('not a number');
  }
}

function childrenOf(e: Expr): Expr[] {
  switch (e.t) {
    case 'add':
    case 'mul':
    case 'fn':
      return e.args;
    case 'div':
      return [e.num, e.den];
    case 'pow':
      return [e.base, e.exp];
    case 'neg':
      return [e.arg];
    default:
      return [];
  }
}

interface FracLit {
  n: bigint;
  d: bigint;
  dec: boolean;
}

/** A number, or a fraction of whole numbers as written (9/18 stays 9 over 18), possibly negated. */
function fracLit(e: Expr): FracLit | null {
  if (lit(e)) return { n: e.v.n, d: e.v.d, dec: !!e.dec };
  if (e.t === 'neg') {
    const f = fracLit(e.arg);
    return f && { ...f, n: -f.n };
  }
  if (e.t === 'div' && lit(e.num) && lit(e.den) && R.isInt(e.num.v) && R.isInt(e.den.v) && !R.isZero(e.den.v) && !e.num.dec && !e.den.dec) {
    const sign = e.den.v.n < 0n ? -1n : 1n;
    return { n: e.num.v.n * sign, d: e.den.v.n * sign, dec: false };
  }
  return null;
}

/** a/b written with whole numbers already in lowest terms (positive denominator): it is a number. */
function isReducedFraction(e: Expr): boolean {
  return e.t === 'div' && lit(e.num) && lit(e.den) && R.isInt(e.num.v) && R.isInt(e.den.v) && !e.num.dec && !e.den.dec && e.den.v.n > 1n && R.gcd(e.num.v.n, e.den.v.n) === 1n;
}

function litify(e: Expr): Expr {
  const f = (k: Expr): Expr => (isReducedFraction(k) ? num(R.div((k as { num: { v: Q } }).num.v, (k as { den: { v: Q } }).den.v)) : k);
  switch (e.t) {
    case 'mul':
      return { t: 'mul', args: e.args.map(f) };
    case 'div':
      return { t: 'div', num: f(e.num), den: f(e.den) };
    case 'pow':
      return { t: 'pow', base: f(e.base), exp: f(e.exp) };
    default:
      return e;
  }
}

const signedFrac = (n: bigint, d: bigint): Expr => (d === 1n ? num(n) : n < 0n ? { t: 'neg', arg: frac(num(-n), num(d)) } : frac(num(n), num(d)));

function addFractions(e: Expr, fs: FracLit[], ops: Op[], inside: boolean): Expr {
  const dec = fs.some((f) => f.dec);
  const sum = fs.reduce((s, f) => R.add(s, R.q(f.n, f.d)), R.ZERO);
  const out = numOut(sum, dec);
  if (dec) {
    ops.push({ kind: inside ? 'paren' : 'addsub', text: `$${show(e)} = ${show(out)}$` });
    return out;
  }
  const L = fs.reduce((l, f) => R.lcm(l, f.d), 1n);
  const steps = [show(e)];
  if (!fs.every((f) => f.d === L)) steps.push(show({ t: 'add', args: fs.map((f) => signedFrac(f.n * (L / f.d), L)) }));
  const top = fs.reduce((s, f) => s + f.n * (L / f.d), 0n);
  steps.push(show(signedFrac(top, L)));
  steps.push(show(out));
  const uniq = steps.filter((x, i) => steps.indexOf(x) === i);
  ops.push({ kind: inside ? 'paren' : 'addsub', text: `$${uniq.join(' = ')}$${L > 1n ? ` (common denominator $${L}$)` : ''}` });
  return out;
}

function compute(e: Expr, ops: Op[], inside: boolean, shown: Expr = e): Expr {
  const before = ops.length;
  const out = computeInner(e, ops, inside);
  // Show the operation as written (5/2 · 10, not the internal fraction literal).
  if (shown !== e) for (let i = before; i < ops.length; i++) ops[i] = { ...ops[i]!, text: ops[i]!.text.replace(show(e), show(shown)) };
  return out;
}

function computeInner(e: Expr, ops: Op[], inside: boolean): Expr {
  switch (e.t) {
    case 'add':
      return addFractions(e, e.args.map((a) => fracLit(a)!), ops, inside);
    case 'mul': {
      const args = e.args as (Expr & { t: 'num' })[];
      const dec = args.some((a) => a.dec);
      const prod = args.reduce((s, a) => R.mul(s, a.v), R.ONE);
      const out = numOut(prod, dec);
      ops.push({ kind: 'muldiv', text: `$${show(e)} = ${show(out)}$` });
      return out;
    }
    case 'div': {
      const a = e.num as Expr & { t: 'num' };
      const b = e.den as Expr & { t: 'num' };
      if (R.isZero(b.v)) throw new NotArithmetic('division by zero');
      const val = R.div(a.v, b.v);
      const dec = (!!a.dec || !!b.dec) && R.toDecimalString(val) !== null;
      const out = numOut(val, dec);
      let text = `$${show(e)} = ${show(out)}$`;
      if (!R.isInt(b.v) && !b.dec) {
        const recip = num(R.inv(b.v));
        text = `$${show(e)} = ${show(mul(a, recip))} = ${show(out)}$ (dividing by a fraction is multiplying by its reciprocal)`;
      } else if (R.isInt(a.v) && R.isInt(b.v) && !dec) {
        const g = R.gcd(a.v.n, b.v.n);
        if (g > 1n && !R.isInt(val)) text += ` (divide the top and bottom by $${g}$)`;
      }
      ops.push({ kind: 'muldiv', text });
      return out;
    }
    case 'pow': {
      const a = e.base as Expr & { t: 'num' };
      const b = e.exp as Expr & { t: 'num' };
      if (!R.isInt(b.v) || (b.v.n < 0n ? -b.v.n : b.v.n) > 64n) throw new NotArithmetic('not a whole power');
      if (R.isZero(a.v) && b.v.n < 0n) throw new NotArithmetic('zero to a negative power');
      const out = numOut(R.powInt(a.v, b.v.n), !!a.dec);
      ops.push({ kind: 'power', text: `$${show(e)} = ${show(out)}$` });
      return out;
    }
    case 'fn': {
      const a = e.args[0] as Expr & { t: 'num' };
      if (e.name === 'abs') {
        const out = numOut(R.qabs(a.v), !!a.dec);
        ops.push({ kind: 'abs', text: `$${show(e)} = ${show(out)}$` });
        return out;
      }
      if (e.name === 'sqrt') {
        const r = R.qRoot(a.v, 2n);
        if (!r) throw new NotArithmetic('irrational root');
        const out = numOut(r, !!a.dec);
        ops.push({ kind: 'root', text: `$${show(e)} = ${show(out)}$` });
        return out;
      }
      throw new NotArithmetic(`cannot evaluate ${e.name} exactly`);
    }
    default:
      throw new NotArithmetic('not a number');
  }
}

const TITLES: Record<Op['kind'], string> = {
  paren: 'Work inside the parentheses',
  power: 'Evaluate the powers',
  abs: 'Evaluate the absolute values',
  root: 'Evaluate the square roots',
  muldiv: 'Multiply and divide from left to right',
  addsub: 'Add and subtract from left to right',
  sign: 'Simplify the signs',
};

/** Whether every leaf is a number and every operation can be done exactly. */
export function isPlainArithmetic(e: Expr): boolean {
  try {
    let cur = e;
    for (let i = 0; i < 200 && !lit(cur) && !isReducedFraction(cur); i++) cur = round(cur, [], false);
    return lit(cur) || isReducedFraction(cur);
  } catch (err) {
    if (err instanceof NotArithmetic) return false;
    throw err;
  }
}

/** Writes the steps into `w`; returns the value. */
export function evaluateArithmetic(e: Expr, w: Work): Expr {
  let cur = e;
  let lastTex = tex(cur);
  for (let i = 0; i < 200 && !lit(cur) && !isReducedFraction(cur); i++) {
    const all: Op[] = [];
    const next = round(cur, all, false);
    const ops = all.filter((o) => !/^\$(.+) = \1\$$/.test(o.text));
    if (ops.length === 0) {
      // Nothing a reader would see changed (-40 read as −40).
      w.to({ kind: 'expr', expr: next }, { kind: 'same' }, '');
      cur = next;
      lastTex = tex(next);
      continue;
    }
    const kinds = [...new Set(ops.map((o) => o.kind))];
    const title = kinds.length === 1 ? TITLES[kinds[0]!] : kinds.includes('paren') ? TITLES.paren : kinds.includes('muldiv') ? TITLES.muldiv : TITLES[kinds[0]!];
    const nextTex = tex(next);
    w.step(title).text(ops.length === 1 ? `Work out ${ops[0]!.text}:` : `Work out ${ops.map((o) => o.text).join(', ')}:`);
    if (nextTex !== lastTex) w.to({ kind: 'expr', expr: next });
    else w.to({ kind: 'expr', expr: next }, { kind: 'same' }, '');
    lastTex = nextTex;
    cur = next;
  }
  if (isReducedFraction(cur)) return num(R.div((cur as { num: { v: Q } }).num.v, (cur as { den: { v: Q } }).den.v));
  if (!lit(cur)) throw new NotArithmetic('too many operations');
  return cur;
}
