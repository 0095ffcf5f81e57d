import { describe, it, expect } from 'vitest';
import { answerMatches, cleanAnswer } from './compare-answer.ts';
import { solveDetailed } from './solve-problem.ts';

function result(problem: string) {
  const out = solveDetailed(problem);
  if (!out.ok) throw new Error(out.detail);
  return out;
}

describe('comparing written answers by equivalence', () => {
  it('solution sets in any notation and order, duplicates allowed', () => {
    const r = result('x^2 + 3x + 2 = 0').result;
    for (const a of ['x = [-1, -2]', '-2, -1', '$$x=-2 \\text{ or } x=-1$$', '\\boxed{x = -1, x = -2}', '(-2,-1)']) expect(answerMatches(r, a), a).toBe(true);
    for (const a of ['x = [-1, 2]', '-1', 'x = -1, x = -2, x = 3']) expect(answerMatches(r, a), a).toBe(false);
  });
  it('± and radicals', () => {
    expect(answerMatches(result('x^2 - 48 = 0').result, 'x = \\pm 4\\sqrt{3}')).toBe(true);
    expect(answerMatches(result('x^2 - 48 = 0').result, 'x = \\pm 4\\sqrt{2}')).toBe(false);
  });
  it('rounded decimals are accepted only within their rounding', () => {
    const r = result('9.5j / 6+ 5.5j >= 3( 5j - 2)').result;
    expect(answerMatches(r, 'j <= 0.7579')).toBe(true);
    expect(answerMatches(r, 'j <= 0.7578')).toBe(false);
    expect(answerMatches(r, 'j >= 0.7579')).toBe(false);
  });
  it('intervals', () => {
    const r = result('-9c<126').result;
    expect(answerMatches(r, '$$(-14,\\infty)$$')).toBe(true);
    expect(answerMatches(r, '[-14,\\infty)')).toBe(false);
  });
  it('expressions, equations in another variable, tuples', () => {
    expect(answerMatches(result('Differentiate -3*r**2 + 11*r + 217.').result, '11 - 6*r')).toBe(true);
    expect(answerMatches(result('y - x - 2 = 3*2').result, 'x = y - 8')).toBe(true);
    expect(answerMatches(result('Solve 2x+y=7, x-2y=6').result, '$$(4,-1)$$')).toBe(true);
    expect(answerMatches(result('Solve 2x+y=7, x-2y=6').result, '(-1,4)')).toBe(false);
  });
  it('strips delimiters and \\boxed', () => expect(cleanAnswer('$$\\boxed{x = 2}$$.')).toBe('x = 2'));
});
