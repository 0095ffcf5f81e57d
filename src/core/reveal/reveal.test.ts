import { describe, expect, it } from 'vitest';
import type { Solution, Step } from '../solution/solution.ts';
import { emptyReveal, hideAll, revealAll, revealNext, toggleCollapsed, viewReveal } from './reveal.ts';

const step = (title: string, complete = true): Step => ({ title, body: `Body of ${title}`, source: [0, 1], complete });
const solution = (steps: Step[], answer: string | null): Solution => ({
  preamble: null,
  steps,
  answer: answer === null ? null : { text: answer, source: [0, 1] },
  thinking: null,
});

describe('reveal', () => {
  const done = solution([step('a'), step('b'), step('c')], 'x = 4');

  it('starts with nothing shown and reveals steps one by one, then the answer last', () => {
    let r = emptyReveal();
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 0, answerVisible: false, next: 'step', canNext: true });
    r = revealNext(r, done, true);
    r = revealNext(r, done, true);
    r = revealNext(r, done, true);
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 3, answerVisible: false, next: 'answer' });
    r = revealNext(r, done, true);
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 3, answerVisible: true, complete: true, canNext: false, next: 'none' });
    expect(revealNext(r, done, true)).toBe(r);
  });

  it('does not reveal a step that is still being written', () => {
    const streaming = solution([step('a'), step('b', false)], null);
    let r = revealNext(emptyReveal(), streaming, false);
    expect(viewReveal(r, streaming, false).visibleSteps).toBe(1);
    r = revealNext(r, streaming, false);
    expect(viewReveal(r, streaming, false)).toMatchObject({ visibleSteps: 1, canNext: false, next: 'wait' });
    // Once the stream has ended the last step counts as complete.
    expect(viewReveal(r, streaming, true)).toMatchObject({ canNext: true, next: 'step' });
  });

  it('"Reveal all" also shows steps that arrive later, including the one being written', () => {
    const partial = solution([step('a'), step('b', false)], null);
    const r = revealAll(emptyReveal());
    expect(viewReveal(r, partial, false).visibleSteps).toBe(2);
    const more = solution([step('a'), step('b'), step('c'), step('d', false)], null);
    expect(viewReveal(r, more, false).visibleSteps).toBe(4);
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 3, answerVisible: true, complete: true });
  });

  it('"Hide all" hides everything and unfolds folded steps', () => {
    let r = revealAll(emptyReveal());
    r = toggleCollapsed(r, 1);
    r = hideAll(r);
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 0, answerVisible: false });
    expect(r.collapsed).toEqual([]);
  });

  it('folds and unfolds a step', () => {
    const r = toggleCollapsed(toggleCollapsed(emptyReveal(), 2), 0);
    expect(r.collapsed).toEqual([0, 2]);
    expect(toggleCollapsed(r, 2).collapsed).toEqual([0]);
  });

  it('copes with a stored count larger than the re-parsed solution', () => {
    const r = { shown: 10, all: false, collapsed: [] };
    expect(viewReveal(r, done, true)).toMatchObject({ visibleSteps: 3, answerVisible: true, complete: true });
  });

  it('reveals a solution without a final answer up to its last step', () => {
    const noAnswer = solution([step('a')], null);
    const r = revealNext(emptyReveal(), noAnswer, true);
    expect(viewReveal(r, noAnswer, true)).toMatchObject({ visibleSteps: 1, answerVisible: false, complete: true, canNext: false });
  });
});
