import { describe, expect, it } from 'vitest';
import { solutionProblem } from '../library/check-solution.ts';
import { parseSolution } from '../solution/parse-solution.ts';
import type { Solution } from '../solution/solution.ts';
import {
  addStep,
  completeSteps,
  continuedTitle,
  deleteStep,
  mergeWithNext,
  moveStep,
  replaceStep,
  setAnswer,
  setStepBody,
  setStepTitle,
  splitStep,
} from './edit-solution.ts';

const ANSWER = [
  '## Step 1: Move the constant term',
  'Subtract $3$ from both sides:',
  '$$2x = 8$$',
  '',
  '## Step 2: Divide by the coefficient',
  'Divide both sides by $2$:',
  '$$x = 4$$',
  '',
  '## Step 3: Check',
  'Substitute back: $2 \\cdot 4 + 3 = 11$.',
  '',
  '## Answer',
  '$$\\boxed{x = 4}$$',
].join('\n');

const base = (): Solution => parseSolution(ANSWER);
const titles = (s: Solution) => s.steps.map((st) => st.title);

/** Every edit must leave data the library accepts on load, with whole steps. */
function expectValid(s: Solution) {
  expect(solutionProblem(JSON.parse(JSON.stringify(s)))).toBeNull();
  for (const step of s.steps) {
    expect(step.complete).toBe(true);
    expect(step.source[0]).toBeLessThanOrEqual(step.source[1]);
  }
}

describe('edit operations', () => {
  it('parses the fixture into three steps and an answer', () => {
    expect(titles(base())).toEqual(['Move the constant term', 'Divide by the coefficient', 'Check']);
    expect(base().answer?.text).toBe('x = 4');
  });

  it('sets a title and a body without touching other steps or the input', () => {
    const s = base();
    const t = setStepTitle(s, 1, 'Divide by 2');
    expect(t.steps[1]!.title).toBe('Divide by 2');
    expect(t.steps[1]!.body).toBe(s.steps[1]!.body);
    expect(t.steps[1]!.source).toEqual(s.steps[1]!.source);
    expect(t.steps[0]).toBe(s.steps[0]);
    expect(s.steps[1]!.title).toBe('Divide by the coefficient');
    const b = setStepBody(t, 0, 'New $y$');
    expect(b.steps[0]!.body).toBe('New $y$');
    expectValid(b);
  });

  it('returns the same object for a no-op or an index out of range', () => {
    const s = base();
    expect(setStepTitle(s, 0, s.steps[0]!.title)).toBe(s);
    expect(setStepBody(s, 7, 'x')).toBe(s);
    expect(deleteStep(s, -1)).toBe(s);
    expect(moveStep(s, 0, -1)).toBe(s);
    expect(moveStep(s, 2, 1)).toBe(s);
    expect(mergeWithNext(s, 2)).toBe(s);
    expect(splitStep(s, 3, 0)).toBe(s);
    expect(addStep(s, 5)).toBe(s);
  });

  it('adds an empty step after k, first, or at the end, with an empty span at its place', () => {
    const s = base();
    const after1 = addStep(s, 0);
    expect(titles(after1)).toEqual(['Move the constant term', '', 'Divide by the coefficient', 'Check']);
    expect(after1.steps[1]!.source).toEqual([s.steps[0]!.source[1], s.steps[0]!.source[1]]);
    expect(titles(addStep(s, -1))[0]).toBe('');
    expect(addStep(s, -1).steps[0]!.source).toEqual([s.steps[0]!.source[0], s.steps[0]!.source[0]]);
    const end = addStep(s, null, { title: 'More', body: 'text' });
    expect(end.steps.at(-1)).toMatchObject({ title: 'More', body: 'text', complete: true });
    expect(addStep({ ...s, steps: [] }, null).steps[0]!.source).toEqual([0, 0]);
    expectValid(after1);
    expectValid(end);
  });

  it('deletes a step', () => {
    const d = deleteStep(base(), 1);
    expect(titles(d)).toEqual(['Move the constant term', 'Check']);
    expectValid(d);
  });

  it('moves a step up and down', () => {
    const s = base();
    expect(titles(moveStep(s, 2, -1))).toEqual(['Move the constant term', 'Check', 'Divide by the coefficient']);
    expect(titles(moveStep(s, 0, 1))).toEqual(['Divide by the coefficient', 'Move the constant term', 'Check']);
    expect(moveStep(moveStep(s, 1, 1), 2, -1).steps).toEqual(s.steps);
  });

  it('splits a step at a body position into two, the second titled "(continued)"', () => {
    const s = base();
    const body = s.steps[0]!.body;
    const at = body.indexOf('$$');
    const t = splitStep(s, 0, at);
    expect(t.steps).toHaveLength(4);
    expect(t.steps[0]).toMatchObject({ title: 'Move the constant term', body: body.slice(0, at).trimEnd() });
    expect(t.steps[1]).toMatchObject({ title: 'Move the constant term (continued)', body: body.slice(at) });
    const [a, b] = s.steps[0]!.source;
    expect(t.steps[0]!.source[0]).toBe(a);
    expect(t.steps[1]!.source[1]).toBe(b);
    expect(t.steps[0]!.source[1]).toBe(t.steps[1]!.source[0]);
    expect(t.steps[0]!.source[1]).toBeGreaterThan(a);
    expect(t.steps[0]!.source[1]).toBeLessThan(b);
    expectValid(t);
  });

  it('clamps a split position and splits an untitled step into untitled steps', () => {
    const s = setStepTitle(base(), 0, '');
    const t = splitStep(s, 0, 10_000);
    expect(t.steps[0]!.body).toBe(s.steps[0]!.body);
    expect(t.steps[1]).toMatchObject({ title: '', body: '' });
    expect(splitStep(s, 0, -4).steps[0]!.body).toBe('');
    expect(continuedTitle('Check (continued)')).toBe('Check (continued)');
  });

  it('merges a step with the next; merging a split gives the step back', () => {
    const s = base();
    const at = s.steps[0]!.body.indexOf('$$');
    const back = mergeWithNext(splitStep(s, 0, at), 0);
    expect(back.steps[0]!.title).toBe(s.steps[0]!.title);
    expect(back.steps[0]!.body.replace(/\s+/g, ' ')).toBe(s.steps[0]!.body.replace(/\s+/g, ' '));
    expect(back.steps[0]!.source).toEqual(s.steps[0]!.source);
    expect(back.steps).toHaveLength(3);
    expectValid(back);
  });

  it('keeps the second title of a merge as a bold line, or as the title when the first had none', () => {
    const s = base();
    const m = mergeWithNext(s, 0);
    expect(m.steps[0]!.title).toBe('Move the constant term');
    expect(m.steps[0]!.body).toBe(`${s.steps[0]!.body}\n\n**Divide by the coefficient**\n\n${s.steps[1]!.body}`);
    expect(m.steps[0]!.source).toEqual([s.steps[0]!.source[0], s.steps[1]!.source[1]]);
    const untitled = mergeWithNext(setStepTitle(s, 0, ''), 0);
    expect(untitled.steps[0]!.title).toBe('Divide by the coefficient');
    expect(untitled.steps[0]!.body).not.toContain('**');
  });

  it('replaces a step (regenerated) keeping its place and span', () => {
    const s = base();
    const r = replaceStep(s, 1, { title: 'Divide', body: '$x = 8/2 = 4$' });
    expect(r.steps[1]).toEqual({ title: 'Divide', body: '$x = 8/2 = 4$', source: s.steps[1]!.source, complete: true });
    expect(r.steps[0]).toBe(s.steps[0]);
    expect(r.steps[2]).toBe(s.steps[2]);
  });

  it('edits the final answer; clearing removes it; a solution without one gets one', () => {
    const s = base();
    const a = setAnswer(s, 'x = 4.0');
    expect(a.answer).toEqual({ ...s.answer, text: 'x = 4.0' });
    expect(setAnswer(s, 'x = 4')).toBe(s);
    expect(setAnswer(s, '  ').answer).toBeNull();
    const none = { ...s, answer: null };
    expect(setAnswer(none, '')).toBe(none);
    const created = setAnswer(none, 'y = 1');
    expect(created.answer).toEqual({ text: 'y = 1', source: [s.steps[2]!.source[1], s.steps[2]!.source[1]] });
    expectValid(created);
    const noted = { ...s, answer: { text: 'x = 4', source: [1, 2] as [number, number], note: 'Check it.' } };
    expect(setAnswer(noted, '').answer).toEqual({ text: '', source: [1, 2], note: 'Check it.' });
  });

  it('marks half-written steps complete for editing, and leaves whole ones alone', () => {
    const s = base();
    expect(completeSteps(s)).toBe(s);
    const cut: Solution = { ...s, steps: [...s.steps.slice(0, 2), { ...s.steps[2]!, complete: false, pending: '$2' }] };
    const done = completeSteps(cut);
    expect(done.steps[2]).toEqual({ title: 'Check', body: s.steps[2]!.body, source: s.steps[2]!.source, complete: true });
    expect('pending' in done.steps[2]!).toBe(false);
  });
});
