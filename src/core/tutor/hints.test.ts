import { describe, expect, it } from 'vitest';
import { solveDetailed } from '../solver/solve-problem.ts';
import { stepHints, shapeOf, firstSentence } from './hints.ts';
import { tutorChain } from './tutor-chain.ts';

const hintsOf = (problem: string) => {
  const o = solveDetailed(problem);
  if (!o.ok) throw new Error('declined');
  const chain = tutorChain(problem, o.solution);
  return o.solution.steps.map((s, i) => stepHints(s, chain.states[i]!));
};

describe('stepHints', () => {
  it('built-in steps: the rule sentence, then the shape with the result blanked', () => {
    expect(hintsOf('2x + 3 = 11')).toEqual([
      { rule: 'Subtract $3$ from both sides.', shape: '2 x = \\square' },
      { rule: 'Divide both sides by $2$.', shape: 'x = \\square' },
      { rule: 'Substitute the solution into the original equation; both sides must agree.', shape: 'x = \\square' },
    ]);
  });
  it('never gives the result away in the rule', () => {
    const q = hintsOf('x^2 + 2x - 15 = 0');
    expect(q[0]!.rule).toBe('Find two numbers that multiply to $-15$ and add to $2$.');
    expect(q[0]!.shape).toBe('\\left(x - \\square\\right) \\left(x + \\square\\right) = 0');
    expect(q[2]!.shape).toBe('x = \\square \\quad\\text{or}\\quad x = \\square');
    // "Work out $2 + 2 = 4$:" would show the result: the title is the rule.
    expect(hintsOf('(2+2)*5')[0]).toEqual({ rule: 'Work inside the parentheses.', shape: '\\square' });
  });
  it('shapes of expressions, systems, intervals; none when nothing can be blanked', () => {
    expect(shapeOf('x^{2} - 6 x + 8')).toBe('x^{2} - \\square x + \\square');
    expect(shapeOf('\\begin{cases} -5 q + 3 u = -11 \\\\ -3 q - 3 u = -21 \\end{cases}')).toBe('\\begin{cases} -5 q + 3 u = \\square \\\\ -3 q - 3 u = \\square \\end{cases}');
    expect(shapeOf('(-\\infty, 3)')).toBe('(-\\infty, \\square)');
    expect(shapeOf('x^{y + z}')).toBeNull();
    expect(shapeOf('not math at all')).toBeNull();
  });
  it('model steps: a rule-like first sentence, else the title', () => {
    const step = (title: string, body: string) => ({ title, body, source: [0, 0] as [number, number], complete: true });
    expect(stepHints(step('Move the constant term', 'Subtract $3$ from both sides of $2x + 3 = 11$:\n$$\n2x = 8\n$$'), '2x = 8')).toEqual({ rule: 'Subtract $3$ from both sides of $2x + 3 = 11$.', shape: '2 x = \\square' });
    expect(stepHints(step('Move the constant term', 'We see that $2x = 8$ holds.'), null)).toEqual({ rule: 'Move the constant term.', shape: null });
    expect(stepHints(step('', 'Hmm.'), null).rule).toBe('Hmm.');
    expect(firstSentence('Divide by $2.5$. Then done.')).toBe('Divide by $2.5$.');
  });
});
