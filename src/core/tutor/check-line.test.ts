import { describe, expect, it } from 'vitest';
import { solveDetailed } from '../solver/solve-problem.ts';
import { parseSolution } from '../solution/parse-solution.ts';
import { ANSWER_FORMAT_EXAMPLE } from '../solution/answer-format.ts';
import { tutorChain } from './tutor-chain.ts';
import { checkLine } from './check-line.ts';
import type { TutorChain, LineVerdict } from './types.ts';

function builtIn(problem: string): TutorChain {
  const o = solveDetailed(problem);
  if (!o.ok) throw new Error(`declined: ${problem}`);
  return tutorChain(problem, o.solution);
}

const kind = (v: LineVerdict) => `${v.kind}${'step' in v ? ` ${v.step}` : ''}${'simplified' in v ? (v.simplified ? ' simplified' : ' unsimplified') : ''}`;
const WORD: Record<LineVerdict['kind'], string> = { next: 'Correct', skipped: 'Correct', valid: 'Correct', final: 'Correct', wrong: 'Not quite', unknown: "Can't check" };

function expectVerdicts(chain: TutorChain, cases: [done: number, line: string, expected: string][]) {
  for (const [done, line, expected] of cases) {
    const v = checkLine(chain, done, line);
    expect(kind(v), `${done} "${line}": ${v.message}`).toBe(expected);
    expect(v.message.startsWith(WORD[v.kind]), v.message).toBe(true);
  }
}

describe('checkLine', () => {
  const linear = builtIn('2x + 3 = 11');

  it('reads a built-in solution as a chain of states, the Check step being the answer', () => {
    expect(linear).toEqual({ problem: '2x + 3 = 11', states: ['2 x = 8', 'x = 4', 'x = 4'], answer: 'x = 4' });
  });

  it('accepts the next step however it is written, and places later states by structure', () => {
    expectVerdicts(linear, [
      [0, '2x = 8', 'next 0'],
      [0, '8 = 2x', 'next 0'],
      [0, 'x·2 = 8', 'next 0'],
      [0, '2*x = 8', 'next 0'],
      [0, '2x = 11 - 3', 'next 0'],
      [0, '2x - 8 = 0', 'next 0'],
      [0, '$$2x = 8$$', 'next 0'],
      [0, '\\frac{8}{2} = x', 'final unsimplified'],
      [0, 'x = 4', 'final simplified'],
      [0, '4', 'final simplified'],
      [0, '{4}', 'final simplified'],
      [0, '\\{4\\}', 'final simplified'],
      [0, 'x = 8/2', 'final unsimplified'],
      [1, 'x = 4', 'final simplified'],
      [0, '4x = 16', 'valid'],
      [0, '2x + 3 = 11', 'valid'],
      [1, '2x + 3 = 11', 'valid'],
      [2, '2 \\cdot 4 + 3 = 11', 'valid'],
    ]);
  });

  it('says how a wrong line differs, and never without a proof', () => {
    const v = checkLine(linear, 0, '2x = 14');
    expect(v).toEqual({ kind: 'wrong', message: 'Not quite: this equation has solution $x = 7$, the problem has $x = 4$. Check the sign of $3$.' });
    expect(checkLine(linear, 1, '2x = 10')).toEqual({ kind: 'wrong', message: 'Not quite: this equation has solution $x = 5$, the one before it has $x = 4$.' });
    expect(checkLine(linear, 1, 'x = 5').message).toBe('Not quite: $x = 5$ is not a solution.');
    expect(checkLine(linear, 2, '2 \\cdot 4 + 3 = 12').message).toBe('Not quite: the two sides are not equal ($2 \\cdot 4 + 3 \\ne 12$).');
    expectVerdicts(linear, [
      [0, 'hello world', 'unknown'],
      [0, 'y = 3', 'unknown'],
      [0, '', 'unknown'],
    ]);
  });

  it('equations with several solutions: sets, "or", commas, a missing or a wrong root', () => {
    const q = builtIn('x^2 + 2x - 15 = 0');
    expectVerdicts(q, [
      [0, '(x+5)(x-3) = 0', 'next 0'],
      [1, 'x - 3 = 0 or x + 5 = 0', 'next 1'],
      [1, 'x = 3 \\text{ or } x = -5', 'final simplified'],
      [0, 'x = 3, x = -5', 'final simplified'],
      [0, 'x = -5, 3', 'final simplified'],
      [0, 'x^2 + 2x = 15', 'valid'],
      [0, 'x = 3', 'wrong'],
      [0, 'x = 3 or x = 5', 'wrong'],
      [0, '(x-3)(x-5) = 0', 'wrong'],
    ]);
    expect(checkLine(q, 0, 'x = 3').message).toBe('Not quite: a solution is missing.');
    expect(checkLine(q, 2, 'x = 3 or x = 5').message).toBe('Not quite: $x = 5$ is not a solution.');
  });

  it('respects excluded values: a line that gains a solution is not equivalent', () => {
    const r = builtIn('2/x = 1');
    expectVerdicts(r, [
      [0, '2 = x', 'next 0'],
      [0, 'x = 2', 'final simplified'],
      [0, 'x = 0', 'wrong'],
    ]);
  });

  it('inequalities by truth set, interval notation included', () => {
    const i = builtIn('2x < 6');
    expectVerdicts(i, [
      [0, 'x < 3', 'final simplified'],
      [0, '3 > x', 'final simplified'],
      [1, '(-\\infty, 3)', 'next 1'],
      [1, '(-inf, 3)', 'next 1'],
      [0, '2x - 6 < 0', 'valid'],
      [0, 'x > 3', 'wrong'],
      [0, 'x \\le 3', 'wrong'],
    ]);
  });

  it('expressions by identity: expand, factor, arithmetic', () => {
    expectVerdicts(builtIn('(x-2)(x-4)'), [
      [0, 'x^2 - 2x - 4x + 8', 'next 0'],
      [0, 'x*x - 4x - 2x + 8', 'next 0'],
      [0, 'x^2 - 6x + 8', 'final simplified'],
      [0, 'x^2 - 6x + 2 \\cdot 4', 'final unsimplified'],
      [0, 'x(x-4) - 2(x-4)', 'valid'],
      [0, 'x^2 - 6x - 8', 'wrong'],
    ]);
    expect(checkLine(builtIn('(x-2)(x-4)'), 0, 'x^2 - 6x - 8').message).toMatch(/Check the sign of \$8\$\.$/);
    expectVerdicts(builtIn('Factor x^2 - 4'), [
      [0, '(x+2)(x-2)', 'final simplified'],
      [0, 'x^2 - 4', 'valid'],
      [0, '(x-2)^2', 'wrong'],
    ]);
    const arith = builtIn('(2+2)*5');
    expectVerdicts(arith, [
      [0, '4 \\cdot 5', 'next 0'],
      [0, '5*4', 'next 0'],
      [0, '20', 'final simplified'],
      [0, '2 \\cdot 10', 'final unsimplified'],
      [0, '21', 'wrong'],
    ]);
    // A number-only line never gets the expected value in its message.
    expect(checkLine(arith, 0, '21').message).not.toMatch(/20/);
  });

  it('derivatives by the expression, with or without a name on the left', () => {
    expectVerdicts(builtIn('Differentiate 3x^2 + 5x'), [
      [0, '6x + 5', 'final simplified'],
      [0, "f'(x) = 6x + 5", 'final simplified'],
      [0, '\\frac{dy}{dx} = 5 + 6x', 'final simplified'],
      [0, '3x^2 + 5x', 'valid'],
      [0, '6x', 'wrong'],
    ]);
  });

  it('systems: each line against the system\'s solution', () => {
    const s = builtIn('Solve -5*q + 3*u = -11, -3*u = 3*q - 22 + 1 for q.');
    expectVerdicts(s, [
      [0, '-5q + 3u = -11, -3q - 3u = -21', 'next 0'],
      [1, '-8q = -32', 'next 1'],
      [1, '8q = 32', 'next 1'],
      [1, 'q = 4', 'skipped 2'],
      [3, 'u = 3', 'next 3'],
      [3, '3u = 9', 'valid'],
      [0, '(4, 3)', 'final simplified'],
      [0, 'q = 4, u = 3', 'final simplified'],
      [3, 'u = 4', 'wrong'],
      [0, '(3, 4)', 'wrong'],
    ]);
  });

  it('model solutions: states from display math and boxes; unreadable steps compare with the problem', () => {
    // The app's own answer format, with a step in words only between the two steps.
    const text = ANSWER_FORMAT_EXAMPLE.replace('## Step 2:', '## Step 2: Think about it\nNow we only need to divide, which is easy.\n\n## Step 3:');
    const chain = tutorChain('2x + 3 = 11', parseSolution(text));
    expect(chain.states).toEqual(['2x = 8', null, 'x = \\frac{8}{2} = 4']);
    expectVerdicts(chain, [
      [0, '8 = 2x', 'next 0'],
      [2, 'x = 4', 'final simplified'],
      [2, '4x = 16', 'valid'],
      [2, '2x = 10', 'wrong'],
    ]);
  });

  it('a problem the engine cannot read: states still match, nothing is called wrong', () => {
    const chain: TutorChain = { problem: 'How many ways can 5 people sit around a table?', states: ['4! = 24', null], answer: '24' };
    expectVerdicts(chain, [
      [0, '24', 'final simplified'],
      [0, '25', 'unknown'],
      [1, 'x = 3', 'unknown'],
    ]);
  });

  it('clamps done and keeps the contract for an empty chain', () => {
    expect(checkLine(linear, 99, 'x = 4').kind).toBe('final');
    expect(checkLine(linear, -3, '2x = 8')).toMatchObject({ kind: 'next', step: 0 });
    expect(checkLine({ problem: '', states: [], answer: null }, 0, 'x = 1').kind).toBe('unknown');
  });
});
