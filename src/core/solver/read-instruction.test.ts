import { describe, it, expect } from 'vitest';
import { readInstruction, splitPlainInstruction } from './read-instruction.ts';
import { unwrapEnvironments } from './read-layout.ts';

describe('reading the instruction (pure)', () => {
  it('separates method, answer form, variable and what to find', () => {
    expect(readInstruction('Solve the quadratic equation by completing the square:')).toMatchObject({ action: 'solve', method: 'completing-the-square', forms: [], unread: [] });
    expect(readInstruction('Use the quadratic formula to solve')).toMatchObject({ action: 'solve', method: 'quadratic-formula' });
    expect(readInstruction('Solve by factoring.')).toMatchObject({ action: 'solve', method: 'factoring' });
    expect(readInstruction('Factor by grouping:')).toMatchObject({ action: 'factor', method: 'grouping' });
    expect(readInstruction('Factor completely')).not.toHaveProperty('method');
    expect(readInstruction('Solve the system by addition')).toMatchObject({ method: 'elimination' });
    expect(readInstruction('Find the product:')).toMatchObject({ action: 'expand' });
    expect(readInstruction('Find the sum or difference:')).toMatchObject({ action: 'simplify' });
    expect(readInstruction('Simplify the rational expression. State the excluded values.')).toMatchObject({ action: 'simplify', forms: ['excluded-values'] });
    expect(readInstruction('Simplify. Write answers with positive exponents.')).toMatchObject({ action: 'simplify', forms: ['positive-exponents'] });
    expect(readInstruction('Solve and write the answer in interval notation')).toMatchObject({ forms: ['interval'] });
    expect(readInstruction('Solve for $t$:')).toMatchObject({ variable: 't' });
    expect(readInstruction('Solve for p in the equation')).toMatchObject({ variable: 'p' });
    expect(readInstruction('Solve for a real number')).not.toHaveProperty('variable');
  });
  it('reports words outside the instruction vocabulary', () => {
    expect(readInstruction('Find the remainder when').unread).toEqual(['remainder', 'when']);
    expect(readInstruction('Solve by graphing. Show each step.').unread).toEqual([]);
  });
  it('splits plain text into instruction, math and trailing instruction', () => {
    expect(splitPlainInstruction('Solve the rational equation: 2/x = 1/3')).toMatchObject({ math: '2/x = 1/3' });
    expect(splitPlainInstruction('Solve for x in the equation 4x + 1 = 9')).toMatchObject({ math: '4x + 1 = 9' });
    expect(splitPlainInstruction('Solve 5x - 2 = 3x + 6 by factoring. Show each step.')).toMatchObject({ math: '5x - 2 = 3x + 6' });
    expect(splitPlainInstruction('Solve a system of equations: x + y = 4, x - y = 0')).toMatchObject({ math: 'x + y = 4, x - y = 0' });
    // A letter is math, not an article, when no instruction word follows it.
    expect(splitPlainInstruction('Solve a + 7 = 10')).toMatchObject({ math: 'a + 7 = 10' });
    // Prose right after instruction words is left to the math parser, which refuses it.
    expect(splitPlainInstruction('Is it so?')).toBeNull();
    expect(splitPlainInstruction('Write a poem about integrals')).toMatchObject({ math: 'a poem about integrals' });
  });
  it('align-environment-is-read', () => {
    expect(unwrapEnvironments('Solve by elimination. \\begin{align*} 3x - y &= 5 \\\\ x + y &= 3 \\end{align*}')).toBe('Solve by elimination. \n$$3x - y = 5, x + y = 3$$\n');
    expect(unwrapEnvironments('$$\\begin{aligned} 4m + 2 &= 18 \\end{aligned}$$')).toBe('\n$$4m + 2 = 18$$\n');
    expect(unwrapEnvironments('\\left\\{ \\begin{aligned} a + b &= 1 \\\\ a - b &= 5 \\end{aligned} \\right.')).toBe('\n$$a + b = 1, a - b = 5$$\n');
  });
});
