import { describe, it, expect } from 'vitest';
import { solveDetailed, type Solved } from './solve-problem.ts';
import { answerMatches } from './compare-answer.ts';
import { checkSolved } from './test-support/check-solved.ts';
import { parseExpr } from './parse-math.ts';

/** Solve, insist it worked and re-checks, and that the answer is equivalent to `expected`. */
function solves(problem: string, expected: string): Solved {
  const out = solveDetailed(problem);
  if (!out.ok) throw new Error(`declined "${problem}": ${out.detail}`);
  expect(checkSolved(out), problem).toBeNull();
  expect(answerMatches(out.result, expected, out.task.variable), `${problem} → ${out.latex}, expected ${expected}`).toBe(true);
  // Spans point into the Markdown, in order, without overlapping.
  let end = 0;
  for (const s of out.solution.steps) {
    expect(s.source[0]).toBeGreaterThanOrEqual(end);
    expect(s.source[1]).toBeGreaterThan(s.source[0]);
    expect(out.markdown.slice(...s.source)).toContain(s.body);
    end = s.source[1];
  }
  expect(out.markdown.slice(...out.solution.answer!.source)).toBe(`\\boxed{${out.latex}}`);
  return out;
}

const body = (s: Solved) => s.solution.steps.map((x) => `${x.title}\n${x.body}`).join('\n');

describe('linear equations', () => {
  it('uses inverse operations and checks the answer', () => {
    const s = solves('2x + 3 = 11', 'x = 4');
    expect(body(s)).toMatch(/Subtract \$3\$ from both sides/);
    expect(s.solution.steps.at(-1)!.title).toBe('Check');
  });
  it('clears fractions first', () => expect(body(solves('x/3 + 1/2 = 5/6', '1'))).toMatch(/least common denominator/));
  it('keeps decimals exact', () => solves('- q - 4.36= ( 2.2q )/( 1.8)', 'q = -1.962'));
  it('distributes', () => solves('Solve for m: 2(m - 4) + 3 = -1', '2'));
  it('solves for the named letter, others as constants', () => solves('Solve y - x - 2 = 6 for y', 'y = x + 8'));
  it('says when there is no solution', () => expect(solveDetailed('2x + 3 = 2x + 5')).toMatchObject({ ok: true, latex: '\\text{no solution}' }));
  it('says when every number is a solution', () => expect(solveDetailed('2(x + 1) = 2x + 2')).toMatchObject({ ok: true, latex: '\\text{all real numbers } x' }));
  it('clears variable denominators and rejects excluded values', () => {
    solves('6/x + 8/(2x) = 10', 'x = 1');
    const s = solveDetailed('x/(x-1) = 1/(x-1)');
    expect(s.ok && s.latex).toBe('\\text{no solution}');
  });
});

describe('inequalities', () => {
  it('reverses the sign when dividing by a negative', () => {
    const s = solves('-9c < 126', 'c > -14');
    expect(body(s)).toMatch(/reverses the inequality sign/);
  });
  it('writes interval notation when asked', () => {
    const s = solves('Solve the inequality and write the solution in interval notation: $$m-45 \\leq 62$$', '(-\\infty,107]');
    expect(s.latex).toBe('(-\\infty, 107]');
  });
});

describe('quadratic equations', () => {
  it('factors when it can', () => expect(body(solves('x^2 - 5x + 6 = 0', 'x = [2, 3]'))).toMatch(/two numbers/));
  it('uses the ac method', () => expect(body(solves('6x^2 + 11x - 10 = 0', '2/3, -5/2'))).toMatch(/ac method/));
  it('takes square roots and simplifies radicals', () => solves('x^2 - 48 = 0', '(-4*sqrt(3), 4*sqrt(3))'));
  it('completes the square', () => expect(body(solves('x^2 + 4x - 1 = 0', '-2 - sqrt(5), -2 + sqrt(5)'))).toMatch(/Complete the square/));
  it('uses the quadratic formula', () => expect(body(solves('2x^2 + 3x - 4 = 0', '(-3 - sqrt(41))/4, (-3 + sqrt(41))/4'))).toMatch(/quadratic formula/));
  it('says there are no real roots and gives the complex ones', () => {
    const s = solves('x^2 + x + 1 = 0', 'x = -1/2 + sqrt(3)/2*\\sqrt{-1}, x = -1/2 - sqrt(3)/2*\\sqrt{-1}');
    expect(body(s)).toMatch(/no real solutions/);
  });
  it('uses the zero product property on factored forms', () => solves('x^2 (x - 5)^2 = 0', 'x = [0, 0, 5, 5]'));
  it('solves cubics with rational roots', () => solves('x^3 - 6x^2 + 11x - 6 = 0', '1, 2, 3'));
});

describe('systems', () => {
  it('substitution, as asked', () => expect(body(solves('Use substitution to solve x + 3y = 10, 4x + y = 18', '(4,2)'))).toMatch(/Substitute/));
  it('elimination by default', () => expect(body(solves('Solve 2x + 3y = 7, 4x - 3y = 5', '(2, 1)'))).toMatch(/eliminate/));
  it('three equations', () => solves('$$3x-4y+2z=-15$$, $$2x+4y+z=16$$, $$2x+3y+5z=20$$', '(-1, 4, 2)'));
  it('names no solution and infinitely many', () => {
    expect(solveDetailed('x + y = 2, x + y = 3')).toMatchObject({ ok: true, latex: '\\text{no solution}' });
    const many = solveDetailed('x + y = 2, 2x + 2y = 4');
    expect(many.ok && many.latex).toMatch(/infinitely many/);
  });
  it('answers for the asked unknown', () => solves('Solve -5*q + 3*u = -11, -3*u = 3*q - 22 + 1 for q.', '4'));
});

describe('polynomials', () => {
  it('factors out the GCF', () => solves('Factor 7x^3-21x^2-70x', '7x(x+2)(x-5)'));
  it('difference of squares', () => expect(body(solves('Factor 25x^2 - 64', '(5x+8)(5x-8)'))).toMatch(/difference of squares/));
  it('perfect square trinomial', () => expect(body(solves('Factor 9x^2+12x+4', '(3x+2)^2'))).toMatch(/perfect square/));
  it('two variables', () => solves('Factor 4a^2-12ab+9b^2', '(2a-3b)^2'));
  it('grouping for cubics', () => solves('Factor x^3 + 2x^2 + 3x + 6', '(x+2)(x^2+3)'));
  it('says when it is prime', () => expect(body(solves('Factor x^2 + 1', 'x^2 + 1'))).toMatch(/does not factor/));
  it('expands with FOIL and the square pattern', () => {
    solves('(x-2)(x-4)', 'x^2 - 6x + 8');
    expect(body(solves('Expand (y + 1/4)^2', 'y^2 + y/2 + 1/16'))).toMatch(/\(a \+ b\)\^2/);
  });
  it('simplifies rational expressions and states excluded values', () => {
    expect(body(solves('Simplify (x^2-4)/(x^2+4x+4)', '(x-2)/(x+2)'))).toMatch(/x \\ne -2/);
  });
});

describe('arithmetic, exponents and radicals', () => {
  it('order of operations', () => solves('(8-2) * 2^2 * (1+1) / (4 /2) / 5', '24/5'));
  it('fractions with a common denominator', () => expect(body(solves('Calculate (-108)/48 + (-546)/(-392).', '-6/7'))).toMatch(/common denominator/));
  it('decimals stay decimals', () => expect(solveDetailed('What is -0.039 + -0.325?')).toMatchObject({ ok: true, latex: '-0.364' }));
  it('radicals', () => {
    solves('Simplify \\sqrt{288}', '12\\sqrt{2}');
    solves('Simplify (sqrt(144)/sqrt(36))/(-3*(sqrt(12) - sqrt(48)) - sqrt(12)).', 'sqrt(3)/6');
  });
  it('exponent rules, symbolic exponents too', () => {
    solves('x^y * x^z', 'x^(y+z)');
    solves('Simplify ((a/((a**0/a)/a))**(-48))**(21/4) assuming a is positive.', 'a**(-756)');
  });
});

describe('derivatives', () => {
  it('power rule term by term', () => solves('What is the first derivative of -g**3 + 24*g**2 + 86*g + 17604 wrt g?', '-3*g**2 + 48*g + 86'));
  it('product rule', () => expect(body(solves('d/dx x^2 sin x', 'x^2 cos(x) + 2x sin(x)'))).toMatch(/product rule/));
  it('quotient rule', () => expect(body(solves('Differentiate x/(x+1)', '1/(x+1)^2'))).toMatch(/quotient rule/));
  it('chain rule with roots, exp, ln, trig', () => {
    expect(body(solves('\\frac{d}{dx} \\sqrt{x^2+1}', 'x/sqrt(x^2+1)'))).toMatch(/chain rule/);
    solves('Find the derivative of e^(3x)', '3e^(3x)');
    solves('d/dx ln(x^2 + 1)', '2x/(x^2+1)');
    solves('d/dx tan(3x)', '3 sec(3x)^2');
    solves('d/dx (2x+1)^5', '10(2x+1)^4');
  });
  it('higher derivatives', () => solves('$$y=3cos\\left(x\\right)$$, third derivative', '3 sin(x)'));
  it('reads f(x) = … and y = … with dy/dx', () => {
    solves('$$f(x)=x^4+\\frac{2}{x}$$', '4x^3 - 2/x^2');
    solves('find $$\\frac{dy}{dx}$$ $$y=\\frac{1-\\operatorname{cot}\\left(x\\right)}{1+\\operatorname{cot}\\left(x\\right)}$$', '2csc(x)^2/(1+cot(x))^2');
  });
});

describe('declining', () => {
  it.each(['Integrate x^2 dx', 'x^5 + x + 1 = 0', 'sin(x) = 1/2', 'Solve x^2 + y^2 = 1', 'what is love?', '', 'x^x = 2'])(
    'declines %j instead of guessing',
    (p) => {
      const out = solveDetailed(p);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toMatch(/can't do this one — connect a model/);
    },
  );
  // Prose used to be read as a product of single-letter variables and "simplified".
  it.each(['Write a poem about integrals', 'Simplify: is it so', 'Is it so?', 'Simplify logic', 'Expand tango', 'Factor: me and you'])(
    'declines prose %j: its words are not math',
    (p) => {
      const out = solveDetailed(p);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.detail).toMatch(/word/);
    },
  );
  // Real word problems from the answer corpus: the math alone would answer another question.
  it.each([
    'What is the remainder when $301^4$ is divided by 10,000?',
    'Round $6287215$ to the nearest ten thousand.',
    'For how many positive integers $n$ is $n^2-3n+2$ a prime number?',
    'In the expression $c \\cdot a^b - d$, the values of $a$, $b$, $c$, and $d$ are 0, 1, 2, and 3. What is the maximum possible value of the result?',
  ])('declines %j: its words change the question', (p) => {
    const out = solveDetailed(p);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.detail).toMatch(/the problem also says/);
  });
  it('still reads worksheet instructions around delimited math', () => {
    solves('What is the value of $(4 \\times 12)-(4+12)$?', '32');
    solves('For the following exercises, solve each system by elimination. Write your answer in the form (x,y), no spaces.\n$$x+y=3$$, $$x-y=1$$', 'x = 2, y = 1');
  });
  it('still reads functions glued to their argument and short products', () => {
    solves('d/dx sinxcosx', 'cos(x)^2 - sin(x)^2');
    solves('Simplify 2ab + 3ab', '5ab');
    solves('d/dx lnx', '1/x');
  });
});

describe('the step checker', () => {
  it('rejects a solution whose steps were tampered with', () => {
    const out = solveDetailed('x^2 - 5x + 6 = 0');
    if (!out.ok) throw new Error('declined');
    const chain = out.work.chain;
    const last = chain.at(-1)!;
    if (last.state.kind !== 'eqs') throw new Error('unexpected');
    last.state.rels[0]!.rhs = parseExpr('4');
    expect(out.work.verify()).not.toBeNull();
  });
});
