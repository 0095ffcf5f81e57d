/**
 * The expression tree the solver reads problems into and writes steps from. It keeps the shape a person wrote
 * (subtraction, fractions, roots), so steps can be shown as written; the algebra itself works on the normal form
 * in normal-form.ts.
 */
import { type Q, q, isNeg, neg as qneg, toDecimalString, isInt } from './rational.ts';

export type FnName = 'sin' | 'cos' | 'tan' | 'sec' | 'csc' | 'cot' | 'exp' | 'ln' | 'log' | 'sqrt' | 'root' | 'abs';
export const FN_NAMES: readonly FnName[] = ['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'exp', 'ln', 'log', 'sqrt', 'root', 'abs'];

export type Expr =
  | { t: 'num'; v: Q; dec?: boolean }
  | { t: 'var'; name: string }
  | { t: 'const'; name: 'pi' | 'e' | 'i' }
  | { t: 'add'; args: Expr[] }
  | { t: 'neg'; arg: Expr }
  | { t: 'mul'; args: Expr[] }
  | { t: 'div'; num: Expr; den: Expr }
  | { t: 'pow'; base: Expr; exp: Expr }
  /** `root` takes (radicand, index); the others one argument. */
  | { t: 'fn'; name: FnName; args: Expr[] }
  /** d^order/dv^order [arg], shown before it is worked out. */
  | { t: 'deriv'; arg: Expr; v: string; order: number };

export type RelOp = '=' | '<' | '>' | '<=' | '>=';
export interface Rel {
  op: RelOp;
  lhs: Expr;
  rhs: Expr;
}

// ---- constructors -------------------------------------------------------------------------------------------

export const num = (n: bigint | number | Q, d?: bigint | number): Expr =>
  typeof n === 'object' ? { t: 'num', v: n } : { t: 'num', v: q(n, d ?? 1n) };
export const dec = (v: Q): Expr => ({ t: 'num', v, dec: true });
export const v = (name: string): Expr => ({ t: 'var', name });
export const neg = (arg: Expr): Expr => ({ t: 'neg', arg });
export const fn = (name: FnName, ...args: Expr[]): Expr => ({ t: 'fn', name, args });
export const frac = (n: Expr, d: Expr): Expr => ({ t: 'div', num: n, den: d });
export const pow = (base: Expr, exp: Expr | number): Expr => ({ t: 'pow', base, exp: typeof exp === 'number' ? num(exp) : exp });
export const rel = (lhs: Expr, op: RelOp, rhs: Expr): Rel => ({ op, lhs, rhs });

export function add(...args: Expr[]): Expr {
  const flat: Expr[] = [];
  for (const a of args) if (a.t === 'add') flat.push(...a.args);
  else flat.push(a);
  if (flat.length === 0) return num(0);
  return flat.length === 1 ? flat[0]! : { t: 'add', args: flat };
}

export function mul(...args: Expr[]): Expr {
  const flat: Expr[] = [];
  for (const a of args) if (a.t === 'mul') flat.push(...a.args);
  else flat.push(a);
  if (flat.length === 0) return num(1);
  return flat.length === 1 ? flat[0]! : { t: 'mul', args: flat };
}

/** a - b, folding a numeric b into its sign. */
export const sub = (a: Expr, b: Expr): Expr => add(a, negate(b));

/** -e, written the way a person would (-3 rather than -(3), x rather than -(-x)). */
export function negate(e: Expr): Expr {
  if (e.t === 'num') return { ...e, v: qneg(e.v) };
  if (e.t === 'neg') return e.arg;
  if (e.t === 'mul' && e.args[0]?.t === 'num') return mul(negate(e.args[0]), ...e.args.slice(1));
  return neg(e);
}

// ---- inspection ---------------------------------------------------------------------------------------------

export function variables(e: Expr | Rel, out = new Set<string>()): Set<string> {
  if ('op' in e) {
    variables(e.lhs, out);
    variables(e.rhs, out);
    return out;
  }
  switch (e.t) {
    case 'var':
      out.add(e.name);
      break;
    case 'add':
    case 'mul':
    case 'fn':
      for (const a of e.args) variables(a, out);
      break;
    case 'neg':
      variables(e.arg, out);
      break;
    case 'div':
      variables(e.num, out);
      variables(e.den, out);
      break;
    case 'pow':
      variables(e.base, out);
      variables(e.exp, out);
      break;
    case 'deriv':
      variables(e.arg, out);
      break;
  }
  return out;
}

/** Order of first appearance, left to right, as written. */
export function variablesInOrder(e: Expr | Rel): string[] {
  return [...variables(e)];
}

export function contains(e: Expr, pred: (x: Expr) => boolean): boolean {
  if (pred(e)) return true;
  switch (e.t) {
    case 'add':
    case 'mul':
    case 'fn':
      return e.args.some((a) => contains(a, pred));
    case 'neg':
      return contains(e.arg, pred);
    case 'div':
      return contains(e.num, pred) || contains(e.den, pred);
    case 'pow':
      return contains(e.base, pred) || contains(e.exp, pred);
    case 'deriv':
      return contains(e.arg, pred);
    default:
      return false;
  }
}

export const isNumeric = (e: Expr): boolean => variables(e).size === 0;

/** Replace variables by expressions. */
export function substitute(e: Expr, env: Record<string, Expr>): Expr {
  switch (e.t) {
    case 'var':
      return env[e.name] ?? e;
    case 'add':
      return { t: 'add', args: e.args.map((a) => substitute(a, env)) };
    case 'mul':
      return { t: 'mul', args: e.args.map((a) => substitute(a, env)) };
    case 'fn':
      return { t: 'fn', name: e.name, args: e.args.map((a) => substitute(a, env)) };
    case 'neg':
      return { t: 'neg', arg: substitute(e.arg, env) };
    case 'div':
      return { t: 'div', num: substitute(e.num, env), den: substitute(e.den, env) };
    case 'pow':
      return { t: 'pow', base: substitute(e.base, env), exp: substitute(e.exp, env) };
    case 'deriv':
      return { ...e, arg: substitute(e.arg, env) };
    default:
      return e;
  }
}

// ---- LaTeX --------------------------------------------------------------------------------------------------

const FN_TEX: Record<string, string> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  sec: '\\sec',
  csc: '\\csc',
  cot: '\\cot',
  ln: '\\ln',
  log: '\\log',
};

// Precedence: how tightly a node binds when placed inside another.
// A negation binds like a product (−a·b, not −(a·b)).
const enum P {
  Add = 1,
  Mul = 2,
  // eslint-disable-next-line @typescript-eslint/no-duplicate-enum-values -- same precedence on purpose
  Neg = 2,
  Pow = 4,
  Atom = 5,
}

function prec(e: Expr): number {
  switch (e.t) {
    case 'num':
      if (isNeg(e.v)) return P.Neg;
      return isInt(e.v) || e.dec ? P.Atom : P.Mul; // \frac binds like a product factor
    case 'add':
      return P.Add;
    case 'neg':
      return P.Neg;
    case 'mul':
      return P.Mul;
    case 'div':
      return P.Mul;
    case 'pow':
      return P.Pow;
    case 'fn':
      return e.name === 'sqrt' || e.name === 'root' || e.name === 'abs' || e.name === 'exp' ? P.Atom : P.Mul;
    default:
      return P.Atom;
  }
}

const paren = (s: string) => `\\left(${s}\\right)`;

function numTex(x: { v: Q; dec?: boolean }): string {
  const v = x.v;
  if (x.dec) {
    const d = toDecimalString(v);
    if (d !== null) return d;
  }
  if (v.d === 1n) return v.n.toString();
  const sign = v.n < 0n ? '-' : '';
  return `${sign}\\frac{${(v.n < 0n ? -v.n : v.n).toString()}}{${v.d.toString()}}`;
}

/** Does the LaTeX of e start with a digit (so "2·3" must not be written "23")? */
function startsWithDigit(e: Expr): boolean {
  switch (e.t) {
    case 'num':
      return !isNeg(e.v) && (isInt(e.v) || !!e.dec);
    case 'mul':
      return startsWithDigit(e.args[0]!);
    case 'pow':
      return startsWithDigit(e.base);
    default:
      return false;
  }
}

function fnArgTex(a: Expr): string {
  // \sin x for a lone variable or number, \sin\left(2x\right) otherwise.
  if ((a.t === 'var' || a.t === 'const' || (a.t === 'num' && !isNeg(a.v) && isInt(a.v))) && true) return ` ${tex(a)}`;
  return paren(tex(a));
}

export function tex(e: Expr): string {
  switch (e.t) {
    case 'num':
      return numTex(e);
    case 'var':
      return e.name.length > 1 ? `\\mathit{${e.name}}` : e.name;
    case 'const':
      return e.name === 'pi' ? '\\pi' : e.name === 'e' ? 'e' : 'i';
    case 'add': {
      let s = '';
      e.args.forEach((a, i) => {
        if (i === 0) {
          s += prec(a) < P.Add ? paren(tex(a)) : tex(a);
          return;
        }
        if (a.t === 'neg') {
          const inner = tex(a.arg);
          s += ` - ${prec(a.arg) <= P.Add || inner.startsWith('-') ? paren(inner) : inner}`;
        } else if (a.t === 'num' && isNeg(a.v)) {
          s += ` - ${numTex({ ...a, v: qneg(a.v) })}`;
        } else if (a.t === 'mul' && a.args[0]?.t === 'num' && isNeg(a.args[0].v)) {
          const first = a.args[0];
          const rest = mul(...a.args.slice(1));
          const pos = qneg(first.v);
          const posExpr: Expr = pos.n === 1n && pos.d === 1n ? rest : mul({ ...first, v: pos }, ...a.args.slice(1));
          s += ` - ${tex(posExpr)}`;
        } else {
          // Any other term written with a leading minus (a product whose first factor is negative): "- …", never "+ -…".
          const t = tex(a);
          s += t.startsWith('-') ? ` - ${t.slice(1)}` : ` + ${t}`;
        }
      });
      return s;
    }
    case 'neg': {
      const a = e.arg;
      const inner = tex(a);
      return prec(a) <= P.Add || inner.startsWith('-') ? `-${paren(inner)}` : `-${inner}`;
    }
    case 'mul': {
      let s = '';
      e.args.forEach((a, i) => {
        let part = tex(a);
        const negative = a.t === 'neg' || (a.t === 'num' && isNeg(a.v));
        // A factor bracketed for its minus sign alone (−10, −x, (−2)²), not a bracketed sum.
        const signed = i > 0 && prec(a) >= P.Mul && (negative || part.startsWith('-') || (a.t === 'pow' && part.startsWith('\\left(-')));
        const needParen = prec(a) < P.Mul || (i > 0 && (negative || part.startsWith('-')));
        if (needParen) part = paren(part);
        if (i === 0) {
          s = part;
          return;
        }
        const prev = e.args[i - 1]!;
        // An explicit dot between two numbers, or before a number, or after a \frac number; otherwise juxtapose.
        // A negative factor after another is bracketed and dotted, as a teacher writes it: 6 · (−10), 2 · (−x).
        const dot =
          (startsWithDigit(a) && !needParen) ||
          (prev.t === 'num' && !isInt(prev.v) && !prev.dec && a.t === 'num') ||
          (prev.t === 'div' && a.t === 'div') ||
          // 1 \frac{1}{2} would read back as a mixed number.
          (prev.t === 'num' && a.t === 'div' && a.num.t === 'num' && a.den.t === 'num') ||
          a.t === 'num' ||
          signed ||
          (prev.t === 'fn' && FN_TEX[prev.name] !== undefined && !part.startsWith('\\left('));
        s += dot ? ` \\cdot ${part}` : part.startsWith('\\') || /^[a-zA-Z]/.test(part) ? ` ${part}` : part;
      });
      return s;
    }
    case 'div': {
      // −2/x is written −\frac{2}{x}, so a sum shows "1 - \frac{2}{x}", never "1 + \frac{-2}{x}". A numerator that
      // is a sum keeps its sign inside (−x + 1 is not −(x + 1)).
      const top = tex(e.num);
      if (top.startsWith('-') && e.num.t !== 'add') return `-\\frac{${top.slice(1)}}{${tex(e.den)}}`;
      return `\\frac{${top}}{${tex(e.den)}}`;
    }
    case 'pow': {
      const b = e.base;
      const expTex = tex(e.exp);
      if (b.t === 'fn' && FN_TEX[b.name] && e.exp.t === 'num' && isInt(e.exp.v) && !isNeg(e.exp.v)) {
        return `${FN_TEX[b.name]}^{${expTex}}${fnArgTex(b.args[0]!)}`;
      }
      if (b.t === 'fn' && (b.name === 'sqrt' || b.name === 'root' || b.name === 'abs' || b.name === 'exp')) {
        return `${paren(tex(b))}^{${expTex}}`;
      }
      const bt = tex(b);
      const wrap = prec(b) < P.Atom || b.t === 'pow' || (b.t === 'num' && !isInt(b.v) && !b.dec);
      return `${wrap ? paren(bt) : bt}^{${expTex}}`;
    }
    case 'fn': {
      const a = e.args[0]!;
      switch (e.name) {
        case 'sqrt':
          return `\\sqrt{${tex(a)}}`;
        case 'root':
          return `\\sqrt[${tex(e.args[1]!)}]{${tex(a)}}`;
        case 'abs':
          return `\\left|${tex(a)}\\right|`;
        case 'exp':
          return `e^{${tex(a)}}`;
        default:
          return `${FN_TEX[e.name]}${fnArgTex(a)}`;
      }
    }
    case 'deriv': {
      const d = e.order === 1 ? `\\frac{d}{d${e.v}}` : `\\frac{d^{${e.order}}}{d${e.v}^{${e.order}}}`;
      return `${d}\\left[${tex(e.arg)}\\right]`;
    }
  }
}

const REL_TEX: Record<RelOp, string> = { '=': '=', '<': '<', '>': '>', '<=': '\\le', '>=': '\\ge' };
export const relTex = (r: Rel): string => `${tex(r.lhs)} ${REL_TEX[r.op]} ${tex(r.rhs)}`;
export const opTex = (op: RelOp): string => REL_TEX[op];
export const flipOp = (op: RelOp): RelOp => ({ '=': '=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' })[op] as RelOp;
