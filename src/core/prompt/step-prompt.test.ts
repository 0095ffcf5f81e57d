import { describe, expect, it } from 'vitest';
import { buildStepMessages } from './step-prompt.ts';
import { FORMATTING_REENABLED } from './tutor-prompt.ts';

const input = {
  problem: 'Solve $2x + 3 = 11$.',
  steps: [
    { title: 'Move the constant term', body: 'Subtract $3$: $$2x = 8$$' },
    { title: 'Divide', body: 'Divide by $2$: $$x = 4$$' },
    { title: '', body: 'Check: $2 \\cdot 4 + 3 = 11$' },
  ],
  index: 1,
  answer: 'x = 4',
};

describe('buildStepMessages', () => {
  it('gives the problem, every step before and after, and asks to rewrite only step k in the answer format', () => {
    const [system, user] = buildStepMessages(input, { reasoningModel: false });
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('## Step N: <short title>');
    expect(system!.content).toContain('\\( … \\)');
    expect(user!.role).toBe('user');
    const text = user!.content;
    expect(text).toContain('Solve $2x + 3 = 11$.');
    expect(text).toContain('## Step 1: Move the constant term\nSubtract $3$');
    expect(text).toContain('## Step 2: Divide\nDivide by $2$');
    expect(text).toContain('## Step 3: (untitled)\nCheck');
    expect(text).toContain('## Answer\n\\[ \\boxed{x = 4} \\]');
    expect(text).toContain('Rewrite only step 2 ("Divide")');
    expect(text).toContain('Start your reply with "## Step 2: "');
    expect(text.indexOf('Step 1:')).toBeLessThan(text.indexOf('Step 3:'));
  });

  it('uses the developer role with formatting re-enabled for reasoning models, and no answer section without one', () => {
    const [dev, user] = buildStepMessages({ ...input, index: 0, answer: undefined }, { reasoningModel: true });
    expect(dev!.role).toBe('developer');
    expect(dev!.content.startsWith(FORMATTING_REENABLED)).toBe(true);
    expect(user!.content).not.toContain('## Answer');
    expect(user!.content).toContain('Rewrite only step 1');
  });
});
