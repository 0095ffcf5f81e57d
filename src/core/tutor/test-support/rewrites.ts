/**
 * Test support: a state written the other ways a student would write it (sides swapped, terms reordered,
 * factors commuted, plain text with * and a/b, unsimplified numbers), and typical mistakes made from it.
 * Independent of the checker's own normalisation: rewrites are made on the parsed tree and printed anew.
 */
import * as R from '../../solver/rational.ts';
import { type Expr, type Rel, tex, relTex, flipOp, num, variables, sub } from '../../solver/expr.ts';
import type { Statement } from '../read-statement.ts';

const PLAIN_OP: Record<string, string> = { '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

function plainNum(q: R.Q, dec?: boolean): string {
  if (dec) {
    const d = R.toDecimalString(q);
    if (d !== null) return d;
  }
  if (R.isInt(q)) return q.n.toString();
  return `${R.isNeg(q) ? '-' : ''}${R.qabs(q).n}/${q.d}`;
}

/** Plain text as typed on a keyboard: *, /, ^, sqrt(…), every compound part in brackets. */
export function plain(e: Expr): string {
  const wrap = (x: Expr) => (x.t === 'var' || x.t === 'const' || (x.t === 'num' && R.isInt(x.v) && !R.isNeg(x.v)) || x.t === 'fn' ? plain(x) : `(${plain(x)})`);
  switch (e.t) {
    case 'num':
      return plainNum(e.v, e.dec);
    case 'var':
      return e.name;
    case 'const':
      return e.name === 'pi' ? 'pi' : e.name;
    case 'add':
      return e.args.map((a, i) => (i === 0 ? plain(a) : a.t === 'neg' ? ` - ${wrap(a.arg)}` : a.t === 'num' && R.isNeg(a.v) ? ` - ${plainNum(R.neg(a.v), a.dec)}` : ` + ${plain(a)}`)).join('');
    case 'neg':
      return `-${wrap(e.arg)}`;
    case 'mul':
      return e.args.map(wrap).join('*');
    case 'div':
      return `${wrap(e.num)}/${wrap(e.den)}`;
    case 'pow':
      return `${wrap(e.base)}^${wrap(e.exp)}`;
    case 'fn':
      if (e.name === 'root') return `nthroot(${plain(e.args[0]!)}, ${plain(e.args[1]!)})`;
      return `${e.name}(${plain(e.args[0]!)})`;
    case 'deriv':
      throw new Error('no plain form for a derivative');
  }
}

const plainRel = (r: Rel) => `${plain(r.lhs)} ${PLAIN_OP[r.op]} ${plain(r.rhs)}`;

export function plainStatement(s: Statement): string | null {
  switch (s.kind) {
    case 'expr':
      return plain(s.expr);
    case 'eqs':
      return s.rels.length ? s.rels.map(plainRel).join(' or ') : null;
    case 'system':
      return s.rels.map(plainRel).join(', ');
    case 'ineq':
      return plainRel(s.rel);
    case 'interval':
      return `${s.loClosed ? '[' : '('}${s.lo ? plain(s.lo) : '-inf'}, ${s.hi ? plain(s.hi) : 'inf'}${s.hiClosed ? ']' : ')'}`;
    default:
      return null;
  }
}

/** Rebuild every node bottom-up with f. */
function mapExpr(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.t) {
    case 'add':
    case 'mul':
      return f({ ...e, args: e.args.map((a) => mapExpr(a, f)) });
    case 'fn':
      return f({ ...e, args: e.args.map((a) => mapExpr(a, f)) });
    case 'neg':
      return f({ t: 'neg', arg: mapExpr(e.arg, f) });
    case 'div':
      return f({ t: 'div', num: mapExpr(e.num, f), den: mapExpr(e.den, f) });
    case 'pow':
      return f({ t: 'pow', base: mapExpr(e.base, f), exp: mapExpr(e.exp, f) });
    default:
      return f(e);
  }
}

export function mapStatement(s: Statement, f: (e: Expr) => Expr): Statement {
  const r = (x: Rel): Rel => ({ ...x, lhs: f(x.lhs), rhs: f(x.rhs) });
  switch (s.kind) {
    case 'expr':
      return { kind: 'expr', expr: f(s.expr) };
    case 'eqs':
    case 'system':
      return { ...s, rels: s.rels.map(r) };
    case 'ineq':
      return { kind: 'ineq', rel: r(s.rel) };
    case 'interval':
      return { ...s, lo: s.lo && f(s.lo), hi: s.hi && f(s.hi) };
    default:
      return s;
  }
}

export function texStatement(s: Statement): string | null {
  switch (s.kind) {
    case 'expr':
      return tex(s.expr);
    case 'eqs':
      return s.rels.length ? s.rels.map(relTex).join(' \\text{ or } ') : null;
    case 'system':
      return s.rels.map(relTex).join(', ');
    case 'ineq':
      return relTex(s.rel);
    case 'interval':
      return `${s.loClosed ? '[' : '('}${s.lo ? tex(s.lo) : '-\\infty'}, ${s.hi ? tex(s.hi) : '\\infty'}${s.hiClosed ? ']' : ')'}`;
    default:
      return null;
  }
}

const reverseArgs = (kind: 'add' | 'mul') => (e: Expr) => mapExpr(e, (x) => (x.t === kind ? { ...x, args: [...x.args].reverse() } : x));

function swapSides(s: Statement): Statement | null {
  const sw = (r: Rel): Rel => ({ op: flipOp(r.op), lhs: r.rhs, rhs: r.lhs });
  if (s.kind === 'eqs' || s.kind === 'system') return { ...s, rels: s.rels.map(sw) };
  if (s.kind === 'ineq') return { kind: 'ineq', rel: sw(s.rel) };
  return null;
}

/** The first whole number ≥ 2 written as \frac{2n}{2} (an unsimplified number). */
function unsimplify(s: Statement): Statement | null {
  let done = false;
  const out = mapStatement(s, (e) =>
    mapExpr(e, (x) => {
      if (done || x.t !== 'num' || !R.isInt(x.v)) return x;
      done = true;
      return { t: 'div', num: num(x.v.n * 2n), den: num(2) };
    }),
  );
  return done ? out : null;
}

/** At least the forms below that differ from the state as written. */
export function rewrites(s: Statement, original: string): string[] {
  const forms = new Set<string>();
  const push = (x: string | null) => x && x.replace(/\s+/g, '') !== original.replace(/\s+/g, '') && forms.add(x);
  const sw = swapSides(s);
  if (sw) push(texStatement(sw));
  if (sw) push(texStatement(mapStatement(mapStatement(sw, reverseArgs('add')), reverseArgs('mul'))));
  // Everything moved to one side: q - 4 = 0.
  const oneRel = s.kind === 'ineq' ? s.rel : (s.kind === 'eqs' || s.kind === 'system') && s.rels.length === 1 ? s.rels[0]! : null;
  if (oneRel && !(oneRel.rhs.t === 'num' && R.isZero(oneRel.rhs.v))) push(relTex({ op: oneRel.op, lhs: sub(oneRel.lhs, oneRel.rhs), rhs: num(0) }));
  if (oneRel && (oneRel.lhs.t === 'var' || (oneRel.lhs.t === 'neg' && oneRel.lhs.arg.t === 'var'))) push(`1 \\cdot \\left(${tex(oneRel.lhs)}\\right) ${relTex(oneRel).slice(tex(oneRel.lhs).length)}`);
  if (s.kind === 'ineq') push(texStatement(s)!.replace(/</g, '\\lt ').replace(/>/g, '\\gt '));
  if (s.kind === 'interval') {
    push(`x \\in ${texStatement(s)}`);
    const u = unsimplify(s);
    if (u) push(texStatement(u));
  }
  push(texStatement(mapStatement(s, reverseArgs('add'))));
  push(texStatement(mapStatement(s, reverseArgs('mul'))));
  const p = plainStatement(s);
  push(p);
  push(p && p.replace(/\s*([=<>+\-*/^,])\s*/g, '$1'));
  push(p && p.replace(/\*/g, ' \\cdot '));
  // Solutions as a set or as bare values: {4}, 4; "3, -5".
  if (s.kind === 'eqs' && s.rels.length > 0 && s.rels.every((r) => r.lhs.t === 'var' && variables(r.rhs).size === 0)) {
    push(`\\{${s.rels.map((r) => tex(r.rhs)).join(', ')}\\}`);
    push(s.rels.map((r) => plain(r.rhs)).join(', '));
  }
  if (statementHasVars(s)) {
    const u = unsimplify(s);
    if (u) push(texStatement(u));
  }
  if (s.kind === 'expr') {
    push(`\\left(${tex(s.expr)}\\right)`);
    push(`(${p})`);
    if (s.expr.t === 'num' && !R.isNeg(s.expr.v)) push(`+${p}`);
    if (s.expr.t === 'num' && R.isInt(s.expr.v)) push(`${p}.0`);
    if (s.expr.t === 'num' && !R.isInt(s.expr.v) && s.expr.dec) push(`${p}0`);
    if (s.expr.t === 'num' && R.isNeg(s.expr.v)) push(`-(${plainNum(R.neg(s.expr.v), s.expr.dec)})`);
    if (variables(s.expr).size > 0) push(`1 \\cdot ${texStatement(s)}`);
  }
  return [...forms];
}

function statementHasVars(s: Statement): boolean {
  const t = texStatement(s) ?? '';
  return /[a-zA-Z]/.test(t.replace(/\\[a-zA-Z]+/g, ''));
}

// ---- typical mistakes ---------------------------------------------------------------------------------------

type Mistake = { what: 'sign error' | 'dropped term' | 'arithmetic slip' | 'wrong root'; stmt: Statement };

/** Each sum's terms, one at a time, changed by f (null: no change there). */
function eachTerm(s: Statement, f: (args: Expr[], i: number) => Expr[] | null): Statement[] {
  const out: Statement[] = [];
  const sides: Expr[] = s.kind === 'expr' ? [s.expr] : s.kind === 'eqs' && s.rels.length === 1 ? [s.rels[0]!.lhs, s.rels[0]!.rhs] : [];
  sides.forEach((side, si) => {
    const sums: Expr[] = [];
    mapExpr(side, (x) => (x.t === 'add' && sums.push(x), x));
    sums.forEach((sum, which) => {
      if (sum.t !== 'add') return;
      sum.args.forEach((_, i) => {
        const args = f(sum.args, i);
        if (!args) return;
        // The same walk meets the sums in the same order: replace the which-th.
        let seen = -1;
        const replaced = mapExpr(side, (x) => (x.t === 'add' && ++seen === which ? { t: 'add', args } : x));
        if (s.kind === 'expr') out.push({ kind: 'expr', expr: replaced });
        else if (s.kind === 'eqs') out.push({ kind: 'eqs', rels: [{ ...s.rels[0]!, [si === 0 ? 'lhs' : 'rhs']: replaced }] });
      });
    });
  });
  return out;
}

export function mistakes(s: Statement): Mistake[] {
  const out: Mistake[] = [];
  for (const m of eachTerm(s, (args, i) => (args[i]!.t === 'num' ? args.map((a, j) => (j === i ? num(R.neg((a as { v: R.Q }).v)) : a)) : null))) out.push({ what: 'sign error', stmt: m });
  for (const m of eachTerm(s, (args, i) => (args.length >= 2 ? args.filter((_, j) => j !== i) : null))) out.push({ what: 'dropped term', stmt: m });
  let slipped = false;
  const slip = mapStatement(s, (e) => mapExpr(e, (x) => (!slipped && x.t === 'num' && R.isInt(x.v) && !R.isZero(x.v) ? ((slipped = true), num(R.add(x.v, R.ONE))) : x)));
  if (slipped) out.push({ what: 'arithmetic slip', stmt: slip });
  if (s.kind === 'eqs' && s.rels.length >= 1 && s.rels.every((r) => r.lhs.t === 'var' && variables(r.rhs).size === 0)) {
    out.push({ what: 'wrong root', stmt: { kind: 'eqs', rels: s.rels.map((r, i) => (i === 0 ? { ...r, rhs: { t: 'add', args: [r.rhs, num(1)] } } : r)) } });
  }
  return out;
}
