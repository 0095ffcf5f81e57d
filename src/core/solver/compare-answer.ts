/**
 * Comparing a final answer written elsewhere (a model's boxed answer, a worksheet's answer key) with the
 * solver's result, by mathematical equivalence, never by string: "x = [-1, -2]", "-1, 1/52", "(4,-1)",
 * "(-\infty,107]", "a \geq \frac{-1}{20}", "j <= 0.7579", "\frac{-5}{x^2}" and so on.
 */
import { type Expr, type Rel, type RelOp, sub, variables, flipOp, fn, num, add, negate, substitute, contains } from './expr.ts';
import { parseMath, splitTopLevel, MathSyntaxError } from './parse-math.ts';
import { sameExpr, proportional, numericValue } from './verify.ts';
import type { Result } from './work.ts';

/** Strip delimiters and wrappers a written answer may carry. */
export function cleanAnswer(text: string): string {
  let s = text.trim();
  s = s.replace(/\$\$\s*\+\s*\$\$/g, ' + ').replace(/\$\$/g, ' ').replace(/\$/g, ' ');
  s = s.replace(/\\\[|\\\]|\\\(|\\\)/g, ' ');
  // \boxed{…} → …
  for (;;) {
    const i = s.indexOf('\\boxed{');
    if (i < 0) break;
    let depth = 0;
    let j = i + 6;
    for (; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) break;
    }
    s = s.slice(0, i) + s.slice(i + 7, j) + s.slice(j + 1);
  }
  s = s.replace(/\\text\s*\{\s*(or|and)\s*\}/g, ' , ').replace(/\\(?:quad|qquad)/g, ' ').replace(/\\(?:,|;|!)/g, ' ');
  s = s.replace(/\bor\b/g, ',').replace(/;/g, ',');
  s = s.replace(/\\left|\\right/g, '');
  s = s.replace(/nthRoot/gi, 'nthroot');
  return s.replace(/\s+/g, ' ').trim().replace(/\s*[.]$/, '').trim();
}

type Item = { kind: 'expr'; expr: Expr; dec: number | null } | { kind: 'rel'; rel: Rel; dec: number | null };

/** Digits after the decimal point in the answer's numbers (for answers rounded to a few places). */
function decimals(s: string): number | null {
  const m = s.match(/\d\.(\d+)/g);
  if (!m) return null;
  return Math.max(...m.map((x) => x.split('.')[1]!.length));
}

/** Letters the solver's result uses as constants (e, i) mean the same constants in the answer. */
let constants: ('e' | 'i')[] = [];

function constify(e: Expr): Expr {
  let out = e;
  for (const c of constants) if (variables(out).has(c)) out = substitute(out, { [c]: { t: 'const', name: c } });
  return out;
}

function resultConstants(r: Result): ('e' | 'i')[] {
  const exprs: Expr[] = r.kind === 'expr' ? [r.expr] : r.kind === 'solutions' || r.kind === 'tuple' ? r.values : [];
  const out: ('e' | 'i')[] = [];
  for (const c of ['e', 'i'] as const) {
    const usesConst = exprs.some((x) => contains(x, (y) => y.t === 'const' && y.name === c));
    const usesVar = exprs.some((x) => variables(x).has(c)) || (r.kind === 'solutions' && r.v === c);
    if (usesConst && !usesVar) out.push(c);
  }
  return out;
}

function parseItem(s: string): Item | null {
  try {
    const p0 = parseMath(s);
    const p = p0.kind === 'expr' ? { ...p0, expr: constify(p0.expr) } : { ...p0, rel: { ...p0.rel, lhs: constify(p0.rel.lhs), rhs: constify(p0.rel.rhs) } };
    return p.kind === 'expr' ? { kind: 'expr', expr: p.expr, dec: decimals(s) } : { kind: 'rel', rel: p.rel, dec: decimals(s) };
  } catch (e) {
    if (e instanceof MathSyntaxError) return null;
    throw e;
  }
}

/** ± expands into two values. */
function expandPm(s: string): string[] {
  if (!/\\pm|±/.test(s)) return [s];
  return [s.replace(/\\pm|±/, '+'), s.replace(/\\pm|±/, '-')];
}

/** Values of a list answer: "x = [1, 5, -5]", "-1, 1/52", "(a,b)", "x = 2, x = 3", "{-1, -2}". */
function listValues(s: string): { v: string | null; items: Item[] } | null {
  let body = s;
  let name: string | null = null;
  const m = /^([a-zA-Z])\s*=\s*\[(.*)\]$/.exec(body);
  if (m) {
    name = m[1]!;
    body = m[2]!;
  }
  const set = /^\\\{(.*)\\\}$/.exec(body) ?? /^\{(.*)\}$/.exec(body);
  if (set) body = set[1]!;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren && splitTopLevel(paren[1]!).length > 1) body = paren[1]!;
  const parts = splitTopLevel(body).flatMap(expandPm);
  const items: Item[] = [];
  for (const p of parts) {
    const it = parseItem(p);
    if (!it) return null;
    items.push(it);
  }
  return { v: name, items };
}

/** Within the rounding of a decimal answer (or exactly equal). */
function sameNumber(exact: Expr, given: Expr, dec: number | null): boolean {
  if (sameExpr(exact, given)) return true;
  if (dec === null) return false;
  const a = numericValue(exact);
  const b = numericValue(given);
  if (!a || !b) return false;
  return Math.abs(a.approx - b.approx) <= 0.5 * 10 ** -dec * (1 + 1e-9) + 1e-12;
}

function valueOf(it: Item, v: string): Expr | null {
  if (it.kind === 'expr') return it.expr;
  const r = it.rel;
  if (r.op !== '=') return null;
  if (r.lhs.t === 'var' && r.lhs.name === v) return r.rhs;
  if (r.rhs.t === 'var' && r.rhs.name === v) return r.lhs;
  return null;
}

function sameSet(a: Expr[], b: { e: Expr; dec: number | null }[]): boolean {
  const inA = (x: { e: Expr; dec: number | null }) => a.some((y) => sameNumber(y, x.e, x.dec));
  const inB = (y: Expr) => b.some((x) => sameNumber(y, x.e, x.dec));
  return b.every(inA) && a.every(inB);
}

/**
 * Does `answer` say the same as the solver's result? null when the answer could not be read.
 * `variable` names the unknown a single-value answer refers to.
 */
export function answerMatches(result: Result, answer: string, variable?: string): boolean | null {
  const s = cleanAnswer(answer);
  if (!s) return null;
  constants = resultConstants(result);
  switch (result.kind) {
    case 'expr': {
      const it = parseItem(s);
      if (!it) return null;
      let e: Expr | null = it.kind === 'expr' ? it.expr : null;
      // "f'(x) = …", "y' = …": take the right side.
      if (it.kind === 'rel' && it.rel.op === '=') e = it.rel.rhs;
      if (!e) return false;
      return sameNumber(result.expr, e, it.dec);
    }
    case 'solutions': {
      if (/no (real )?solution|\\emptyset|∅/i.test(s)) return result.values.length === 0 || result.note === 'no real solutions';
      const list = listValues(s);
      if (!list) return null;
      if (result.values.length === 1 && list.items.length === 1 && list.items[0]!.kind === 'rel') {
        // Compare as equations: y = x + 8 and x = y - 8 say the same.
        const r = list.items[0]!.rel;
        if (r.op !== '=') return false;
        const mine = sub({ t: 'var', name: result.v }, result.values[0]!);
        if (proportional(mine, sub(r.lhs, r.rhs)) !== null) return true;
        const val = valueOf(list.items[0]!, result.v);
        return val ? sameNumber(result.values[0]!, val, list.items[0]!.dec) : false;
      }
      const vals = list.items.map((it) => ({ e: valueOf(it, result.v), dec: it.dec }));
      if (vals.some((x) => !x.e)) return false;
      return sameSet(result.values, vals as { e: Expr; dec: number | null }[]);
    }
    case 'all':
      return /all real|infinitely many|\\mathbb\{R\}|\(-\\infty,\s*\\infty\)/i.test(s);
    case 'tuple': {
      const list = listValues(s);
      if (!list) return null;
      const target = variable && result.vars.includes(variable) ? variable : result.vars[0]!;
      if (list.items.length === 1) {
        const it = list.items[0]!;
        const val = it.kind === 'expr' ? it.expr : valueOf(it, target);
        if (!val) return false;
        return sameNumber(result.values[result.vars.indexOf(target)]!, val, it.dec);
      }
      if (list.items.length !== result.vars.length) return false;
      // Named values (x = 1, y = 2) in any order; a bare tuple in alphabetical order of the unknowns.
      const alpha = [...result.vars].sort();
      return list.items.every((it, i) => {
        const name = it.kind === 'rel' && it.rel.lhs.t === 'var' ? it.rel.lhs.name : alpha[i]!;
        const idx = result.vars.indexOf(name);
        const val = it.kind === 'expr' ? it.expr : it.rel.rhs;
        return idx >= 0 && sameNumber(result.values[idx]!, val, it.dec);
      });
    }
    case 'ineq': {
      const iv = /^([[(])\s*(.+?)\s*,\s*(.+?)\s*([\])])$/.exec(s);
      const isInf = (x: string) => /^\+?\\?infty$|^\+?\\infty$|^inf(inity)?$|^∞$/.test(x.trim());
      const isNegInf = (x: string) => /^-\s*(\\infty|inf(inity)?|∞)$/.test(x.trim());
      const mine = result.interval;
      if (iv) {
        const [, open, lo, hi, close] = iv;
        const loE = isNegInf(lo!) ? null : parseItem(lo!);
        const hiE = isInf(hi!) ? null : parseItem(hi!);
        if ((loE && loE.kind !== 'expr') || (hiE && hiE.kind !== 'expr')) return null;
        const sameEnd = (a: Expr | null, b: Item | null) => (a === null ? b === null : b !== null && b.kind === 'expr' && sameNumber(a, b.expr, b.dec));
        return (
          sameEnd(mine.lo, loE) &&
          sameEnd(mine.hi, hiE) &&
          (mine.lo === null || mine.loClosed === (open === '[')) &&
          (mine.hi === null || mine.hiClosed === (close === ']'))
        );
      }
      const it = parseItem(s);
      if (!it || it.kind !== 'rel') return null;
      let { op, lhs, rhs } = it.rel;
      const xName = result.rel.lhs.t === 'var' ? result.rel.lhs.name : '';
      if (rhs.t === 'var' && rhs.name === xName) {
        [lhs, rhs] = [rhs, lhs];
        op = flipOp(op);
      }
      const x = result.rel.lhs;
      if (lhs.t !== 'var' || x.t !== 'var' || lhs.name !== x.name) return false;
      return op === result.rel.op && sameNumber(result.rel.rhs, rhs, it.dec);
    }
    case 'system-none':
      return /no solution|inconsistent|\\emptyset|∅/i.test(s);
    case 'system-many':
      return /infinitely many|dependent/i.test(s);
  }
}

export { variables, fn, num, add, negate };
export type { RelOp };
