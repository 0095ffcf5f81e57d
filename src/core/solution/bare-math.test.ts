import { describe, expect, it } from 'vitest';
import { markBareMath, plainMathToLatex } from './bare-math.ts';

describe('markBareMath', () => {
  it('typesets equations, powers and expressions typed without delimiters', () => {
    expect(markBareMath('2x + 3 = 11')).toBe('$2x + 3 = 11$');
    expect(markBareMath('Solve x^2 - 5x + 6 = 0.')).toBe('Solve $x^{2} - 5x + 6 = 0$.');
    expect(markBareMath('Factor x^2 - 9')).toBe('Factor $x^{2} - 9$');
    expect(markBareMath('Solve 3x - 7 > 2x + 1 for x')).toBe('Solve $3x - 7 > 2x + 1$ for x');
    expect(markBareMath('What is the derivative of 3x^4 - 2x?')).toBe('What is the derivative of $3x^{4} - 2x$?');
    expect(markBareMath('Simplify 2xy + 3xy')).toBe('Simplify $2xy + 3xy$');
    expect(markBareMath('Let a = 5 and b = 3, find a*b')).toBe('Let $a = 5$ and $b = 3$, find $a \\cdot b$');
  });

  it('leaves prose, prices, dates and text with LaTeX as typed', () => {
    for (const line of [
      'I have a cat and 3 dogs.',
      'A shirt costs $5.',
      'A shirt costs $20 and a hat costs $15. How much for both?',
      'It is 3-4 km away',
      'Meet on 2024-01-05 at 10',
      'Solve $x^2 = 4$ and x = 2',
      'Use \\frac{1}{2} here',
      'x is 2 or so',
      'Add 3 + 4',
    ]) {
      expect(markBareMath(line), line).toBe(line);
    }
  });
});

describe('typed Unicode math', () => {
  it('typesets powers, roots, π, "2pi", operators and relations typed as symbols', () => {
    expect(markBareMath('Solve x² − 5x + 6 = 0')).toBe('Solve $x^{2} - 5x + 6 = 0$');
    expect(markBareMath('Simplify x³ + 2x²')).toBe('Simplify $x^{3} + 2x^{2}$');
    expect(markBareMath('Simplify √2 × √8')).toBe('Simplify $\\sqrt{2} \\times \\sqrt{8}$');
    expect(markBareMath('Expand √(x+1)')).toBe('Expand $\\sqrt{x+1}$');
    expect(markBareMath('Find the area, using π')).toBe('Find the area, using $\\pi$');
    expect(markBareMath('Evaluate sin(2pi)')).toBe('Evaluate $\\sin (2\\pi )$');
    expect(markBareMath('What is 12 ÷ 4?')).toBe('What is $12 \\div 4$?');
    expect(markBareMath('Is x ≤ 3 or x ≥ 5?')).toBe('Is $x \\le 3$ or $x \\ge 5$?');
  });

  it('leaves words that contain "pi" (or are "pi") and symbols used as prose alone', () => {
    for (const line of ['I ate a pie with a pilot in a spin', 'the digits of pi', 'Chapter 3 · Lesson']) {
      expect(markBareMath(line), line).toBe(line);
    }
  });

  it('typesets math on a line whose dollars are prices, not on one with a formula in dollars', () => {
    expect(markBareMath('A pen costs $5 and x² = 4')).toBe('A pen costs $5 and $x^{2} = 4$');
    expect(markBareMath('Solve $x^2 = 4$ and x = 2')).toBe('Solve $x^2 = 4$ and x = 2');
  });
});

describe('plainMathToLatex', () => {
  it('writes powers, products, comparisons and functions as LaTeX', () => {
    expect(plainMathToLatex('x^(n+1) * y^-2')).toBe('x^{n+1} \\cdot y^{-2}');
    expect(plainMathToLatex('sqrt(x+1) <= 2')).toBe('\\sqrt{x+1} \\le 2');
    expect(plainMathToLatex('sin(x)^2 + cos(x)^2 = 1')).toBe('\\sin (x)^{2} + \\cos (x)^{2} = 1');
    expect(plainMathToLatex('x^10')).toBe('x^{10}');
  });
});
