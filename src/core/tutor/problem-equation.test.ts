import { describe, expect, it } from 'vitest';
import { equationInInstruction } from './problem-equation.ts';

describe('equationInInstruction', () => {
  it('finds the equation an instruction is about', () => {
    expect(equationInInstruction('Solve for x in the equation 3x + 10 = 5(x - 2).')).toBe('3x + 10 = 5(x - 2)');
    expect(equationInInstruction('Find all real solutions of x^2 - 5x + 6 = 0')).toBe('x^2 - 5x + 6 = 0');
    expect(equationInInstruction('Solve for $x$: $2x + 3 = 11$')).toBe('2x + 3 = 11');
  });

  it('gives nothing for a word problem, where the equation is not the whole question', () => {
    expect(equationInInstruction('If 2x = 8, what is 3x?')).toBeNull();
    expect(equationInInstruction('A train travels 180 km in 2 hours. What is its speed?')).toBeNull();
    expect(equationInInstruction('Simplify 3x + 2x')).toBeNull();
  });
});
