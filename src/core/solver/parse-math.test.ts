import { describe, it, expect } from 'vitest';
import { parseMath, parseExpr, MathSyntaxError } from './parse-math.ts';
import { tex } from './expr.ts';
import { sameExpr } from './verify.ts';

const same = (a: string, b: string) => sameExpr(parseExpr(a), parseExpr(b));

describe('reading math as students and worksheets write it', () => {
  it('implicit multiplication binds like *, left to right', () => {
    expect(same('2x/3', '(2*x)/3')).toBe(true);
    expect(same('5x/2 + 2', '(5*x)/2 + 2')).toBe(true);
    expect(same('2(x+3)/3', '(2*(x+3))/3')).toBe(true);
    expect(same('- x*y^4 (6x * y^2 + 5x*y - 3x)', '-(x*y^4)*(6*x*y^2 + 5*x*y - 3*x)')).toBe(true);
  });
  it('** is ^, and powers bind tighter than the minus sign', () => {
    expect(same('3*x**2', '3x^2')).toBe(true);
    expect(same('-x^2', '-(x^2)')).toBe(true);
    expect(same('2^-1', '1/2')).toBe(true);
  });
  it('LaTeX: \\frac, \\left( \\right), \\sqrt[n], \\cdot, functions with and without backslash', () => {
    expect(same('\\frac{2}{3} \\left(3m-6\\right)', '2/3*(3m - 6)')).toBe(true);
    expect(same('\\sqrt[3]{x}', 'x^(1/3)')).toBe(true);
    expect(same('sin\\left(x\\right) tan\\left(x\\right)', '\\sin(x)\\cdot\\tan(x)')).toBe(true);
    expect(same('{\\operatorname{sec}\\left(x\\right)}^2', '1/cos(x)^2')).toBe(true);
    expect(same('\\frac12', '0.5')).toBe(true);
  });
  it('nthRoot, abs, |x| and decimals', () => {
    expect(same('nthRoot(x, 2)', 'sqrt(x)')).toBe(true);
    expect(same('3 abs(-4)', '12')).toBe(true);
    expect(same('|-3|', '3')).toBe(true);
    expect(parseExpr('1.983')).toMatchObject({ t: 'num', dec: true });
  });
  it('relations, including \\leq and ≥', () => {
    expect(parseMath('m-45 \\leq 62')).toMatchObject({ kind: 'rel', rel: { op: '<=' } });
    expect(parseMath('a ≥ 2')).toMatchObject({ kind: 'rel', rel: { op: '>=' } });
    expect(parseMath('x^2 = 0')).toMatchObject({ kind: 'rel', rel: { op: '=' } });
  });
  it('rejects words and broken input with a reason', () => {
    expect(() => parseExpr('integrate x')).toThrow(MathSyntaxError);
    expect(() => parseExpr('2 + ')).toThrow(MathSyntaxError);
    expect(() => parseExpr('(x + 1')).toThrow(MathSyntaxError);
    // Words are not products of letters: two words in a row, or a function name with letters glued on.
    expect(() => parseExpr('is it so')).toThrow(/reads as words/);
    expect(() => parseExpr('logic')).toThrow(/unknown word "logic"/);
    expect(() => parseExpr('sinus')).toThrow(/unknown word/);
    expect(same('sinx cosx', 'sin(x)*cos(x)')).toBe(true);
    expect(same('ab + by', 'a*b + b*y')).toBe(true);
  });
  it('mixed-number-is-a-sum', () => {
    // LaTeX: a whole number directly followed by a fraction of whole numbers.
    expect(same('4\\dfrac{5}{8}', '37/8')).toBe(true);
    expect(same('4\\frac58', '4 + 5/8')).toBe(true);
    expect(same('7 \\tfrac{2}{3} - 1\\frac{1}{3}', '19/3')).toBe(true);
    expect(same('-4\\dfrac{5}{8}', '-(4 + 5/8)')).toBe(true);
    expect(same('3\\frac{1}{2} \\cdot 1\\frac{1}{3}', '14/3')).toBe(true);
    // Plain text: a whole number, a space, a fraction of whole numbers.
    expect(same('5 1/4', '21/4')).toBe(true);
    expect(same('-2 3/4', '-11/4')).toBe(true);
    expect(same('6 2/5 + 1 3/5', '8')).toBe(true);
    // Real products stay products.
    expect(same('2\\frac{x}{3}', '2*x/3')).toBe(true);
    expect(same('3 \\cdot \\frac{1}{2}', '3/2')).toBe(true);
    expect(same('x\\frac{1}{2}', 'x/2')).toBe(true);
    expect(same('x^2\\frac{1}{2}', 'x^2/2')).toBe(true);
    expect(same('(4)\\frac{5}{8}', '5/2')).toBe(true);
    // Could be read either way: refused, not guessed.
    expect(() => parseExpr('2\\frac{5}{4}')).toThrow(MathSyntaxError);
    expect(() => parseExpr('5 1/4x')).toThrow(MathSyntaxError);
  });
  it('writes LaTeX that reads back to the same expression', () => {
    for (const s of ['x^2 - 5x + 6', '-2x^2 (3x - 4)', '(x - 2)^2', 'sqrt(x^2 + 1)/x', '3 sin(x)^2 - cos(2x)', '-(-(2+x))', 'x^(y+z)']) {
      const e = parseExpr(s);
      expect(sameExpr(parseExpr(tex(e)), e), `${s} → ${tex(e)}`).toBe(true);
    }
  });
});
