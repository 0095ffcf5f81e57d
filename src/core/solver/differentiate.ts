/**
 * Derivatives with the rules a calculus course teaches: sum, constant multiple, power, product, quotient and
 * chain rules, for powers and roots, sin, cos, tan, sec, csc, cot, e^x and ln. Each rule application is stated
 * with its parts (u, v, u′, v′), and every stated derivative is checked numerically (complex-step).
 */
import * as R from './rational.ts';
import { type Expr, tex, add, mul, num, frac, pow, fn, negate, variables, v, sub } from './expr.ts';
import type { Work, Result } from './work.ts';
import { type Ctx, nfOf, simplify } from './algebra.ts';
import { isOnePoly, toUni, uniDivMod, fromUni, type NF, constOf } from './normal-form.ts';
import { polyToExpr, nfToExpr } from './present.ts';
import { factorPolyExpr } from './factor-polynomial.ts';
import { Unsupported } from './normal-form.ts';

const has = (e: Expr, x: string) => variables(e).has(x);
const isZero = (e: Expr) => e.t === 'num' && R.isZero(e.v);
const isOne = (e: Expr) => e.t === 'num' && R.isOne(e.v);

function times(a: Expr, b: Expr): Expr {
  if (isZero(a) || isZero(b)) return num(0);
  if (isOne(a)) return b;
  if (isOne(b)) return a;
  return mul(a, b);
}

/** Tidy an intermediate derivative for display (never changes its value). */
function tidy(e: Expr, ctx: Ctx): Expr {
  try {
    const n = nfOf(e, ctx);
    if (isOnePoly(n.den)) return nfToExpr(n, ctx);
    return e;
  } catch {
    return e;
  }
}

/** The derivative of e, in a tidy but unsimplified form. */
export function deriv(e: Expr, x: string, ctx: Ctx): Expr {
  if (!has(e, x)) return num(0);
  switch (e.t) {
    case 'var':
      return num(1);
    case 'add': {
      const parts = e.args.map((a) => deriv(a, x, ctx)).filter((d) => !isZero(d));
      return parts.length === 0 ? num(0) : add(...parts);
    }
    case 'neg':
      return negate(deriv(e.arg, x, ctx));
    case 'mul': {
      const consts = e.args.filter((a) => !has(a, x));
      const vars = e.args.filter((a) => has(a, x));
      const c = consts.length ? mul(...consts) : num(1);
      if (vars.length === 1) return tidy(times(c, deriv(vars[0]!, x, ctx)), ctx);
      // u'v + uv', each factor kept in its place.
      const terms = vars.map((f, i) => {
        const parts = vars.map((g, j) => (j === i ? tidy(deriv(f, x, ctx), ctx) : g)).filter((g) => !isOne(g));
        return parts.some(isZero) ? num(0) : parts.length === 0 ? num(1) : mul(...parts);
      });
      return times(c, add(...terms));
    }
    case 'div': {
      if (!has(e.den, x)) return tidy(frac(deriv(e.num, x, ctx), e.den), ctx);
      const u = e.num;
      const w = e.den;
      const du = deriv(u, x, ctx);
      const dw = tidy(deriv(w, x, ctx), ctx);
      // c/v: (c/v)' = -c·v'/v².
      if (!has(u, x)) return frac(negate(tidy(times(u, dw), ctx)), pow(w, 2));
      return frac(sub(times(tidy(du, ctx), w), times(u, dw)), pow(w, 2));
    }
    case 'pow': {
      if (!has(e.exp, x)) {
        const n = e.exp;
        const db = deriv(e.base, x, ctx);
        const lower = simplify(sub(n, num(1)), ctx);
        const p = isOne(lower) ? e.base : isZero(lower) ? num(1) : pow(e.base, lower);
        const out = times(times(n, p), db);
        return e.base.t === 'add' ? out : tidy(out, ctx);
      }
      if (!has(e.base, x)) {
        const du = deriv(e.exp, x, ctx);
        const isE = (e.base.t === 'const' && e.base.name === 'e') || (ctx.euler && e.base.t === 'var' && e.base.name === 'e');
        return times(isE ? e : mul(e, fn('ln', e.base)), du);
      }
      throw new Unsupported('a variable raised to a variable power');
    }
    case 'fn': {
      const u = e.args[0]!;
      const du = deriv(u, x, ctx);
      const outer = outerDerivative(e, ctx);
      return times(outer, du);
    }
    default:
      throw new Unsupported('cannot differentiate this');
  }
}

/** f′(u) for f(u), with u kept as it is. */
function outerDerivative(e: Expr & { t: 'fn' }, ctx: Ctx): Expr {
  const u = e.args[0]!;
  switch (e.name) {
    case 'sin':
      return fn('cos', u);
    case 'cos':
      return negate(fn('sin', u));
    case 'tan':
      return pow(fn('sec', u), 2);
    case 'sec':
      return mul(fn('sec', u), fn('tan', u));
    case 'csc':
      return negate(mul(fn('csc', u), fn('cot', u)));
    case 'cot':
      return negate(pow(fn('csc', u), 2));
    case 'exp':
      return fn('exp', u);
    case 'ln':
      return frac(num(1), u);
    case 'log':
      return frac(num(1), mul(u, fn('ln', num(10))));
    case 'sqrt':
      return frac(num(1), mul(num(2), fn('sqrt', u)));
    case 'root': {
      const n = e.args[1]!;
      if (n.t !== 'num') throw new Unsupported('root index');
      return tidy(mul(frac(num(1), n), pow(u, num(R.sub(R.inv(n.v), R.ONE)))), ctx);
    }
    case 'abs':
      throw new Unsupported('the derivative of an absolute value');
  }
}

/** Written as a teacher would: a polynomial part plus a proper fraction over a factored denominator. */
export function presentDerivative(raw: Expr, x: string, ctx: Ctx): Expr {
  const full = presentFull(raw, x, ctx);
  // A chain-rule product such as 5(2x + 1)^4 · 2 reads better as 10(2x + 1)^4 than multiplied out.
  const compact = compactProduct(raw, ctx);
  return compact && tex(compact).length < tex(full).length ? compact : full;
}

function compactProduct(raw: Expr, ctx: Ctx): Expr | null {
  let sign = false;
  let e = raw;
  if (e.t === 'neg') {
    sign = true;
    e = e.arg;
  }
  if (e.t !== 'mul') return null;
  try {
    const nums = e.args.filter((a) => variables(a).size === 0);
    const rest = e.args
      .filter((a) => variables(a).size > 0)
      .map((a) => (a.t === 'pow' && a.base.t === 'add' ? pow(simplify(a.base, ctx), a.exp) : simplify(a, ctx)))
      // Monomials before brackets: 24x(3x² − 1)³.
      .sort((a, b) => Number(a.t === 'pow' && a.base.t === 'add') - Number(b.t === 'pow' && b.base.t === 'add'));
    const k = nums.length ? simplify(mul(...nums), ctx) : num(1);
    const parts = isOne(k) ? rest : [k, ...rest];
    const out = parts.length === 1 ? parts[0]! : mul(...parts);
    return sign ? negate(out) : out;
  } catch {
    return null;
  }
}

function presentFull(raw: Expr, x: string, ctx: Ctx): Expr {
  const n: NF = nfOf(raw, ctx);
  if (isOnePoly(n.den)) return nfToExpr(n, ctx);
  const un = toUni(n.num, x);
  const ud = toUni(n.den, x);
  if (un && ud) {
    const { quot, rem } = uniDivMod(un, ud);
    const denF = factorPolyExpr(n.den, ctx) ?? polyToExpr(n.den, ctx);
    const remE = polyToExpr(fromUni(rem, x), ctx);
    const fracE = frac(remE, denF);
    if (quot.every(R.isZero)) return fracE;
    return add(polyToExpr(fromUni(quot, x), ctx), fracE);
  }
  // A quotient-rule result: simplify the top, keep the bottom as a square.
  if (raw.t === 'div') return frac(tidyTop(raw.num, ctx), raw.den);
  return nfToExpr(n, ctx);
}

function tidyTop(e: Expr, ctx: Ctx): Expr {
  try {
    return nfToExpr(nfOf(e, ctx), ctx);
  } catch {
    return e;
  }
}

interface RuleNote {
  title: string;
  text: string;
}

/** Which rule the outermost operation needs, with its parts, for the explanation. */
function describeRule(e: Expr, x: string, ctx: Ctx, w: Work): RuleNote {
  const D = (a: Expr) => {
    const d = tidy(deriv(a, x, ctx), ctx);
    w.claimDerivative(a, d, x);
    return d;
  };
  const dx = `\\frac{d}{d${x}}`;
  const n = x === 'n' ? 'k' : 'n';
  if (e.t === 'add') {
    const lines = e.args.filter((a) => has(a, x)).map((a) => `$${dx}\\left[${tex(a)}\\right] = ${tex(D(a))}$`);
    const hasConst = e.args.some((a) => !has(a, x));
    return {
      title: 'Differentiate term by term',
      text:
        `By the sum rule, differentiate each term${hasConst ? ' (the derivative of a constant is $0$)' : ''}, using the power rule $${dx}\\left[${x}^${n}\\right] = ${n}${x}^{${n}-1}$ where it applies:\n\n` +
        lines.map((l) => `- ${l}`).join('\n'),
    };
  }
  if (e.t === 'neg') return describeRule(e.arg, x, ctx, w);
  if (e.t === 'mul') {
    const consts = e.args.filter((a) => !has(a, x));
    const vars = e.args.filter((a) => has(a, x));
    if (vars.length === 1) {
      const inner = describeRule(vars[0]!, x, ctx, w);
      return { title: inner.title, text: `The constant factor $${tex(mul(...consts))}$ stays in front (constant multiple rule). ${inner.text}` };
    }
    const u = vars[0]!;
    const vv = vars.length === 2 ? vars[1]! : mul(...vars.slice(1));
    const front = consts.length ? `The constant factor $${tex(mul(...consts))}$ stays in front. ` : '';
    return {
      title: 'Use the product rule',
      text: `${front}Write the rest as $u \\cdot v$ with $u = ${tex(u)}$ and $v = ${tex(vv)}$. Then $u' = ${tex(D(u))}$ and $v' = ${tex(D(vv))}$, and the product rule gives $(uv)' = u'v + uv'$:`,
    };
  }
  if (e.t === 'div' && has(e.den, x)) {
    return {
      title: 'Use the quotient rule',
      text: `With $u = ${tex(e.num)}$ and $v = ${tex(e.den)}$: $u' = ${tex(D(e.num))}$ and $v' = ${tex(D(e.den))}$. The quotient rule gives $\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}$:`,
    };
  }
  if (e.t === 'div') {
    return { title: 'Differentiate the numerator', text: `The denominator $${tex(e.den)}$ is a constant, so differentiate the top and keep it:` };
  }
  if (e.t === 'pow' && !has(e.exp, x)) {
    if (e.base.t === 'var') return { title: 'Use the power rule', text: `The power rule: $${dx}\\left[${x}^${n}\\right] = ${n}${x}^{${n}-1}$:` };
    return {
      title: 'Use the chain rule',
      text: `The outer function is a power and the inner function is $u = ${tex(e.base)}$ with $u' = ${tex(D(e.base))}$. By the chain rule, $${dx}\\left[u^${n}\\right] = ${n} u^{${n}-1} u'$:`,
    };
  }
  if (e.t === 'fn' || e.t === 'pow') {
    const u = e.t === 'fn' ? e.args[0]! : e.exp;
    const name = e.t === 'fn' ? (e.name === 'exp' ? 'e^u' : e.name === 'sqrt' ? '\\sqrt{u}' : `\\${e.name} u`) : 'a^u';
    if (u.t === 'var') return { title: `Differentiate $${name.replace(/u/g, x)}$`, text: `Use the standard derivative:` };
    return {
      title: 'Use the chain rule',
      text: `The outer function is $${name}$ and the inner function is $u = ${tex(u)}$, with $u' = ${tex(D(u))}$. By the chain rule, multiply the outer derivative (at $u$) by $u'$:`,
    };
  }
  return { title: 'Differentiate', text: 'Differentiate:' };
}

/** Is e a polynomial in x (with whole, possibly negative, powers) we could write out term by term? */
function asTerms(e: Expr, x: string, ctx: Ctx): Expr | null {
  try {
    const n = nfOf(e, ctx);
    if (!isOnePoly(n.den)) return null;
    for (const t of n.num.terms)
      for (const f of t.m) {
        if (f.bkey !== `v:${x}` && f.base.k !== 'prime') return null;
        const ec = constOf(f.e);
        if (!ec) return null;
      }
    return nfToExpr(n, { ...ctx, radicals: false });
  } catch {
    return null;
  }
}

export function differentiateWithSteps(e0: Expr, x: string, order: number, w: Work, ctx: Ctx, fname?: string): Result {
  let cur = e0;
  for (let k = 1; k <= order; k++) {
    let f = cur;
    // Multiply out or rewrite as powers first when that turns a product or quotient into a sum of powers.
    const terms = asTerms(f, x, ctx);
    const powOfSum = f.t === 'pow' && f.base.t === 'add';
    if (terms && tex(terms) !== tex(f) && !powOfSum && (f.t === 'mul' || f.t === 'div' || f.t === 'fn' || f.t === 'pow' || /frac|sqrt/.test(tex(f)))) {
      const why = /frac|sqrt/.test(tex(f)) && !(f.t === 'mul' && f.args.some((a) => a.t === 'add'))
        ? 'Rewrite every term as a power of ' + `$${x}$` + ' so the power rule applies:'
        : 'Multiply out first, so the function becomes a sum of powers:';
      w.step(k === 1 ? 'Rewrite the function' : 'Rewrite').text(why).to({ kind: 'expr', expr: terms });
      f = terms;
    }
    const note = describeRule(f, x, ctx, w);
    const raw = deriv(f, x, ctx);
    const label = order > 1 ? `${['First', 'Second', 'Third', 'Fourth'][k - 1] ?? `${k}th`} derivative: ` : '';
    w.step(`${label}${note.title}`).text(note.text).to({ kind: 'expr', expr: raw }, { kind: 'derivative', v: x });
    const nice = presentDerivative(raw, x, ctx);
    if (tex(nice) !== tex(raw)) w.step('Simplify').text('Multiply out and combine like terms:').to({ kind: 'expr', expr: nice });
    cur = nice;
  }
  void fname;
  return { kind: 'expr', expr: cur };
}

export { v };
