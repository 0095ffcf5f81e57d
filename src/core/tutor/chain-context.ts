/**
 * Everything the checker derives once per chain (cached): the problem's kind and truth, each state read as a
 * statement with its structural keys, and which states the engine trusts as a reference for "Not quite"
 * (all of a built-in solution; a model's state only when the engine verified it against the problem).
 */
import type { Expr } from '../solver/expr.ts';
import type { TutorChain } from './types.ts';
import { readStatement, type Statement } from './read-statement.ts';
import { statementKeys, type Level } from './structure-keys.ts';
import { analyseProblem, type ProblemInfo } from './problem-analysis.ts';
import { compare, holdsAt, solutionSet, type Sem } from './equivalence.ts';
import { tutorChain } from './tutor-chain.ts';

export interface Candidate {
  /** -1: the problem; 0…n-1: the steps; n: the final answer. */
  index: number;
  stmt: Statement;
  keys: Record<Level, string>;
  trusted: boolean;
}

export interface ChainContext {
  info: ProblemInfo;
  sem: Sem;
  n: number;
  cands: Candidate[];
  at: Map<number, Candidate>;
  /** The engine's answer as a candidate (index -1, like the problem), when it solves the problem. */
  truth: Candidate | null;
  truthSet: Expr[] | 'all' | null;
  /** The solution of a system with one solution. */
  point: Map<string, Expr> | null;
  builtIn: boolean;
}

function candidate(index: number, stmt: Statement | null, trusted: boolean): Candidate | null {
  return stmt ? { index, stmt, keys: statementKeys(stmt), trusted } : null;
}

function sameChain(a: TutorChain, b: TutorChain): boolean {
  return a.answer === b.answer && a.states.length === b.states.length && a.states.every((s, i) => s === b.states[i]);
}

function verified(c: Candidate, ctx: Omit<ChainContext, 'cands' | 'at'>): boolean {
  const { info, sem } = ctx;
  switch (info.kind) {
    case 'system':
      return ctx.point !== null && holdsAt(c.stmt, ctx.point) === true;
    case 'expr':
    case 'derivative': {
      const refs = [info.problem, info.truth].filter((s): s is Statement => s !== null);
      return refs.some((r) => compare(c.stmt, r, sem).same === true);
    }
    case 'equation':
    case 'inequality':
      return info.truth !== null && compare(c.stmt, info.truth, sem, ctx.truthSet).same === true;
    default:
      return false;
  }
}

function build(chain: TutorChain): ChainContext {
  const info = analyseProblem(chain.problem, chain.answer);
  const sem: Sem = { kind: info.kind, x: info.x, vars: info.vars };
  const builtIn = info.solved !== null && sameChain(chain, tutorChain(chain.problem, info.solved.solution, info));
  const truthSet = info.kind === 'equation' && info.truth && info.x ? solutionSet(info.truth, info.x, info.vars) : null;
  let point: Map<string, Expr> | null = null;
  if (info.kind === 'system' && info.truth?.kind === 'system') {
    point = new Map(info.truth.rels.map((r) => [(r.lhs as { name: string }).name, r.rhs]));
  }
  const base = { info, sem, n: chain.states.length, truth: candidate(-1, info.truth, true), truthSet, point, builtIn };
  const raw: (Candidate | null)[] = [
    candidate(-1, info.problem, true),
    ...chain.states.map((s, i) => candidate(i, s === null ? null : readStatement(s, info.read), builtIn)),
    candidate(chain.states.length, chain.answer === null ? null : readStatement(chain.answer, info.read), builtIn),
  ];
  const cands = raw.filter((c): c is Candidate => c !== null);
  if (!builtIn) for (const c of cands) if (c.index >= 0) c.trusted = verified(c, base);
  return { ...base, cands, at: new Map(cands.map((c) => [c.index, c])) };
}

const byObject = new WeakMap<TutorChain, ChainContext>();
const byText = new Map<string, ChainContext>();

/** The chain's context, built once (a store may hand over equal chains as new objects: cached by content too). */
export function chainContext(chain: TutorChain): ChainContext {
  const hit = byObject.get(chain);
  if (hit) return hit;
  const text = JSON.stringify([chain.problem, chain.states, chain.answer]);
  let ctx = byText.get(text);
  if (!ctx) {
    ctx = build(chain);
    byText.set(text, ctx);
    if (byText.size > 32) byText.delete(byText.keys().next().value!);
  }
  byObject.set(chain, ctx);
  return ctx;
}
