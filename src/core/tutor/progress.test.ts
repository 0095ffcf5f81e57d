import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  progressSummary,
  readProgress,
  recordAnswer,
  recordAsked,
  recordAttempt,
  recordDone,
  recordHint,
  recordModelHints,
  recordShown,
  shouldAskFirst,
} from './progress.ts';

describe('tutor progress', () => {
  it('tells steps done alone, after a hint, shown after trying and shown without trying apart', () => {
    let p = emptyProgress();
    p = recordDone(p, 0, 0); // wrote step 1
    p = recordHint(p, 1);
    p = recordDone(p, 1, 1); // step 2 after a hint
    p = recordAttempt(p, 2);
    p = recordShown(p, 2, 2); // tried step 3, then had it shown
    p = recordShown(p, 3, 4); // Reveal all for steps 4 and 5
    expect(p.outcomes).toEqual(['self', 'hint', 'tried', 'revealed', 'revealed']);
    expect(progressSummary(p, 5)).toBe('You did 2 of 5 steps yourself, 1 with a hint');
  });

  it('marks every step a skipping line covers as done, and keeps outcomes already set', () => {
    let p = recordShown(emptyProgress(), 0, 0);
    p = recordDone(p, 0, 3);
    expect(p.outcomes).toEqual(['revealed', 'self', 'self', 'self']);
    expect(progressSummary(p, 4)).toBe('You did 3 of 4 steps yourself');
  });

  it('says nothing before anything was done or shown, nor when the student only read', () => {
    expect(progressSummary(emptyProgress(), 3)).toBeNull();
    expect(progressSummary(recordShown(emptyProgress(), 0, 2), 3)).toBeNull();
    expect(progressSummary(recordShown(recordAttempt(emptyProgress(), 1), 0, 2), 3)).toBe('You did 0 of 3 steps yourself');
    expect(progressSummary(recordHint(emptyProgress(), 0), 3)).toBeNull();
    expect(progressSummary(recordDone(emptyProgress(), 0, 0), 1)).toBe('You did 1 of 1 step yourself');
  });

  it('counts at most two hints; the third press is the step itself', () => {
    let p = emptyProgress();
    for (let i = 0; i < 5; i++) p = recordHint(p, 0);
    expect(p.hints[0]).toBe(2);
  });

  it('asks "try it first" once per step, only under try-first, only before any attempt or hint', () => {
    const p = emptyProgress();
    expect(shouldAskFirst(p, 0, 'try-first')).toBe(true);
    expect(shouldAskFirst(p, 0, 'free')).toBe(false);
    expect(shouldAskFirst(recordAsked(p, 0), 0, 'try-first')).toBe(false);
    expect(shouldAskFirst(recordAttempt(p, 0), 0, 'try-first')).toBe(false);
    expect(shouldAskFirst(recordHint(p, 0), 0, 'try-first')).toBe(false);
  });

  it('records the final answer once: written, after a hint, or shown', () => {
    expect(recordAnswer(emptyProgress(), true, 2).answer).toBe('self');
    expect(recordAnswer(recordHint(emptyProgress(), 2), true, 2).answer).toBe('hint');
    expect(recordAnswer(emptyProgress(), false, 2).answer).toBe('revealed');
    expect(recordAnswer(recordAnswer(emptyProgress(), false, 2), true, 2).answer).toBe('revealed');
  });

  it('reads back what it stores, and repairs damaged stored progress instead of throwing', () => {
    let p = recordModelHints(recordDone(recordHint(emptyProgress(), 1), 0, 1), 2, { rule: 'Divide by $2$.', shape: 'x = \\square' });
    p = recordAnswer(p, true, 3);
    expect(readProgress(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(readProgress(null)).toBeNull();
    expect(readProgress('x')).toBeNull();
    expect(readProgress({ outcomes: ['self', 'bogus', 3], hints: [9, -1, 'a'], attempts: 'x', modelHints: { a: {}, 1: { rule: 1 } } })).toEqual({
      outcomes: ['self', null, null],
      hints: [2, 0, 0],
      attempts: [],
      answer: null,
      asked: [],
      modelHints: {},
      total: 0,
    });
  });

  it('never throws on any stored value', () => {
    fc.assert(fc.property(fc.anything(), (x) => void readProgress(x)));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('outcomes', 'hints', 'attempts', 'asked', 'answer', 'modelHints'), fc.anything()), (x) => void readProgress(x)));
  });
});
