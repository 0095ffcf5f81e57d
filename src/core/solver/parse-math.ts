/**
 * Reads math as students type it or copy it from worksheets: plain text (`2x^2 - 5x`, `3*x**2`, `nthRoot(x, 2)`)
 * or LaTeX (`\frac{2}{3}\left(3m-6\right)`, `\sqrt{48}`, `sin\left(x\right)`), into an Expr or a relation.
 * Implicit multiplication binds like `*` and everything is left-associative, so `2x/3` is (2x)/3.
 */
import { type Expr, type Rel, type RelOp, type FnName, num, v, fn, frac, pow, neg, add, mul } from './expr.ts';
import { parseDecimal, isInt } from './rational.ts';

export class MathSyntaxError extends Error {}

type Tok =
  | { k: 'num'; s: string }
  | { k: 'id'; s: string }
  | { k: 'fn'; s: FnName | 'nthroot' }
  | { k: 'op'; s: string }
  | { k: 'cmd'; s: 'frac' | 'sqrt' | 'pi' | 'infty' }
  | { k: 'end' };

const FUNCS: Record<string, FnName | 'nthroot'> = {
  nthroot: 'nthroot',
  sqrt: 'sqrt',
  abs: 'abs',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  sec: 'sec',
  csc: 'csc',
  cot: 'cot',
  exp: 'exp',
  ln: 'ln',
  log: 'log',
};
// Longest first so "sqrt" wins over "s" + "qrt".
const FUNC_WORDS = Object.keys(FUNCS).sort((a, b) => b.length - a.length);

/** Rewrites LaTeX spellings into the plain tokens the tokenizer reads. */
function normalise(src: string): string {
  let s = src
    .replace(/\$/g, ' ')
    .replace(/\\\(|\\\)|\\\[|\\\]/g, ' ')
    .replace(/[−–]/g, '-')
    .replace(/[×·∙]/g, '*')
    .replace(/÷/g, '/')
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/√/g, '\\sqrt')
    .replace(/π/g, '\\pi')
    .replace(/\\(?:displaystyle|left|right|bigl|bigr|Bigl|Bigr|big|Big)(?![a-zA-Z])/g, '')
    .replace(/\\(?:,|;|!|:|quad|qquad)/g, ' ')
    .replace(/\\ /g, ' ')
    .replace(/\\(?:operatorname|mathrm|mathit|text|textrm)\s*\{\s*([a-zA-Z]+)\s*\}/g, (_, w: string) => (FUNCS[w.toLowerCase()] ? `\\${w}` : w))
    .replace(/\\(?:cdot|times|ast)(?![a-zA-Z])/g, '*')
    .replace(/\\div(?![a-zA-Z])/g, '/')
    .replace(/\\(?:leqslant|leq|le)(?![a-zA-Z])/g, '<=')
    .replace(/\\(?:geqslant|geq|ge)(?![a-zA-Z])/g, '>=')
    .replace(/\\lt(?![a-zA-Z])/g, '<')
    .replace(/\\gt(?![a-zA-Z])/g, '>')
    .replace(/\\[dtc]frac/g, '\\frac')
    .replace(/\*\*/g, '^')
    // Operations in words, as in "What is 0.3 times 2.4?".
    .replace(/\s+(?:times|multiplied by)\s+/gi, ' * ')
    .replace(/\s+divided by\s+/gi, ' / ')
    .replace(/\s+plus\s+/gi, ' + ')
    .replace(/\s+minus\s+/gi, ' - ');
  s = s.replace(/\\lvert|\\rvert|\\vert|\\mid/g, '|');
  return s;
}

/**
 * Prose is not a product of variables: two or more words of two or more letters in a row ("is it so",
 * "go to bed") are a sentence, so the input is declined rather than "simplified". Function names (also glued
 * to their argument, "sinx") and LaTeX commands do not count as words; single letters (variables) never do.
 */
function rejectProse(s: string): void {
  const words = s.replace(/\\[a-zA-Z]+/g, ' ').split(/\s+/);
  let run: string[] = [];
  for (const w of words) {
    const word = w.replace(/[.,:;?!]$/, '');
    // "sinx", "lnx" start with a function name: math (the tokenizer rejects "logic" and the like).
    if (/^[a-zA-Z]{2,}$/.test(word) && !FUNC_WORDS.some((f) => word.toLowerCase().startsWith(f))) {
      run.push(word);
      if (run.length >= 2) throw new MathSyntaxError(`"${run.join(' ')}" reads as words, not math`);
    } else run = [];
  }
}

function tokenize(src: string): { toks: Tok[]; latex: boolean } {
  const s = normalise(src);
  const latex = /\\[a-zA-Z]|[{}]/.test(s);
  rejectProse(s);
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)/.exec(s.slice(i));
      if (!m) throw new MathSyntaxError(`unexpected "${c}"`);
      let t = m[1]!;
      // LaTeX reads x^23 as x^2 · 3.
      if (latex && toks.at(-1)?.k === 'op' && (toks.at(-1) as { s: string }).s === '^') t = t[0]!;
      toks.push({ k: 'num', s: t });
      i += t.length;
      continue;
    }
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+)/.exec(s.slice(i));
      if (!m) throw new MathSyntaxError(`unexpected "\\${s[i + 1] ?? ''}"`);
      const w = m[1]!;
      i += m[0].length;
      if (w === 'frac' || w === 'sqrt' || w === 'pi' || w === 'infty') toks.push({ k: 'cmd', s: w });
      else if (FUNCS[w.toLowerCase()]) toks.push({ k: 'fn', s: FUNCS[w.toLowerCase()]! });
      else throw new MathSyntaxError(`unknown command \\${w}`);
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      const lower = s.slice(i).toLowerCase();
      const word = FUNC_WORDS.find((w) => lower.startsWith(w) && !(w === 'exp' && /^expand/.test(lower)));
      if (word) {
        // "logic", "tango", "sinus": a function name glued to more letters that are not another function is a word.
        // Letters up to the next function name are its argument: "sinxcosx" is fine, "logic" is not.
        const after = /^[a-zA-Z]*/.exec(s.slice(i + word.length))![0];
        let glued = 0;
        while (glued < after.length && !FUNC_WORDS.some((w) => after.slice(glued).toLowerCase().startsWith(w))) glued++;
        if (glued >= 2) throw new MathSyntaxError(`unknown word "${word}${after}"`);
        toks.push({ k: 'fn', s: FUNCS[word]! });
        i += word.length;
      } else if (lower.startsWith('pi') && !/[a-z]/.test(lower[2] ?? '')) {
        toks.push({ k: 'cmd', s: 'pi' });
        i += 2;
      } else {
        // A run of three or more letters that is not a function is a word, not a product of variables.
        const run = /^[a-zA-Z]+/.exec(s.slice(i))![0];
        if (run.length >= 3 && !FUNC_WORDS.some((w) => run.toLowerCase().includes(w))) throw new MathSyntaxError(`unknown word "${run}"`);
        toks.push({ k: 'id', s: c });
        i++;
      }
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '=<' || two === '=>') {
      toks.push({ k: 'op', s: two === '=<' ? '<=' : two === '=>' ? '>=' : two });
      i += 2;
      continue;
    }
    if ('+-*/^()[]{}|,=<>'.includes(c)) {
      toks.push({ k: 'op', s: c });
      i++;
      continue;
    }
    throw new MathSyntaxError(`unexpected "${c}"`);
  }
  toks.push({ k: 'end' });
  return { toks, latex };
}

class Parser {
  private i = 0;
  private absDepth = 0;
  constructor(private readonly toks: Tok[]) {}

  peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  next(): Tok {
    return this.toks[this.i++]!;
  }
  isOp(s: string, o = 0): boolean {
    const t = this.peek(o);
    return t.k === 'op' && t.s === s;
  }
  expect(s: string): void {
    if (!this.isOp(s)) throw new MathSyntaxError(`expected "${s}"`);
    this.i++;
  }
  atEnd(): boolean {
    return this.peek().k === 'end';
  }

  additive(): Expr {
    let left = this.unaryTerm();
    const parts: Expr[] = [left];
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { s: string }).s;
      const right = this.unaryTerm();
      parts.push(op === '-' ? neg(right) : right);
    }
    left = parts.length === 1 ? parts[0]! : { t: 'add', args: parts };
    return left;
  }

  /** A term, possibly with leading signs: "-x*y", "-------5". */
  unaryTerm(): Expr {
    if (this.isOp('-')) {
      this.next();
      const literal = this.peek().k === 'num';
      const e = this.unaryTerm();
      return literal ? negLiteral(e) : neg(e);
    }
    if (this.isOp('+')) {
      this.next();
      return this.unaryTerm();
    }
    return this.term();
  }

  term(): Expr {
    let acc = this.mixedNumber() ?? this.power();
    for (;;) {
      if (this.isOp('*')) {
        this.next();
        acc = mulKeep(acc, this.mixedNumber() ?? this.signedPower());
      } else if (this.isOp('/')) {
        this.next();
        acc = frac(acc, this.mixedNumber() ?? this.signedPower());
      } else if (this.startsImplicit()) {
        acc = mulKeep(acc, this.power());
      } else return acc;
    }
  }

  /**
   * A mixed number at the start of a term is a sum, as in school: `4\dfrac{5}{8}` and plain `5 1/4` are
   * 4 + 5/8 and 5 + 1/4. Only a whole number directly followed by a fraction of whole numbers counts;
   * `2\frac{x}{3}` and `3 \cdot \frac12` stay products. An improper fraction part (`2\frac{5}{4}`) could mean
   * either, so it is refused rather than guessed.
   */
  mixedNumber(): Expr | null {
    const whole = this.peek();
    if (whole.k !== 'num' || whole.s.includes('.')) return null;
    const next = this.peek(1);
    const start = this.i;
    let part: Expr;
    if (next.k === 'cmd' && next.s === 'frac') {
      this.next();
      part = this.primary();
      if (!(part.t === 'div' && part.num.t === 'num' && part.den.t === 'num')) {
        this.i = start;
        return null;
      }
    } else if (next.k === 'num' && !next.s.includes('.') && this.isOp('/', 2) && this.peek(3).k === 'num' && !(this.peek(3) as { s: string }).s.includes('.')) {
      const after = this.peek(4);
      // "5 1/4x", "5 1/4^2": not a plain mixed number.
      if (after.k === 'num' || (after.k === 'op' && (after.s === '^' || after.s === '(' || after.s === '{')) || after.k === 'id' || after.k === 'fn' || after.k === 'cmd') return null;
      this.next();
      const n = this.next() as { s: string };
      this.next();
      const d = this.next() as { s: string };
      part = frac(num(BigInt(n.s)), num(BigInt(d.s)));
    } else return null;
    const pn = (part as { num: { v: { n: bigint } } }).num.v.n;
    const pd = (part as { den: { v: { n: bigint } } }).den.v.n;
    if (!(pn > 0n && pn < pd)) throw new MathSyntaxError(`"${whole.s}" followed by a fraction that is not proper could be a mixed number or a product`);
    return { t: 'add', args: [num(BigInt(whole.s)), part] };
  }

  /** After * or /, a sign may follow: 3*-4, 8/-2. */
  signedPower(): Expr {
    if (this.isOp('-')) {
      this.next();
      const literal = this.peek().k === 'num';
      const e = this.signedPower();
      return literal ? negLiteral(e) : neg(e);
    }
    if (this.isOp('+')) {
      this.next();
      return this.signedPower();
    }
    return this.power();
  }

  startsImplicit(): boolean {
    const t = this.peek();
    if (t.k === 'id' || t.k === 'fn' || t.k === 'cmd') return !(t.k === 'cmd' && t.s === 'infty');
    if (t.k === 'op') return t.s === '(' || t.s === '{' || (t.s === '[' && false);
    return false;
  }

  power(): Expr {
    const base = this.primary();
    if (this.isOp('^')) {
      this.next();
      const exp = this.signedPower();
      return pow(base, exp);
    }
    return base;
  }

  group(open: string, close: string): Expr {
    this.expect(open);
    const e = this.additive();
    this.expect(close);
    return e;
  }

  primary(): Expr {
    const t = this.next();
    switch (t.k) {
      case 'num': {
        const value = parseDecimal(t.s);
        return t.s.includes('.') ? { t: 'num', v: value, dec: true } : num(value);
      }
      case 'id':
        return v(t.s);
      case 'cmd':
        if (t.s === 'pi') return { t: 'const', name: 'pi' };
        if (t.s === 'infty') throw new MathSyntaxError('infinity is not a number');
        if (t.s === 'frac') {
          const n = this.braceArg();
          const d = this.braceArg();
          return frac(n, d);
        }
        // \sqrt[n]{x}
        if (this.isOp('[')) {
          const idx = this.group('[', ']');
          const rad = this.braceArg();
          return idx.t === 'num' && idx.v.n === 2n && idx.v.d === 1n ? fn('sqrt', rad) : fn('root', rad, idx);
        }
        return fn('sqrt', this.braceArg());
      case 'fn':
        return this.call(t.s);
      case 'op':
        if (t.s === '(') {
          const e = this.additive();
          this.expect(')');
          return e;
        }
        if (t.s === '{') {
          const e = this.additive();
          this.expect('}');
          return e;
        }
        if (t.s === '[') {
          const e = this.additive();
          this.expect(']');
          return e;
        }
        if (t.s === '|') {
          this.absDepth++;
          const e = this.additive();
          this.expect('|');
          this.absDepth--;
          return fn('abs', e);
        }
        throw new MathSyntaxError(`unexpected "${t.s}"`);
      case 'end':
        throw new MathSyntaxError('the expression ends too early');
    }
  }

  /** `{…}` in LaTeX, or a single token (\frac12, \sqrt2). */
  braceArg(): Expr {
    if (this.isOp('{')) return this.group('{', '}');
    const t = this.peek();
    if (t.k === 'num') {
      this.next();
      // \frac12 means \frac{1}{2}: one digit per argument.
      const d = t.s[0]!;
      if (t.s.length > 1) this.toks.splice(this.i, 0, { k: 'num', s: t.s.slice(1) });
      return num(BigInt(d));
    }
    return this.primary();
  }

  call(name: FnName | 'nthroot'): Expr {
    // \sin^2 x
    let outerPow: Expr | null = null;
    if (this.isOp('^')) {
      this.next();
      outerPow = this.signedPower();
    }
    let e: Expr;
    if (this.isOp('(') || this.isOp('{')) {
      const close = this.isOp('(') ? ')' : '}';
      this.next();
      const a = this.additive();
      if (this.isOp(',')) {
        this.next();
        const b = this.additive();
        this.expect(close);
        if (name !== 'nthroot' && name !== 'log') throw new MathSyntaxError(`${name} takes one argument`);
        e = name === 'log' ? frac(fn('ln', a), fn('ln', b)) : rootOf(a, b);
      } else {
        this.expect(close);
        e = name === 'nthroot' ? fn('sqrt', a) : fn(name, a);
      }
    } else {
      if (name === 'nthroot') throw new MathSyntaxError('nthRoot needs parentheses');
      // sin x, \sin 2x, \ln x
      let a = this.power();
      if (a.t === 'num' && (this.peek().k === 'id' || this.peek().k === 'cmd')) a = mul(a, this.power());
      e = fn(name, a);
    }
    return outerPow ? pow(e, outerPow) : e;
  }
}

function rootOf(a: Expr, idx: Expr): Expr {
  if (idx.t === 'num' && isInt(idx.v) && idx.v.n === 2n) return fn('sqrt', a);
  return fn('root', a, idx);
}

/** -5 is a number, -x a negation. */
function negLiteral(e: Expr): Expr {
  if (e.t === 'num') return { ...e, v: { n: -e.v.n, d: e.v.d } };
  return neg(e);
}

/** Keep products flat but never merge a quotient into them. */
function mulKeep(a: Expr, b: Expr): Expr {
  return a.t === 'mul' ? { t: 'mul', args: [...a.args, b] } : { t: 'mul', args: [a, b] };
}

const REL_OPS: Record<string, RelOp> = { '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

export type Parsed = { kind: 'expr'; expr: Expr } | { kind: 'rel'; rel: Rel };

/** One expression or one relation (equation or inequality). */
export function parseMath(src: string): Parsed {
  const { toks } = tokenize(src);
  const p = new Parser(toks);
  const lhs = p.additive();
  const t = p.peek();
  if (t.k === 'op' && REL_OPS[t.s]) {
    p.next();
    const rhs = p.additive();
    if (!p.atEnd()) throw new MathSyntaxError('only one relation sign is allowed');
    return { kind: 'rel', rel: { op: REL_OPS[t.s]!, lhs, rhs } };
  }
  if (t.k === 'op' && t.s === '!=') throw new MathSyntaxError('"≠" is not supported');
  if (!p.atEnd()) throw new MathSyntaxError(`unexpected "${t.k === 'op' || t.k === 'id' || t.k === 'num' ? t.s : t.k}"`);
  return { kind: 'expr', expr: lhs };
}

export function parseExpr(src: string): Expr {
  const r = parseMath(src);
  if (r.kind !== 'expr') throw new MathSyntaxError('expected an expression, found a relation');
  return r.expr;
}

/** Comma-separated items at the top level (systems of equations, lists of answers). */
export function splitTopLevel(src: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of src) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

export { add, mul };
