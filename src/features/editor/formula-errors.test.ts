import { describe, expect, it } from 'vitest';
import { bodyFormulaErrors, shortKatexMessage, texError } from './formula-errors.ts';

describe('formula errors', () => {
  it('lists the formulas KaTeX cannot render, numbered among all formulas, with a short message', () => {
    expect(bodyFormulaErrors('Fine $x^2$ then $\\fracc{1}{2}$ and $$\\frac{1}{2}$$')).toEqual([{ n: 2, message: 'Undefined control sequence: \\fracc' }]);
    expect(bodyFormulaErrors('$x^{$ and $\\frac{1}$')).toEqual([
      { n: 1, message: "Expected '}', got 'EOF'" },
      { n: 2, message: "Unexpected end of input in a macro argument, expected '}'" },
    ]);
    expect(bodyFormulaErrors('No math, \\$5.')).toEqual([]);
  });

  it('checks a final answer', () => {
    expect(texError('x = 4')).toBeNull();
    expect(texError('')).toBeNull();
    expect(texError('\\boxed{x')).toBe("Unexpected end of input in a macro argument, expected '}'");
    expect(shortKatexMessage('plain')).toBe('plain');
  });
});
