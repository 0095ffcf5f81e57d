/**
 * Reads one line of math — a student's line or a step's state — into a statement the checker can compare:
 * an expression, equations joined by "or", an inequality, an interval, a system (equations joined by "and"),
 * "no solution" or "all real numbers". Plain text and LaTeX both work ("x = 3 or x = -5", "\{4\}",
 * "(-\infty, 3]", "f'(x) = 6x", "x = \frac{8}{2} = 4"). The math itself goes through the solver's own parser.
 */
import { parseExpr, splitTopLevel, MathSyntaxError } from '../solver/parse-math.ts';
import { type Expr, type Rel, type RelOp, v as varE, variables } from '../solver/expr.ts';
import { sameExpr } from '../solver/verify.ts';
import { cleanMath, splitChain, splitOr, isNamePart, expandPm } from './math-text.ts';

export type Statement =
  | { kind: 'expr'; expr: Expr }
  /** Equations joined by "or" (one equation, several, or none: no solution). */
  | { kind: 'eqs'; rels: Rel[] }
  | { kind: 'ineq'; rel: Rel }
  /** lo/hi null: infinite. */
  | { kind: 'interval'; lo: Expr | null; hi: Expr | null; loClosed: boolean; hiClosed: boolean }
  /** Equations that all hold (a system, or values of several unknowns). */
  | { kind: 'system'; rels: Rel[] }
  | { kind: 'all' }
  | { kind: 'none' };

/** How to read what is ambiguous on its own: "3, -5" is two solutions of an equation, "(4, 3)" a point of a system. */
export type Reading = 'expr' | 'equation' | 'inequality' | 'system' | 'any';

export interface ReadContext {
  reading: Reading;
  /** The unknown a bare value refers to ("4" means x = 4). */
  unknown: string | null;
  /** The unknowns of a system in the order a bare tuple lists them. */
  tupleVars: string[] | null;
}

export const ANY: ReadContext = { reading: 'any', unknown: null, tupleVars: null };

type Piece =
  | { t: 'expr'; e: Expr }
  | { t: 'rel'; rel: Rel }
  | { t: 'interval'; s: Statement & { kind: 'interval' } }
  | { t: 'values'; values: Expr[]; names: string[] | null }
  | { t: 'all' }
  | { t: 'none' };

function parse(s: string): Expr | null {
  try {
    return parseExpr(s);
  } catch (e) {
    if (e instanceof MathSyntaxError) return null;
    throw e;
  }
}

const INF = /^\+?\s*(?:\\infty|∞|inf(?:inity)?|oo)$/;
const NEG_INF = /^-\s*(?:\\infty|∞|inf(?:inity)?|oo)$/;

function readInterval(s: string, reading: Reading): Piece | null {
  const m = /^([[(])(.*)([\])])$/.exec(s);
  if (!m) return null;
  const parts = splitTopLevel(m[2]!);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const infinite = NEG_INF.test(a.trim()) || INF.test(b.trim());
  // "(4, 3)" is a point unless the line is read as an inequality's solution or has an infinite end or a bracket.
  if (!infinite && m[1] === '(' && m[3] === ')' && reading !== 'inequality') return null;
  const lo = NEG_INF.test(a.trim()) ? null : parse(a);
  const hi = INF.test(b.trim()) ? null : parse(b);
  if ((lo === null && !NEG_INF.test(a.trim())) || (hi === null && !INF.test(b.trim()))) return null;
  return { t: 'interval', s: { kind: 'interval', lo, hi, loClosed: m[1] === '[' && lo !== null, hiClosed: m[3] === ']' && hi !== null } };
}

/** "(4, 3)", "(q, u) = (4, 3)", "\{4, 5\}", "x \in \{4\}". */
function readValues(s: string): Piece | null {
  let names: string[] | null = null;
  let body = s;
  const named = /^\(([a-zA-Z](?:\s*,\s*[a-zA-Z])+)\)\s*=\s*(\(.*\))$/.exec(s);
  if (named) {
    names = named[1]!.split(',').map((x) => x.trim());
    body = named[2]!;
  }
  const inSet = /^([a-zA-Z])\s*\\in\s*(.*)$/.exec(body);
  if (inSet) {
    names = [inSet[1]!];
    body = inSet[2]!;
  }
  const set = /^\\\{(.*)\\\}$/.exec(body) ?? /^\{(.*)\}$/.exec(body);
  const tuple = /^\((.*)\)$/.exec(body);
  const inner = set ? set[1]! : tuple ? tuple[1]! : null;
  if (inner === null) return null;
  const items = splitTopLevel(inner);
  if (tuple && !set && items.length < 2) return null;
  const values: Expr[] = [];
  for (const it of items.flatMap(expandPm)) {
    const e = parse(it);
    if (!e) return null;
    values.push(e);
  }
  if (names && names.length > 1 && names.length !== values.length) return null;
  return { t: 'values', values, names: names && names.length > 1 ? names : set ? names : names };
}

const isIdentity = (a: Expr, b: Expr): boolean => {
  try {
    return sameExpr(a, b);
  } catch {
    return false;
  }
};

/**
 * "a = b = c": the state a teacher means. Links that are identities rewrite one side; the one link that is a
 * real equation (or inequality) separates the left side's rewritings from the right side's, so the state is
 * the last form of the left side against the last form of the right ("x = \frac{8}{2} = 4" is x = 4,
 * "x^2 - 5x + 6 = (x-2)(x-3) = 0" is (x-2)(x-3) = 0). All identities: an expression rewritten, the last form.
 */
function reduceChain(parts: Expr[], ops: RelOp[], reading: Reading): Piece | null {
  if (parts.length === 1) return { t: 'expr', e: parts[0]! };
  const breaks: number[] = [];
  for (let i = 0; i < ops.length; i++) if (ops[i] !== '=' || !isIdentity(parts[i]!, parts[i + 1]!)) breaks.push(i);
  if (breaks.length === 0) {
    // In an equation's chain "2·4 + 3 = 11" is a check and "x + x = 2x" an identity, not a value of the unknown;
    // elsewhere (a word problem's "2 \times 50 = 100") the result is the last form.
    if (reading === 'expr' || reading === 'any') return { t: 'expr', e: parts.at(-1)! };
    return { t: 'rel', rel: { op: '=', lhs: parts[0]!, rhs: parts.at(-1)! } };
  }
  if (breaks.length === 1) {
    const j = breaks[0]!;
    return { t: 'rel', rel: { op: ops[j]!, lhs: parts[j]!, rhs: parts.at(-1)! } };
  }
  // Several real relations in one line ("1 < x < 3", "2x = 8 = 4x"): not one state.
  return null;
}

function readPiece(s0: string, ctx: ReadContext): Piece[] | null {
  const s = s0.trim();
  if (!s) return [];
  if (s === '\\NONE') return [{ t: 'none' }];
  if (s === '\\ALL') return [{ t: 'all' }];
  const iv = readInterval(s.replace(/^[a-zA-Z]\s*\\in\s*/, ''), ctx.reading);
  if (iv) return [iv];
  const vals = readValues(s);
  if (vals) return [vals];
  const chain = splitChain(s);
  if (!chain) return null;
  let { parts, ops } = chain;
  // A function's name on the left ("f(x) =", "f'(x) =", "\frac{dy}{dx} =") names the expression that follows.
  while (parts.length > 1 && isNamePart(parts[0]!, ctx.reading)) {
    parts = parts.slice(1);
    ops = ops.slice(1);
  }
  const out: Piece[] = [];
  for (const variant of expandPmChain(parts)) {
    const exprs: Expr[] = [];
    for (const p of variant) {
      const e = parse(p);
      if (!e) return null;
      exprs.push(e);
    }
    const piece = reduceChain(exprs, ops, ctx.reading);
    if (!piece) return null;
    out.push(piece);
  }
  return out;
}

/** "x = \pm 2" is x = 2 or x = -2. */
function expandPmChain(parts: string[]): string[][] {
  const idx = parts.findIndex((p) => /\\pm|±/.test(p));
  if (idx < 0) return [parts];
  return expandPm(parts[idx]!).map((alt) => parts.map((p, i) => (i === idx ? alt : p)));
}

const assign = (name: string, value: Expr): Rel => ({ op: '=', lhs: varE(name), rhs: value });

function assemble(groups: Piece[][], ctx: ReadContext): Statement | null {
  const pieces = groups.flat();
  if (pieces.length === 0) return null;
  const or = groups.length > 1;
  if (pieces.some((p) => p.t === 'none')) return pieces.length === 1 ? (ctx.reading === 'system' ? { kind: 'none' } : { kind: 'eqs', rels: [] }) : null;
  if (pieces.some((p) => p.t === 'all')) return pieces.length === 1 ? { kind: 'all' } : null;
  if (pieces.length === 1 && pieces[0]!.t === 'interval') return pieces[0]!.s;
  if (pieces.length === 1 && pieces[0]!.t === 'rel' && pieces[0]!.rel.op !== '=') return { kind: 'ineq', rel: pieces[0]!.rel };
  if (pieces.length === 1 && pieces[0]!.t === 'expr' && (ctx.reading === 'expr' || ctx.reading === 'any' || !ctx.unknown)) return { kind: 'expr', expr: pieces[0]!.e };
  const rels: Rel[] = [];
  let tuple = false;
  for (const p of pieces) {
    if (p.t === 'rel') {
      if (p.rel.op !== '=') return null;
      rels.push(p.rel);
    } else if (p.t === 'expr' || p.t === 'values') {
      const values = p.t === 'expr' ? [p.e] : p.values;
      const names = p.t === 'values' ? p.names : null;
      if (names && names.length === values.length && names.length > 1) {
        values.forEach((x, i) => rels.push(assign(names[i]!, x)));
        tuple = true;
      } else if (ctx.reading === 'system' && ctx.tupleVars && values.length === ctx.tupleVars.length && values.length > 1) {
        values.forEach((x, i) => rels.push(assign(ctx.tupleVars![i]!, x)));
        tuple = true;
      } else {
        const x = names?.[0] ?? ctx.unknown;
        if (!x) return null;
        for (const val of values) rels.push(assign(x, val));
      }
    } else return null;
  }
  if (ctx.reading === 'system' || tuple) return or ? null : { kind: 'system', rels };
  if (ctx.reading === 'any' && !or && rels.length > 1 && distinctAssignments(rels)) return { kind: 'system', rels };
  return { kind: 'eqs', rels };
}

function distinctAssignments(rels: Rel[]): boolean {
  const names = rels.map((r) => (r.lhs.t === 'var' ? r.lhs.name : null));
  return names.every((n) => n !== null) && new Set(names).size === names.length && rels.every((r) => !variables(r.rhs).has((r.lhs as { name: string }).name));
}

/** The statement a line says, or null when it cannot be read as one. */
export function readStatement(text: string, ctx: ReadContext = ANY): Statement | null {
  const cleaned = cleanMath(text);
  if (cleaned === null) return null;
  const groups: Piece[][] = [];
  for (const alt of splitOr(cleaned)) {
    const pieces: Piece[] = [];
    for (const item of splitTopLevel(alt)) {
      // Conditions such as "x \ne 0" qualify a state; they are not part of it.
      if (/\\neq?(?![a-zA-Z])|≠|!=/.test(item)) continue;
      const ps = readPiece(item, ctx);
      if (!ps) return null;
      if (ps.length > 1 && groups.length === 0 && splitOr(cleaned).length === 1 && splitTopLevel(alt).length === 1) {
        // x = ±2: two equations joined by "or".
        for (const p of ps) groups.push([p]);
        continue;
      }
      pieces.push(...ps);
    }
    if (pieces.length) groups.push(pieces);
  }
  return assemble(groups, ctx);
}

/** Every variable a statement mentions. */
export function statementVars(s: Statement): Set<string> {
  const out = new Set<string>();
  const add = (e: Expr | null) => e && variables(e, out);
  switch (s.kind) {
    case 'expr':
      add(s.expr);
      break;
    case 'eqs':
    case 'system':
      for (const r of s.rels) variables(r, out);
      break;
    case 'ineq':
      variables(s.rel, out);
      break;
    case 'interval':
      add(s.lo);
      add(s.hi);
      break;
  }
  return out;
}
