/**
 * Acceptance: every problem of the shared dev set (../shared/problems/dev.jsonl), graded against the source's
 * own answer by mathematical equivalence. Zero wrong answers, at least 90% solved in every category but
 * `other`, and every solved problem's step chain re-checked.
 */
import { describe, it, expect } from 'vitest';
import { loadDev, grade, table } from './test-support/dev-set.ts';
import { checkSolved } from './test-support/check-solved.ts';
import katex from 'katex';

describe('built-in solver on the dev set', { timeout: 120_000 }, () => {
  const rows = loadDev().map(grade);

  it('prints the per-category table', () => {
    console.log(`\n${table(rows)}\n`);
    expect(rows.length).toBeGreaterThan(250);
  });

  it('gives no wrong answers', () => {
    const wrong = rows.filter((r) => r.grade === 'wrong').map((r) => `${r.p.id}: ${r.why}`);
    expect(wrong).toEqual([]);
  });

  it('solves at least 90% of every category except "other"', () => {
    const cats = [...new Set(rows.map((r) => r.p.category))].filter((c) => c !== 'other');
    const low = cats
      .map((c) => {
        const rs = rows.filter((r) => r.p.category === c);
        return { c, rate: rs.filter((r) => r.grade === 'solved').length / rs.length };
      })
      .filter((x) => x.rate < 0.9);
    expect(low).toEqual([]);
  });

  it('re-checks every solved problem: step chain, chain end, answer against the problem', () => {
    const bad: string[] = [];
    for (const r of rows) {
      if (r.grade !== 'solved' || !r.outcome.ok) continue;
      const why = checkSolved(r.outcome);
      if (why) bad.push(`${r.p.id}: ${why}`);
      const sol = r.outcome.solution;
      if (sol.steps.length === 0) bad.push(`${r.p.id}: no steps`);
      for (const s of sol.steps) if (!s.title || !s.body.trim()) bad.push(`${r.p.id}: empty step`);
    }
    expect(bad).toEqual([]);
  });

  it('writes math that KaTeX renders, in every step and answer', () => {
    const bad: string[] = [];
    for (const r of rows) {
      if (!r.outcome.ok) continue;
      const md = r.outcome.markdown;
      const formulas = [...md.matchAll(/\$\$\n([\s\S]*?)\n\$\$|\$([^$\n]+)\$/g)].map((m) => m[1] ?? m[2]!);
      for (const f of formulas) {
        try {
          katex.renderToString(f, { throwOnError: true, displayMode: true });
        } catch (e) {
          bad.push(`${r.p.id}: ${f} (${(e as Error).message})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
