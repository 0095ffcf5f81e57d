/**
 * What kind of chain a problem makes (an expression rewritten, a derivative, an equation, an inequality, a
 * system), its unknown, and — when the built-in solver can do the problem — the truth to check lines against.
 */
import { solveDetailed, type Solved } from '../solver/solve-problem.ts';
import { readProblem } from '../solver/read-problem.ts';
import { equationInInstruction } from './problem-equation.ts';
import { type Expr, type Rel, variables, v as varE } from '../solver/expr.ts';
import { readStatement, statementVars, ANY, type ReadContext, type Statement, type Reading } from './read-statement.ts';

export type ChainKind = 'expr' | 'derivative' | 'equation' | 'inequality' | 'system' | 'unknown';

export interface ProblemInfo {
  kind: ChainKind;
  /** The unknown (equations, inequalities), or the variable of differentiation. */
  x: string | null;
  /** Every variable of the problem, for sample points. */
  vars: string[];
  read: ReadContext;
  /** The problem itself as a statement (the state before the first step), when the engine reads it. */
  problem: Statement | null;
  /** The engine's own answer as a statement, when it solves the problem. */
  truth: Statement | null;
  solved: Solved | null;
}

const READING: Record<ChainKind, Reading> = { expr: 'expr', derivative: 'expr', equation: 'equation', inequality: 'inequality', system: 'system', unknown: 'any' };

/** The problem as typed, then the equation of an instruction the solver does not read (see problem-equation.ts). */
const readings = (problem: string): string[] => {
  const inner = equationInInstruction(problem);
  return inner === null || inner === problem.trim() ? [problem] : [problem, inner];
};

function solvedSafely(text: string): Solved | null {
  try {
    const out = solveDetailed(text);
    return out.ok ? out : null;
  } catch {
    // An engine defect: no truth to check against, never a wrong verdict.
    return null;
  }
}

function readSafely(text: string): ReturnType<typeof readProblem> | null {
  try {
    return readProblem(text);
  } catch {
    return null;
  }
}

function truthOf(s: Solved): Statement | null {
  const r = s.result;
  const eq = (x: string, val: Expr): Rel => ({ op: '=', lhs: varE(x), rhs: val });
  switch (r.kind) {
    case 'expr':
      return { kind: 'expr', expr: r.expr };
    case 'solutions':
      return { kind: 'eqs', rels: r.note === 'no real solutions' ? [] : r.values.map((val) => eq(r.v, val)) };
    case 'all':
      return { kind: 'all' };
    case 'tuple':
      return { kind: 'system', rels: r.values.map((val, i) => eq(r.vars[i]!, val)) };
    case 'ineq': {
      const iv = r.interval;
      return { kind: 'interval', lo: iv.lo, hi: iv.hi, loClosed: iv.loClosed, hiClosed: iv.hiClosed };
    }
    case 'system-none':
      return { kind: 'none' };
    case 'system-many':
      return null;
  }
}

function kindOfSolved(s: Solved): ChainKind {
  switch (s.result.kind) {
    case 'expr':
      return s.task.action === 'derivative' ? 'derivative' : 'expr';
    case 'solutions':
    case 'all':
      return 'equation';
    case 'ineq':
      return 'inequality';
    default:
      return 'system';
  }
}

/** The kind a chain's own statements suggest, when the engine cannot read the problem. */
function kindOfStatements(stmts: Statement[]): { kind: ChainKind; x: string | null } {
  const last = stmts.at(-1);
  if (!last) return { kind: 'unknown', x: null };
  const lhsVar = (r: Rel) => (r.lhs.t === 'var' ? r.lhs.name : null);
  switch (last.kind) {
    case 'expr':
      return { kind: 'expr', x: null };
    case 'ineq':
    case 'interval':
      return { kind: 'inequality', x: last.kind === 'ineq' ? (lhsVar(last.rel) ?? [...variables(last.rel)][0] ?? null) : null };
    case 'system':
      return { kind: 'system', x: null };
    case 'eqs': {
      const names = new Set(last.rels.map(lhsVar));
      if (names.size === 1 && [...names][0]) return { kind: 'equation', x: [...names][0]! };
      return { kind: 'equation', x: [...statementVars(last)][0] ?? null };
    }
    default:
      return { kind: 'unknown', x: null };
  }
}

export function analyseProblem(problem: string, answer: string | null = null): ProblemInfo {
  const texts = readings(problem);
  let solved: Solved | null = null;
  let source = problem;
  for (const text of texts) {
    solved = solvedSafely(text);
    if (solved) {
      source = text;
      break;
    }
  }
  let kind: ChainKind = 'unknown';
  let x: string | null = null;
  let tupleVars: string[] | null = null;
  let problemStmt: Statement | null = null;
  const vars = new Set<string>();
  const read = solved ? readSafely(source) : (texts.map(readSafely).find((r) => r?.ok) ?? readSafely(problem));
  if (solved) {
    kind = kindOfSolved(solved);
    const r = solved.result;
    x = r.kind === 'solutions' || r.kind === 'all' ? r.v : r.kind === 'ineq' && r.rel.lhs.t === 'var' ? r.rel.lhs.name : (solved.task.variable ?? null);
    if (r.kind === 'tuple') tupleVars = r.vars;
    if (kind === 'derivative') x = solved.task.variable ?? [...solved.work.vars].find((n) => n === 'x') ?? solved.work.vars[0] ?? null;
  }
  if (read?.ok) {
    const items = read.task.items;
    for (const it of items) variables(it.kind === 'expr' ? it.expr : it.rel, vars);
    const rels = items.filter((i) => i.kind === 'rel').map((i) => (i as { rel: Rel }).rel);
    if (items.length === 1 && items[0]!.kind === 'expr') problemStmt = { kind: 'expr', expr: items[0]!.expr };
    else if (rels.length === items.length && rels.length === 1) problemStmt = rels[0]!.op === '=' ? { kind: 'eqs', rels } : { kind: 'ineq', rel: rels[0]! };
    else if (rels.length === items.length && rels.length > 1) problemStmt = { kind: 'system', rels };
    if (!solved) {
      // The engine reads the math but declines: the problem still tells the kind of chain.
      if (problemStmt?.kind === 'system') kind = 'system';
      else if (problemStmt?.kind === 'eqs') kind = 'equation';
      else if (problemStmt?.kind === 'ineq') kind = 'inequality';
      else if (problemStmt?.kind === 'expr') kind = read.task.action === 'derivative' ? 'derivative' : 'expr';
      x = read.task.variable ?? (problemStmt ? [...statementVars(problemStmt)].sort()[0] ?? null : null);
    }
  }
  if (kind === 'unknown' && answer) {
    const a = readStatement(answer, ANY);
    if (a) ({ kind, x } = kindOfStatements([a]));
    if (a) for (const n of statementVars(a)) vars.add(n);
  }
  // A problem the engine did not read, or read only in part, must not make the other letters of a line foreign.
  const known = read?.ok && (solved || problemStmt) ? [...vars] : [];
  return {
    kind,
    x,
    vars: known,
    read: { reading: READING[kind], unknown: kind === 'equation' || kind === 'inequality' ? x : null, tupleVars },
    problem: kind === 'unknown' ? null : problemStmt,
    truth: solved ? truthOf(solved) : null,
    solved,
  };
}
