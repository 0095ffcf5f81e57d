import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, matchModel, missingModelMessage } from './model-match.ts';

const SERVER = ['fake-model', 'fake-reasoner', 'gpt-4o-mini', 'llama3.1:8b'];

describe('matchModel', () => {
  it('accepts a listed model, and says nothing when none is typed or the server lists none', () => {
    expect(matchModel(' fake-model ', SERVER)).toEqual({ status: 'listed' });
    expect(matchModel('', SERVER)).toEqual({ status: 'none-typed' });
    expect(matchModel('anything', [])).toEqual({ status: 'listed' });
  });

  it('suggests the closest listed model for a typo', () => {
    const match = matchModel('fake-mdoel', SERVER);
    expect(match).toEqual({ status: 'missing', typed: 'fake-mdoel', suggestion: 'fake-model' });
    if (match.status === 'missing') expect(missingModelMessage(match)).toBe('fake-mdoel is not on this server; did you mean fake-model?');
    expect(matchModel('GPT-4o-mini', SERVER)).toMatchObject({ suggestion: 'gpt-4o-mini' });
    expect(matchModel('llama3.1', SERVER)).toMatchObject({ suggestion: 'llama3.1:8b' });
  });

  it('suggests nothing when no listed model is close', () => {
    const match = matchModel('claude-opus', SERVER);
    expect(match).toEqual({ status: 'missing', typed: 'claude-opus', suggestion: null });
    if (match.status === 'missing') expect(missingModelMessage(match)).toBe('claude-opus is not on this server; pick one of its models below.');
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('mdoel', 'model')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a metric-like distance: zero only for equal strings, symmetric, bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
