import { describe, it, expect } from 'vitest';
import { solveDetailed, type Solved } from './solve-problem.ts';
import { checkSolved } from './test-support/check-solved.ts';
import { factorInteger } from './factor-integer.ts';
import { provedIrreducible } from './irreducible-check.ts';

/** Factor, insist the chain re-checks, and that the answer is exactly `latex`. */
function factors(problem: string, latex: string): Solved {
  const out = solveDetailed(problem);
  if (!out.ok) throw new Error(`declined "${problem}": ${out.detail}`);
  expect(checkSolved(out), problem).toBeNull();
  expect(out.latex, problem).toBe(latex);
  return out;
}

const titles = (s: Solved) => s.solution.steps.map((x) => x.title);
const body = (s: Solved) => s.solution.steps.map((x) => `${x.title}\n${x.body}`).join('\n');
/** Coefficients written highest first, as read. */
const P = (...c: (number | bigint)[]) => c.map((x) => BigInt(x)).reverse();

describe('complete factorisation over the rationals', () => {
  it('factors-difference-of-squares-in-x-squared', () => {
    const s = factors('Factor x^4 - 16', '\\left(x - 2\\right) \\left(x + 2\\right) \\left(x^{2} + 4\\right)');
    expect(titles(s).filter((t) => t === 'Use the difference of squares')).toHaveLength(2);
    factors('Factor 81y^4 - 1', '\\left(3 y - 1\\right) \\left(3 y + 1\\right) \\left(9 y^{2} + 1\\right)');
    factors('Factor x^8 - 1', '\\left(x - 1\\right) \\left(x + 1\\right) \\left(x^{2} + 1\\right) \\left(x^{4} + 1\\right)');
  });

  it('factors-sum-of-cubes-in-x-squared', () => {
    const s = factors('Factor x^6 + 8', '\\left(x^{2} + 2\\right) \\left(x^{4} - 2 x^{2} + 4\\right)');
    expect(titles(s)).toContain('Use the sum of cubes');
    const d = factors('Factor x^6 - 64', '\\left(x - 2\\right) \\left(x + 2\\right) \\left(x^{2} - 2 x + 4\\right) \\left(x^{2} + 2 x + 4\\right)');
    expect(titles(d)).toEqual(expect.arrayContaining(['Use the difference of squares', 'Use the difference of cubes', 'Use the sum of cubes']));
    factors('Factor 8a^3 - 27b^3', '\\left(2 a - 3 b\\right) \\left(4 a^{2} + 6 a b + 9 b^{2}\\right)');
  });

  it('factors-perfect-square-in-x-squared', () => {
    const s = factors('Factor x^4 - 8x^2 + 16', '\\left(x - 2\\right)^{2} \\left(x + 2\\right)^{2}');
    expect(titles(s)[0]).toBe('Recognise a perfect square trinomial');
    factors('Factor x^4 + 6x^2 + 9', '\\left(x^{2} + 3\\right)^{2}');
  });

  it('factors-quartic-into-quadratics', () => {
    const s = factors('Factor x^4 + 5x^2 + 4', '\\left(x^{2} + 1\\right) \\left(x^{2} + 4\\right)');
    expect(titles(s)[0]).toBe('Factor as a quadratic in $x^{2}$');
    // No pattern applies: found by the search for factors of higher degree.
    const g = factors('Factor x^4 + 4', '\\left(x^{2} - 2 x + 2\\right) \\left(x^{2} + 2 x + 2\\right)');
    expect(titles(g)).toContain('Look for factors of higher degree');
    factors('Factor x^4 + x^3 + 3x^2 + x + 2', '\\left(x^{2} + 1\\right) \\left(x^{2} + x + 2\\right)');
    factors('Factor x^6 + 2x^5 + 3x^4 + 3x^3 + 3x^2 + 2x + 1', '\\left(x^{2} + x + 1\\right) \\left(x^{4} + x^{3} + x^{2} + x + 1\\right)');
  });

  it('factors-binomial-power-in-two-letters', () => {
    const s = factors('Factor a^3 + 3a^2b + 3ab^2 + b^3', '\\left(a + b\\right)^{3}');
    expect(titles(s)).toContain('Recognise a binomial power');
    factors('Factor a^4 - 4a^3b + 6a^2b^2 - 4ab^3 + b^4', '\\left(a - b\\right)^{4}');
    factors('Factor 8x^3 - 36x^2y + 54xy^2 - 27y^3', '\\left(2 x - 3 y\\right)^{3}');
    factors('Factor x^4 - y^4', '\\left(x - y\\right) \\left(x + y\\right) \\left(x^{2} + y^{2}\\right)');
  });

  it('factors-by-grouping', () => {
    const s = factors('Factor x^3 + 3x^2 + 2x + 6', '\\left(x + 3\\right) \\left(x^{2} + 2\\right)');
    expect(titles(s)[0]).toBe('Factor by grouping');
    expect(body(s)).toContain('x^{2} \\left(x + 3\\right) + 2 \\left(x + 3\\right)');
    // The quadratic bracket left by grouping is factored further when it can be.
    factors('Factor x^3 - 2x^2 - 9x + 18', '\\left(x - 2\\right) \\left(x - 3\\right) \\left(x + 3\\right)');
  });

  it('irreducible-claim-is-proved', () => {
    // Every "does not factor further" is a claim the checker re-proves; a false one would fail the chain.
    const s = factors('Factor x^4 + 1', 'x^{4} + 1');
    expect(body(s)).toMatch(/does not factor further over the rational numbers/);
    expect(s.work.claims.some((c) => /does not factor/.test(c.what))).toBe(true);
    const q = factors('Factor x^2 + x + 1', 'x^{2} + x + 1');
    expect(body(q)).toMatch(/discriminant/);
    // The checker's own proof (modulo primes) agrees, and refuses what does factor.
    expect(provedIrreducible(P(1, 0, 0, 1, 0, 0, 1))).toBe(true);
    expect(provedIrreducible(P(1, 0, 5, 0, 4))).toBe(false);
    expect(provedIrreducible(P(1, 0, 0, 0, 4))).toBe(false);
    // The old failure: "no rational roots, so it does not factor" on a product of quadratics.
    const old = factors('Factor x^4 + 5x^2 + 6', '\\left(x^{2} + 2\\right) \\left(x^{2} + 3\\right)');
    expect(body(old)).not.toMatch(/x\^\{4\} \+ 5 x\^\{2\} \+ 6\$ has no rational roots/);
  });

  it('reports an unfinished search instead of guessing', () => {
    // Coefficients far past school size: the search stops; the factors found are right, completeness is not claimed.
    const r = factorInteger(P(1, 0, 0, 0, 0, 0, 0, 0, 4_000_000_000_000));
    expect(r.complete).toBe(false);
    expect(r.factors.reduce((n, f) => n + (f.cs.length - 1) * f.mult, 0)).toBe(8);
    // It is (x⁴ − 2000x² + 2000000)(x⁴ + 2000x² + 2000000): with no proof either way the solver declines.
    expect(solveDetailed('Factor x^8 + 4000000000000').ok).toBe(false);
    // Where the checker's own proof (modulo primes) holds, the answer is given without the search.
    expect(factorInteger(P(1, 0, 0, 0, 0, 0, 0, 0, 987654321987654321n)).complete).toBe(false);
    const s = factors('Factor x^8 + 987654321987654321', 'x^{8} + 987654321987654321');
    expect(body(s)).toMatch(/modulo small primes/);
  });
});
