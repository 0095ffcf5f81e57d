import { describe, it, expect } from 'vitest';
import { solveProblem, checkAnswer, tutorChain, checkLine, stepHints } from './index.ts';

describe('built-in solver public API', () => {
  it('returns a Solution with titled steps, Markdown bodies with $$ blocks, and the answer', () => {
    const out = solveProblem('x^2 - 5x + 6 = 0');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.solution.steps.length).toBeGreaterThanOrEqual(3);
    for (const s of out.solution.steps) {
      expect(s.title).not.toBe('');
      expect(s.complete).toBe(true);
    }
    expect(out.solution.steps.some((s) => /\$\$\n.+\n\$\$/.test(s.body))).toBe(true);
    expect(out.solution.answer?.text).toBe(out.latex);
    expect(out.solution.thinking).toBeNull();
  });
  it('declines with the reason to connect a model', () => {
    expect(solveProblem('Integrate x^2')).toEqual({ ok: false, reason: expect.stringMatching(/can't do this one — connect a model/) });
  });
  it('checks a model answer by equivalence', () => {
    expect(checkAnswer('x^2 - 5x + 6 = 0', 'x = 3 \\text{ or } x = 2')).toEqual({ status: 'agrees' });
    expect(checkAnswer('x^2 - 5x + 6 = 0', 'x = 3, x = -2')).toEqual({ status: 'disagrees', solverAnswer: 'x = 3,\\quad x = 2' });
    expect(checkAnswer('Factor x^2 - 4', '(x - 2)(x + 2)')).toEqual({ status: 'agrees' });
    expect(checkAnswer('Integrate x^2', 'x^3/3')).toEqual({ status: 'unknown' });
    expect(checkAnswer('x + 1 = 2', '\\text{see above}')).toEqual({ status: 'unknown' });
  });
  it('never claims a disagreement on a word problem it only half reads (answers from the corpus)', () => {
    // The solver used to "get" 8208541201 (just 301^4) and 6287215 here, and flag the right answers as wrong.
    expect(checkAnswer('What is the remainder when $301^4$ is divided by 10,000?', '1201')).toEqual({ status: 'unknown' });
    expect(checkAnswer('Round $6287215$ to the nearest ten thousand.', '6290000')).toEqual({ status: 'unknown' });
    expect(checkAnswer('Write a poem about integrals', 'x')).toEqual({ status: 'unknown' });
    expect(checkAnswer('What is the value of $(4 \\times 12)-(4+12)$?', '32')).toEqual({ status: 'agrees' });
  });
  it('"Your turn": chain, line check and hints, and an engine failure is never a wrong verdict', () => {
    const out = solveProblem('2x + 3 = 11');
    if (!out.ok) throw new Error('declined');
    const chain = tutorChain('2x + 3 = 11', out.solution);
    expect(chain.states[0]).toBe('2 x = 8');
    expect(checkLine(chain, 0, '2x = 14').message).toMatch(/^Not quite/);
    expect(checkLine(chain, 0, '2x = 8')).toEqual({ kind: 'next', step: 0, message: 'Correct: that is the next step.' });
    expect(checkLine(chain, 0, '4')).toMatchObject({ kind: 'final', simplified: true });
    expect(stepHints(out.solution.steps[0]!, chain.states[0]!)).toEqual({ rule: 'Subtract $3$ from both sides.', shape: '2 x = \\square' });
    // A malformed chain (as from a corrupted history entry) makes the engine throw: the wrapper says "Can't check".
    const broken = { problem: '2x + 3 = 11', states: null, answer: 'x = 4' } as unknown as Parameters<typeof checkLine>[0];
    expect(checkLine(broken, 0, '2x = 8')).toMatchObject({ kind: 'unknown', message: expect.stringMatching(/^Can't check/) });
    const badSolution = { preamble: null, steps: [{ title: 'T', body: 5, source: [0, 0], complete: true }], answer: null, thinking: null } as unknown as Parameters<typeof tutorChain>[1];
    expect(tutorChain('x = 1', badSolution)).toEqual({ problem: 'x = 1', states: [null], answer: null });
  });
});
