import { describe, it, expect } from 'vitest';
import { solveDetailed, type Solved } from './solve-problem.ts';
import { answerMatches } from './compare-answer.ts';
import { checkSolved } from './test-support/check-solved.ts';

/** Textbook wording around a problem the engine can do: read, solved, checked, and the answer right. */
function solves(problem: string, expected: string): Solved {
  const out = solveDetailed(problem);
  if (!out.ok) throw new Error(`declined "${problem}": ${out.detail}`);
  expect(checkSolved(out), problem).toBeNull();
  expect(answerMatches(out.result, expected, out.task.variable), `${problem} → ${out.latex}, expected ${expected}`).toBe(true);
  return out;
}
const body = (s: Solved) => s.solution.steps.map((x) => `${x.title}\n${x.body}`).join('\n');

describe('instruction wording is read, not declined', () => {
  it('solve-the-rational-equation', () => solves('Solve the rational equation: 3/x + 1/4 = 1', 'x = 4'));
  it('solve-for-x-in-the-equation', () => solves('Solve for x in the equation 7x - 9 = 2x + 6', 'x = 3'));
  it('solve-by-addition-is-elimination', () => {
    const s = solves('Solve by addition: 3x + 2y = 12, x - 2y = -4', '(2, 3)');
    expect(s.task.method).toBe('elimination');
    expect(body(s)).toMatch(/eliminate/i);
  });
  it('find-the-product-is-expand', () => {
    expect(solves('Find the product: (3a - 2)(a + 5)', '3a^2 + 13a - 10').task.action).toBe('expand');
    solves('Multiply the binomials: (y - 7)(2y + 1)', '2y^2 - 13y - 7');
    solves('Expand the product (m + 4)(m - 4)', 'm^2 - 16');
  });
  it('find-the-sum-or-difference-is-simplify', () => solves('Find the sum or difference: (4k^2 - 3k + 2) - (k^2 + 5k - 6)', '3k^2 - 8k + 8'));
  it('factor-by-grouping-is-factor', () => solves('Factor by grouping: 2t^3 - 6t^2 + 5t - 15', '(t - 3)(2t^2 + 5)'));
  it('multiply-a-by-b-in-words', () => {
    solves('Multiply 3/5 by 10/9', '2/3');
    solves('Divide 3/4 by 9/8', '2/3');
    solves('Subtract 1/6 from 3/4', '7/12');
  });
  it('show-each-step-is-filler', () => solves('Solve 4(n - 2) = 2n + 6. Show each step.', 'n = 7'));
  it('align-environment-is-read', () => solves('Solve the system. \\begin{align*} 5p - q &= 9 \\\\ p + q &= 3 \\end{align*}', '(2, 1)'));
  it('cfrac-is-read', () => solves('Simplify \\cfrac{2}{3} + \\cfrac{1}{6}', '5/6'));
  it('mixed-number-is-a-sum', () => {
    solves('Work out $$3\\dfrac{1}{4} + 2\\dfrac{1}{2}$$', '23/4');
    solves('5 1/3 - 2 2/3', '8/3');
  });
});

describe('a requested method is used, or the solution says why not', () => {
  it('method-by-completing-the-square-is-used', () => {
    const s = solves('Solve the quadratic equation by completing the square: n^2 + 8n - 9 = 0', 'n = 1, n = -9');
    expect(body(s)).toMatch(/Complete the square/);
    expect(body(s)).not.toMatch(/two numbers/);
  });
  it('method-by-completing-the-square-falls-back-with-a-reason', () => {
    const s = solves('Solve by completing the square: 3x^2 - 2x - 2 = 0', '(1 - sqrt(7))/3, (1 + sqrt(7))/3');
    expect(body(s)).toMatch(/would bring in fractions/);
  });
  it('method-quadratic-formula-is-used', () => {
    const s = solves('Solve the quadratic equation using the quadratic formula: y^2 - 7y + 12 = 0', 'y = 3, y = 4');
    expect(body(s)).toMatch(/quadratic formula/);
    expect(body(s)).not.toMatch(/two numbers/);
  });
  it('method-by-factoring-is-used', () => {
    expect(body(solves('Solve by factoring: w^2 - 16 = 0', 'w = 4, w = -4'))).toMatch(/factors/);
    expect(body(solves('Solve the quadratic equation by factoring: 2z^2 + 5z - 3 = 0', 'z = 1/2, z = -3'))).toMatch(/ac method/);
  });
  it('method-by-factoring-says-why-not', () => {
    const s = solves('Solve by factoring: x^2 + 3x - 5 = 0', '(-3 - sqrt(29))/2, (-3 + sqrt(29))/2');
    expect(body(s)).toMatch(/does not factor over the integers; use the quadratic formula instead/);
  });
  it('solve-by-graphing-says-it-solves-algebraically', () => {
    expect(body(solves('Solve by graphing: 2x - 1 = x + 3', 'x = 4'))).toMatch(/cannot draw graphs, so it solves algebraically/);
  });
});

describe('a requested answer form is given', () => {
  it('interval-notation-is-given', () => {
    expect(solves('Solve 5 - 2k >= 11. Write the answer in interval notation.', 'k <= -3').latex).toBe('(-\\infty, -3]');
  });
  it('positive-exponents-are-given', () => {
    const s = solves('Simplify. Write answers with positive exponents: (m^{-2} n^3)/(m^4 n^{-1})', 'n^4/m^6');
    expect(s.latex).not.toMatch(/\^\{?-/);
  });
  it('excluded-values-are-stated', () => {
    const s = solves('Simplify the rational expression: (t^2 - 4)/(t^2 - t - 6). State the excluded values.', '(t - 2)/(t - 3)');
    expect(s.latex).toMatch(/t \\ne 3,\\ t \\ne -2$/);
    expect(body(s)).toMatch(/State the excluded values/);
  });
});

describe('wording that changes the question still declines', () => {
  it.each([
    'Write a poem about integrals',
    'Solve by factoring: is it so',
    'Find the remainder when 2x + 3 = 7',
    'Solve x + 3 = 5 if x is an integer greater than ten',
    'Multiply 2/3 by the number of apples',
  ])('declines %s', (p) => expect(solveDetailed(p).ok).toBe(false));
});
