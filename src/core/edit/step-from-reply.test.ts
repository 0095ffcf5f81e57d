import { describe, expect, it } from 'vitest';
import { stepFromReply } from './step-from-reply.ts';

describe('stepFromReply', () => {
  it('takes the first step of a reply in the answer format', () => {
    const reply = '## Step 2: Divide both sides\nDivide by \\(2\\):\n\\[ x = 4 \\]\n\n## Step 3: Extra\nignored';
    expect(stepFromReply(reply, 'Old')).toEqual({ title: 'Divide both sides', body: 'Divide by $2$:\n$$\nx = 4\n$$' });
  });

  it('uses the whole reply under the old title when it has no step heading', () => {
    expect(stepFromReply('Just divide by $2$ to get $x = 4$.', 'Divide')).toEqual({ title: 'Divide', body: 'Just divide by $2$ to get $x = 4$.' });
  });

  it('is null for an empty reply', () => {
    expect(stepFromReply('  \n', 'Divide')).toBeNull();
  });
});
