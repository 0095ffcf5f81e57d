/**
 * tutorChain on the real model answers of ../shared/corpus/dev.jsonl: how many steps get a state the engine
 * reads, and each found state checked against itself is accepted as that step.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../solution/test-support/corpus-metrics.ts';
import { parseSolution } from '../solution/parse-solution.ts';
import { tutorChain } from './tutor-chain.ts';
import { checkLine } from './check-line.ts';

describe('tutorChain on the dev corpus', () => {
  it('finds states in model steps, and each state checks as its own step', { timeout: 180_000 }, () => {
    let steps = 0;
    let withMath = 0;
    let found = 0;
    const bad: string[] = [];
    for (const r of loadCorpus()) {
      const solution = parseSolution(r.response);
      const chain = tutorChain(r.problem, solution);
      expect(chain.states).toHaveLength(solution.steps.length);
      expect(chain.answer).toBe(solution.answer?.text ?? null);
      solution.steps.forEach((s, k) => {
        steps++;
        if (/\$\$|\\boxed/.test(s.body)) withMath++;
        const state = chain.states[k];
        if (state === null || state === undefined) return;
        found++;
        const v = checkLine(chain, k, state);
        const ok = (v.kind === 'next' && v.step === k) || v.kind === 'final' || v.kind === 'skipped';
        if (!ok) bad.push(`${r.id} step ${k} "${state}": ${v.kind} ${v.message}`);
      });
    }
    console.log(`corpus: states found in ${found} of ${steps} steps (${((100 * found) / steps).toFixed(1)}%); ${found} of the ${withMath} steps with display math or a box (${((100 * found) / withMath).toFixed(1)}%)`);
    expect(bad, bad.slice(0, 10).join('\n')).toEqual([]);
    expect(found / withMath).toBeGreaterThan(0.35);
  });
});
