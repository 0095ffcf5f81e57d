/**
 * The check of a student's next line against a solution's chain of states.
 *
 * Two questions, answered separately:
 * 1. *Which state is the line?* Solution-set equivalence cannot tell "2x = 8" from "x = 4" (every equation of
 *    a linear chain has the same solutions), so the line is placed by structure: its keys (structure-keys.ts)
 *    are compared with the problem's, each state's and the answer's, from the finest level (as written) to the
 *    coarsest (one side, numbers worked out). At the first level where anything matches, the most advanced
 *    match wins: the answer → *final* (simplified when it matched before numbers were worked out, so
 *    "x = \frac{8}{2}" is final but not simplified); the next state → *next*; a later one → *skipped*; the
 *    current or an earlier one → *valid*. "\frac{8}{2} = x" is therefore x = 4, a later state than 2x = 8.
 * 2. *Is it correct?* When no structure matches, equivalence decides: equivalent to the current state (or, where
 *    the state is unreadable, having the problem's solutions) → *valid*; else equivalent to a later state → that
 *    state. Not equivalent → *wrong*, but only with a proof (a value that solves one and provably not the other,
 *    a point where two expressions differ) against a state the engine trusts; otherwise *unknown*.
 */
import * as R from '../solver/rational.ts';
import { type Expr, type Rel, tex, contains } from '../solver/expr.ts';
import type { LineVerdict, TutorChain } from './types.ts';
import { readStatement, statementVars, type Statement } from './read-statement.ts';
import { LEVELS, statementKey } from './structure-keys.ts';
import { chainContext, type Candidate, type ChainContext } from './chain-context.ts';
import { compare, holdsAt, type Proof } from './equivalence.ts';
import { signHint } from './sign-hint.ts';
import { MSG, wrongMessage, withHint, numericFalse } from './verdict-messages.ts';

/** The verdict for a line placed at candidate index k (n = the answer). */
function placed(ctx: ChainContext, done: number, k: number, simplified: boolean): LineVerdict {
  if (k === ctx.n) return { kind: 'final', simplified, message: simplified ? MSG.final : MSG.finalUnsimplified };
  if (k < done - 1) return { kind: 'valid', message: MSG.validEarlier };
  if (k === done - 1) return { kind: 'valid', message: MSG.validCurrent };
  if (k === done) return { kind: 'next', step: k, message: MSG.next };
  return { kind: 'skipped', step: k, message: MSG.skipped(k - done) };
}

function byStructure(ctx: ChainContext, done: number, line: Statement): LineVerdict | null {
  for (const level of LEVELS) {
    const key = statementKey(line, level);
    const hits = ctx.cands.filter((c) => c.keys[level] === key);
    if (hits.length === 0) continue;
    const best = Math.max(...hits.map((c) => c.index));
    return placed(ctx, done, best, (level === 'exact' || level === 'order') && !looseNumbers(line));
  }
  return null;
}

/** Numbers left to work out: 2·3x, \frac{8}{2}, 2^{3} (x = \frac{8}{2} is the answer, not yet simplified). */
function looseNumbers(s: Statement): boolean {
  const loose = (e: Expr): boolean =>
    contains(e, (x) => {
      if (x.t === 'mul') return x.args.filter((a) => a.t === 'num').length >= 2;
      if (x.t === 'div') return x.num.t === 'num' && x.den.t === 'num' && R.div(x.num.v, x.den.v).d !== R.qabs(x.den.v).n;
      return x.t === 'pow' && x.base.t === 'num' && x.exp.t === 'num';
    });
  const exprs: Expr[] =
    s.kind === 'expr' ? [s.expr] : s.kind === 'eqs' || s.kind === 'system' ? s.rels.flatMap((r) => [r.lhs, r.rhs]) : s.kind === 'ineq' ? [s.rel.lhs, s.rel.rhs] : [];
  return exprs.some(loose);
}

function isSame(ctx: ChainContext, line: Statement, c: Candidate): boolean {
  if (ctx.info.kind === 'system') {
    // A system's states are consequences of it, not equivalent to it: a line is right when the solution
    // satisfies it; which state it is, is for the structure to say.
    return false;
  }
  return compare(line, c.stmt, ctx.sem).same === true;
}

function bySemantics(ctx: ChainContext, done: number, line: Statement): LineVerdict | null {
  const current = ctx.at.get(done - 1);
  if (current && isSame(ctx, line, current)) return placed(ctx, done, done - 1, false);
  if (ctx.info.kind === 'equation' || ctx.info.kind === 'inequality') {
    // Every state of such a chain has the same solutions: equivalence says the line is right, not which state
    // it is (the structure found none), so it is "valid".
    const later = ctx.cands.some((c) => c.index >= done && isSame(ctx, line, c));
    return later ? { kind: 'valid', message: MSG.validCurrent } : null;
  }
  for (let k = ctx.n; k >= done; k--) {
    const c = ctx.at.get(k);
    if (c && isSame(ctx, line, c)) return placed(ctx, done, k, false);
  }
  if (ctx.info.kind === 'system' && ctx.point && holdsAt(line, ctx.point) === true && linearLine(line)) {
    return { kind: 'valid', message: MSG.validCurrent };
  }
  if (!current && ctx.truth && ctx.info.kind !== 'system' && compare(line, ctx.truth.stmt, ctx.sem, ctx.truthSet).same === true) {
    return { kind: 'valid', message: MSG.validProblem };
  }
  return null;
}

const linearLine = (s: Statement): boolean =>
  (s.kind === 'eqs' || s.kind === 'system') && s.rels.every((r) => !/\^|\\frac\{[^}]*[a-z]/.test(`${tex(r.lhs)} ${tex(r.rhs)}`.replace(/\^\{1\}/g, '')));

/** What the line is compared with for a "Not quite", and how to name it. */
function references(ctx: ChainContext, done: number): { c: Candidate; name: string }[] {
  const current = ctx.at.get(done - 1);
  const kind = ctx.info.kind;
  if (kind === 'expr' || kind === 'derivative') {
    // Every trusted state from the current one on: a line must differ provably from all of them.
    const list = ctx.cands.filter((c) => c.index >= done - 1 && c.trusted && c.stmt.kind === 'expr');
    if (list.length === 0) return [];
    const named = list.map((c) => ({ c, name: refName(ctx, c, done) }));
    return named;
  }
  if (current?.trusted) return [{ c: current, name: current.index === -1 ? 'the problem' : 'the one before it' }];
  if (ctx.truth) return [{ c: ctx.truth, name: 'the problem' }];
  return [];
}

function refName(ctx: ChainContext, c: Candidate, done: number): string {
  if (ctx.info.kind === 'derivative' && c.index >= done && c.index >= 0) return 'the derivative';
  return c.index === -1 ? 'the problem' : c.index <= done - 1 ? 'the expression before it' : 'the next step';
}

function solvedForm(line: Statement, x: string | null): boolean {
  if (line.kind !== 'eqs' || !x) return false;
  return line.rels.every((r: Rel) => r.lhs.t === 'var' && r.lhs.name === x && !statementVars({ kind: 'expr', expr: r.rhs }).has(x));
}

function byProof(ctx: ChainContext, done: number, line: Statement): LineVerdict | null {
  const refs = references(ctx, done);
  if (refs.length === 0) return null;
  const { kind, x } = ctx.info;
  if (kind === 'system') {
    if (!ctx.point || holdsAt(line, ctx.point) !== false) return null;
    const proof: Proof = { how: 'system' };
    return { kind: 'wrong', message: withHint(wrongMessage(proof, x, '', false), hintFor(ctx, done, line)) };
  }
  let first: { proof: Proof; name: string } | null = null;
  for (const r of refs) {
    const v = compare(line, r.c.stmt, ctx.sem, r.c === ctx.truth ? ctx.truthSet : undefined);
    if (v.same !== false) return null;
    // Name what the line was compared with: the derivative in a derivative's chain, else the state before it.
    if (!first || (r.name === 'the derivative' && first.name !== 'the derivative')) first = { proof: v.proof, name: r.name };
  }
  if (!first) return null;
  return { kind: 'wrong', message: withHint(wrongMessage(first.proof, x, first.name, solvedForm(line, x)), hintFor(ctx, done, line)) };
}

function hintFor(ctx: ChainContext, done: number, line: Statement): string | null {
  const refs = [ctx.at.get(done - 1), ctx.at.get(done)].filter((c): c is Candidate => !!c && c.trusted).map((c) => c.stmt);
  return signHint(line, refs, ctx.sem.vars);
}

/** "11 = 11" while checking: a statement about numbers only is simply true or false. */
function numericCheck(line: Statement): LineVerdict | null {
  if ((line.kind !== 'eqs' && line.kind !== 'system') || line.rels.length === 0 || statementVars(line).size > 0) return null;
  const t = holdsAt(line, new Map());
  if (t === true) return { kind: 'valid', message: MSG.checkTrue };
  if (t === false) {
    const bad = line.rels.find((r) => holdsAt({ kind: 'eqs', rels: [r] }, new Map()) === false)!;
    return { kind: 'wrong', message: numericFalse(tex(bad.lhs), tex(bad.rhs)) };
  }
  return null;
}

export function checkLine(chain: TutorChain, done: number, line: string): LineVerdict {
  const ctx = chainContext(chain);
  const d = Math.max(0, Math.min(ctx.n, Math.floor(done)));
  const stmt = readStatement(line, ctx.info.read);
  if (!stmt) return { kind: 'unknown', message: MSG.unreadable };
  const foreign = ctx.sem.vars.length > 0 ? [...statementVars(stmt)].find((n) => !ctx.sem.vars.includes(n)) : undefined;
  if (!foreign && (ctx.info.kind === 'equation' || ctx.info.kind === 'inequality' || ctx.info.kind === 'system')) {
    const numeric = numericCheck(stmt);
    if (numeric) return numeric;
  }
  const structural = byStructure(ctx, d, stmt);
  if (structural) return structural;
  // A letter the problem lacks (i, an undetermined coefficient A): the same as a step's own line is fine (above),
  // but the engine cannot judge anything else about it.
  if (foreign) return { kind: 'unknown', message: MSG.foreign(foreign) };
  return bySemantics(ctx, d, stmt) ?? byProof(ctx, d, stmt) ?? { kind: 'unknown', message: MSG.undecided };
}
