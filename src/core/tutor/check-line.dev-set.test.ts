/**
 * The checker on every dev problem the built-in solver solves (../shared/problems/dev.jsonl): each step's
 * state written the other ways a student writes it is accepted as that step (or as the final answer);
 * typical mistakes are "Not quite" and never accepted; random equivalent rewrites are never called wrong.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as R from '../solver/rational.ts';
import { type Expr, type Rel, substitute, variables } from '../solver/expr.ts';
import { evalExact, DomainError } from '../solver/evaluate.ts';
import { loadDev } from '../solver/test-support/dev-set.ts';
import { solveDetailed } from '../solver/solve-problem.ts';
import { tutorChain } from './tutor-chain.ts';
import { checkLine } from './check-line.ts';
import { chainContext, type ChainContext } from './chain-context.ts';
import { readStatement, type Statement } from './read-statement.ts';
import { statementKey, LEVELS } from './structure-keys.ts';
import { rewrites, mistakes, texStatement, plainStatement, mapStatement } from './test-support/rewrites.ts';
import type { TutorChain, LineVerdict } from './types.ts';

interface Case {
  id: string;
  chain: TutorChain;
  ctx: ChainContext;
}

const cases: Case[] = loadDev().flatMap((p) => {
  const o = solveDetailed(p.problem_text);
  if (!o.ok) return [];
  const chain = tutorChain(p.problem_text, o.solution);
  return [{ id: p.id, chain, ctx: chainContext(chain) }];
});

const CORRECT = new Set(['next', 'skipped', 'valid', 'final']);
const desc = (v: LineVerdict) => `${v.kind}${'step' in v ? ` ${v.step}` : ''}: ${v.message}`;

/** Exact value of e at the point, or null (undefined there, or not rational). */
function exact(e: Expr, env: Record<string, R.Q>): R.Q | null {
  try {
    return evalExact(e, new Map(Object.entries(env)));
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

/**
 * Ground truth, independent of the checker: the mistake really is one. An equation (or value) that some
 * solution of the problem does not satisfy; an expression that differs from the state at x = 2 (every letter
 * 2, then 3); a system line that the solution point does not satisfy.
 */
function reallyWrong(m: Statement, state: Statement, ctx: ChainContext): boolean {
  const truth = ctx.info.truth;
  if (m.kind === 'expr' && state.kind === 'expr') {
    for (const val of [R.q(2), R.q(3), R.q(5, 7)]) {
      const env = Object.fromEntries([...variables(m.expr), ...variables(state.expr)].map((n) => [n, val]));
      const a = exact(m.expr, env);
      const b = exact(state.expr, env);
      if (a && b && !R.eq(a, b)) return true;
    }
    return false;
  }
  if (m.kind !== 'eqs' || !truth) return false;
  const fails = (r: Rel, env: Record<string, Expr>) => {
    const l = exact(substitute(r.lhs, env), {});
    const rr = exact(substitute(r.rhs, env), {});
    return l !== null && rr !== null && !R.eq(l, rr);
  };
  if (ctx.info.kind === 'system' && truth.kind === 'system') {
    const env = Object.fromEntries(truth.rels.map((r) => [(r.lhs as { name: string }).name, r.rhs]));
    return m.rels.some((r) => fails(r, env));
  }
  if (ctx.info.kind === 'equation' && truth.kind === 'eqs' && ctx.info.x && ctx.sem.vars.length === 1) {
    const x = ctx.info.x;
    return truth.rels.some((t) => m.rels.every((r) => fails(r, { [x]: t.rhs })));
  }
  return false;
}

describe('checkLine over the dev set', () => {
  it('accepts each step state in at least three other forms a student writes', { timeout: 180_000 }, () => {
    let forms = 0;
    let accepted = 0;
    const fewer: string[] = [];
    const failures: string[] = [];
    for (const { id, chain, ctx } of cases) {
      chain.states.forEach((state, k) => {
        const c = ctx.at.get(k);
        if (state === null || !c) return;
        const self = checkLine(chain, k, state);
        expect(['next', 'skipped', 'final'], `${id} step ${k} "${state}": ${desc(self)}`).toContain(self.kind);
        // A rewrite that retypes the problem or an earlier state exactly is that state, not this one.
        const own = rewrites(c.stmt, state).filter((r) => {
          const s = readStatement(r, ctx.info.read);
          return !(s && ctx.cands.some((e) => e.index < k && e.keys.exact === statementKey(s, 'exact')));
        });
        // A state that repeats an earlier one (a Check step) has no forms of its own.
        const repeat = ctx.cands.some((e) => e.index < k && e.keys.exact === c.keys.exact);
        if (own.length < 3 && !repeat) fewer.push(`${id} "${state}"`);
        for (const r of own) {
          forms++;
          const v = checkLine(chain, k, r);
          expect(v.kind, `${id} step ${k} "${state}" written "${r}": ${desc(v)}`).not.toBe('wrong');
          // Next, or the answer, or a later state that cannot be told apart from this one by structure (the checker
          // then places the line at the most advanced of them).
          const later = v.kind === 'skipped' ? ctx.at.get(v.step) : undefined;
          const ok = (v.kind === 'next' && v.step === k) || v.kind === 'final' || (later !== undefined && LEVELS.some((l) => later.keys[l] === c.keys[l]));
          if (ok) accepted++;
          else failures.push(`${id} step ${k} "${state}" written "${r}": ${desc(v)}`);
        }
      });
    }
    console.log(`rewrites: ${accepted}/${forms} accepted as the step (${((100 * accepted) / forms).toFixed(1)}%); states with fewer than 3 distinct forms: ${fewer.length}`);
    expect(failures.length, failures.slice(0, 10).join('\n')).toBeLessThanOrEqual(Math.ceil(forms * 0.005));
    expect(forms).toBeGreaterThan(2000);
    expect(fewer, fewer.slice(0, 10).join('\n')).toEqual([]);
  });

  it('calls typical mistakes "Not quite" and never accepts one', { timeout: 180_000 }, () => {
    const byWhat = new Map<string, { n: number; wrong: number }>();
    const accepted: string[] = [];
    for (const { id, chain, ctx } of cases) {
      chain.states.forEach((state, k) => {
        const c = ctx.at.get(k);
        if (state === null || !c) return;
        for (const m of mistakes(c.stmt)) {
          if (!reallyWrong(m.stmt, c.stmt, ctx)) continue;
          const line = texStatement(m.stmt);
          if (!line) continue;
          const v = checkLine(chain, k, line);
          const slot = byWhat.get(m.what) ?? { n: 0, wrong: 0 };
          slot.n++;
          if (v.kind === 'wrong') {
            slot.wrong++;
            expect(v.message.startsWith('Not quite')).toBe(true);
          }
          if (CORRECT.has(v.kind)) accepted.push(`${id} step ${k} "${state}", ${m.what} "${line}": ${desc(v)}`);
          byWhat.set(m.what, slot);
        }
      });
    }
    console.log(`mistakes called "Not quite": ${[...byWhat].map(([w, s]) => `${w} ${s.wrong}/${s.n}`).join(', ')}`);
    expect(accepted, accepted.slice(0, 10).join('\n')).toEqual([]);
    for (const [what, s] of byWhat) expect(s.wrong / s.n, what).toBeGreaterThanOrEqual(0.9);
  });

  it('never calls an equivalent rewrite wrong (property)', { timeout: 180_000 }, () => {
    const states = cases.flatMap(({ chain, ctx }) =>
      chain.states.flatMap((s, k) => {
        const c = ctx.at.get(k);
        return s !== null && c ? [{ chain, ctx, k, stmt: c.stmt }] : [];
      }),
    );
    // Rewrites that keep the meaning: multiply both sides (or the whole expression) by a non-zero number, add
    // the same number to both sides, write a number as a sum, print as plain text.
    const rewrite = fc.record({
      i: fc.nat(states.length - 1),
      scale: fc.constantFrom(1, 2, -1, 3, -4),
      shift: fc.integer({ min: -5, max: 5 }),
      plainText: fc.boolean(),
    });
    fc.assert(
      fc.property(rewrite, ({ i, scale, shift, plainText }) => {
        const { chain, k, stmt } = states[i]!;
        const moved = transform(stmt, scale, shift);
        if (!moved) return true;
        const line = plainText ? plainStatement(moved) : texStatement(moved);
        if (!line) return true;
        const v = checkLine(chain, k, line);
        if (v.kind === 'wrong') throw new Error(`"${chain.states[k]}" rewritten as "${line}" was called wrong: ${v.message}`);
        return true;
      }),
      { numRuns: 400, seed: 20260610 },
    );
  });
});

const n = (x: number): Expr => ({ t: 'num', v: R.q(x) });

function transform(s: Statement, scale: number, shift: number): Statement | null {
  const k = n(scale);
  const both = (r: Rel): Rel => ({ op: scale < 0 ? ({ '=': '=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as const)[r.op] : r.op, lhs: { t: 'add', args: [{ t: 'mul', args: [k, r.lhs] }, n(shift)] }, rhs: { t: 'add', args: [{ t: 'mul', args: [k, r.rhs] }, n(shift)] } });
  switch (s.kind) {
    case 'eqs':
      return s.rels.length === 1 ? { kind: 'eqs', rels: [both(s.rels[0]!)] } : mapStatement(s, (e) => ({ t: 'add', args: [e, n(shift), n(-shift)] }));
    case 'ineq':
      return { kind: 'ineq', rel: both(s.rel) };
    case 'expr':
      return { kind: 'expr', expr: { t: 'add', args: [s.expr, n(shift), n(-shift)] } };
    default:
      return null;
  }
}
