import { describe, expect, it } from 'vitest';
import { problemToInline, problemToMarkdown } from './problem-markdown.ts';

describe('problemToMarkdown', () => {
  it('turns every LaTeX delimiter into remark-math form', () => {
    expect(problemToMarkdown('Solve \\(x^2=4\\) and $y+1=2$')).toBe('Solve $x^2=4$ and $y+1=2$');
    expect(problemToMarkdown('Find\n\\[ \\int_0^1 x\\,dx \\]')).toBe('Find\n\n$$\n\\int_0^1 x\\,dx\n$$');
    expect(problemToMarkdown('$$a=b$$')).toBe('$$\na=b\n$$');
  });

  it('keeps text outside math literal: "3*x*y" is not emphasis, "1." is not a list', () => {
    expect(problemToMarkdown('3*x*y_1')).toBe('3\\*x\\*y\\_1');
    expect(problemToMarkdown('1. first\n- second')).toBe('1\\. first  \n\\- second');
  });

  it('leaves the LaTeX inside math untouched', () => {
    expect(problemToMarkdown('What is $\\sqrt{49}$ and \\(a_1 * b_{2}\\)?')).toBe('What is $\\sqrt{49}$ and $a_1 * b_{2}$?');
  });

  it('keeps prices in word problems as text', () => {
    expect(problemToMarkdown('A shirt costs $5 and pants cost $10. How much for $n$ shirts?')).toBe(
      'A shirt costs \\$5 and pants cost \\$10. How much for $n$ shirts?',
    );
  });

  it('reads a spaced $ … $ pair with a LaTeX command inside as math (qwen25math-0004), not a spaced price', () => {
    expect(problemToMarkdown('Compute $ \\frac{1}{31} \\div \\frac{1}{93} $.')).toBe('Compute $\\frac{1}{31} \\div \\frac{1}{93}$.');
    expect(problemToMarkdown('Pay $ 5 or $ 6 today.')).toBe('Pay \\$ 5 or \\$ 6 today.');
    // A closing `$` followed by a digit is a price's: not a formula.
    expect(problemToMarkdown('From $ \\text{5} to $10.')).not.toMatch(/(^|[^\\])\$\\text/);
  });
});

describe('problems typed without delimiters', () => {
  it('typesets the math in them, in the page and in titles', () => {
    expect(problemToMarkdown('Solve x^2 - 5x + 6 = 0')).toBe('Solve $x^{2} - 5x + 6 = 0$');
    expect(problemToInline('2x + 3 = 11')).toBe('$2x + 3 = 11$');
    expect(problemToMarkdown('1. 3x = 9\n2. Factor x^2 - 9')).toBe('1\\. $3x = 9$  \n2\\. Factor $x^{2} - 9$');
  });
});

describe('problemToInline', () => {
  it('puts every formula inline on one line', () => {
    expect(problemToInline('Find\n\\[ \\int_0^1\n x\\,dx \\]  and \\(y\\)')).toBe('Find $\\int_0^1 x\\,dx$ and $y$');
  });
});
