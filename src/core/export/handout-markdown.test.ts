import { describe, expect, it } from 'vitest';
import { handoutToMarkdown } from './handout-markdown.ts';
import { handout } from './test-support/sample-handout.ts';

describe('handoutToMarkdown', () => {
  it('worked mode: title, name line, numbered problems with steps and answers, math untouched', () => {
    const md = handoutToMarkdown(handout({ mode: 'worked', answerKey: 'none', instructions: 'Read carefully.' }));
    expect(md).toBe(
      [
        '# Quiz #1: 50% & more',
        'Name: ______________________________ Date: ______________',
        'Read carefully.',
        '**1.** Solve $\\frac{x}{2} + 3 = 7$ & check (100% sure).',
        '**Step 1: Subtract 3**',
        'Take $3$ from both sides:\n\n$$\n\\frac{x}{2} = 4\n$$',
        '**Step 2: Multiply by 2**',
        '**Double** it: $x = 8$.',
        '**Answer:** $x = 8$',
        '**2.** What is $\\sqrt{49}$? Use_no_calculator #fast',
        '**Step 1**',
        'Since $7^2 = 49$, it is $7$.',
        '**Answer:** _(no final answer)_',
      ].join('\n\n') + '\n',
    );
  });

  it('problems mode: work space, then the key after a rule', () => {
    const md = handoutToMarkdown(handout({ mode: 'problems', workLines: 5 }));
    expect(md).toContain('_(Space for your work: 5 lines.)_');
    expect(md).not.toContain('Subtract 3');
    expect(md).toMatch(/---\n\n## Answer key\n\n1\. \$x = 8\$\n2\. _\(no final answer\)_\n$/);
  });

  it('faded mode: hidden steps are invitations to complete them', () => {
    const md = handoutToMarkdown(handout({ mode: 'faded', fadedSteps: 1, answerKey: 'none' }));
    expect(md).toContain('**Step 1: Subtract 3**');
    expect(md).toContain('**Step 2:** _(your turn — complete this step)_');
    expect(md).not.toContain('Double');
  });

  it('no numbering, no name line', () => {
    const md = handoutToMarkdown(handout({ numbering: false, nameDateLine: false, answerKey: 'after' }));
    expect(md).not.toContain('Name:');
    expect(md).not.toContain('**1.**');
    expect(md).toContain('- $x = 8$');
    expect(md).not.toContain('---');
  });
});
