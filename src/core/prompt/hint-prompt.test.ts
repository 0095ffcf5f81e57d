import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHintMessages, readHintReply } from './hint-prompt.ts';

const input = {
  problem: 'Solve $2x + 3 = 11$',
  before: [{ title: 'Move the constant term', body: 'Subtract $3$ from both sides:\n$$2x = 8$$' }],
  step: { title: 'Divide by the coefficient', body: 'Divide both sides by $2$:\n$$x = 4$$' },
};

describe('hint prompt', () => {
  it('gives the problem, the steps so far and the hidden step, and asks for two lines without the result', () => {
    const [system, user] = buildHintMessages(input, { reasoningModel: false });
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(/Never give the step's result/);
    expect(user?.content).toContain('Solve $2x + 3 = 11$');
    expect(user?.content).toContain('Step 1: Move the constant term');
    expect(user?.content).toContain('Step 2: Divide by the coefficient');
    expect(buildHintMessages(input, { reasoningModel: true })[0]?.role).toBe('developer');
    expect(buildHintMessages({ ...input, step: null, answer: 'x = 4' }, { reasoningModel: false })[1]?.content).toContain('final answer');
  });

  it('reads the two lines, with or without math delimiters and bold labels', () => {
    expect(readHintReply('Hint: Divide both sides by $2$.\nShape: $x = \\square$')).toEqual({ rule: 'Divide both sides by $2$.', shape: 'x = \\square' });
    expect(readHintReply('**Hint:** Use the zero product property.\n**Shape:** none')).toEqual({ rule: 'Use the zero product property.', shape: null });
    expect(readHintReply('<think>they need to divide</think>Hint: Divide by the coefficient.\nShape: \\(x = \\square\\)')).toEqual({
      rule: 'Divide by the coefficient.',
      shape: 'x = \\square',
    });
  });

  it('reads a reply still arriving, and takes an unlabelled reply as the rule', () => {
    expect(readHintReply('')).toBeNull();
    expect(readHintReply('Hint: Divide bo')).toEqual({ rule: 'Divide bo', shape: null });
    expect(readHintReply('Try dividing both sides by the coefficient of $x$.')).toEqual({ rule: 'Try dividing both sides by the coefficient of $x$.', shape: null });
    // Unlabelled text is not shown while it arrives: it may be the worked step itself.
    expect(readHintReply('Try dividing both sides', false)).toBeNull();
  });

  it('refuses a reply that is a worked solution instead of a hint', () => {
    const solution = '## Step 1: Move the constant term\nSubtract \\(3\\):\n\\[ 2x = 8 \\]\n\n## Answer\n\\[ \\boxed{x = 4} \\]';
    expect(readHintReply(solution)).toBeNull();
    expect(readHintReply('x'.repeat(300))).toBeNull();
  });

  it('never throws, whatever the model sends', () => {
    fc.assert(fc.property(fc.string(), (text) => void readHintReply(text)));
  });
});
