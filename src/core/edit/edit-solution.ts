/**
 * Pure edits of a saved solution, as a teacher makes them in the editor. Every operation returns a new
 * Solution (the input is never changed) that is still valid Solution data: steps are `complete`, and each
 * `source` span keeps pointing at where its text came from in the original answer (a new step gets an empty
 * span where it was inserted), so nothing that reads spans is thrown off. An index out of range is a no-op.
 */
import type { Answer, Solution, Span, Step } from '../solution/solution.ts';

export interface StepText {
  title: string;
  body: string;
}

const inRange = (s: Solution, index: number) => Number.isInteger(index) && index >= 0 && index < s.steps.length;

function withSteps(s: Solution, steps: Step[]): Solution {
  return { ...s, steps };
}

function replaceAt(s: Solution, index: number, step: Step): Solution {
  const steps = s.steps.slice();
  steps[index] = step;
  return withSteps(s, steps);
}

function makeStep(text: StepText, source: Span): Step {
  return { title: text.title, body: text.body, source, complete: true };
}

export function setStepTitle(s: Solution, index: number, title: string): Solution {
  const step = s.steps[index];
  if (!inRange(s, index) || !step || step.title === title) return s;
  return replaceAt(s, index, makeStep({ title, body: step.body }, step.source));
}

export function setStepBody(s: Solution, index: number, body: string): Solution {
  const step = s.steps[index];
  if (!inRange(s, index) || !step || step.body === body) return s;
  return replaceAt(s, index, makeStep({ title: step.title, body }, step.source));
}

/** Replaces a step's title and body at once (a regenerated step), keeping its place and origin. */
export function replaceStep(s: Solution, index: number, text: StepText): Solution {
  const step = s.steps[index];
  if (!inRange(s, index) || !step) return s;
  return replaceAt(s, index, makeStep(text, step.source));
}

/** Where a step inserted at `index` starts in the original answer: right after the step before it. */
function insertionPoint(s: Solution, index: number): number {
  const before = s.steps[index - 1];
  if (before) return before.source[1];
  const after = s.steps[index];
  return after ? after.source[0] : 0;
}

/** Adds an empty (or given) step after step `after` (0-based); `after` = -1 puts it first, null at the end. */
export function addStep(s: Solution, after: number | null, text: StepText = { title: '', body: '' }): Solution {
  const index = after === null ? s.steps.length : after + 1;
  if (!Number.isInteger(index) || index < 0 || index > s.steps.length) return s;
  const at = insertionPoint(s, index);
  const steps = s.steps.slice();
  steps.splice(index, 0, makeStep(text, [at, at]));
  return withSteps(s, steps);
}

export function deleteStep(s: Solution, index: number): Solution {
  if (!inRange(s, index)) return s;
  return withSteps(
    s,
    s.steps.filter((_, i) => i !== index),
  );
}

/** Moves a step one place up (-1) or down (+1); at either end it stays. */
export function moveStep(s: Solution, index: number, direction: -1 | 1): Solution {
  const target = index + direction;
  if (!inRange(s, index) || !inRange(s, target)) return s;
  const steps = s.steps.slice();
  [steps[index], steps[target]] = [steps[target]!, steps[index]!];
  return withSteps(s, steps);
}

/** The title a step split off another gets: says where it came from, so the teacher knows what to rename. */
export function continuedTitle(title: string): string {
  const base = title.trim().replace(/\s*\(continued\)$/i, '');
  return base === '' ? '' : `${base} (continued)`;
}

/**
 * Splits step `index` at `at` (a position in its body) into two steps: the first keeps the title and the text
 * before `at`, the second gets the rest and a "(continued)" title. Whitespace at the cut is dropped. The
 * original span is divided in proportion, as a best guess of where each half came from.
 */
export function splitStep(s: Solution, index: number, at: number): Solution {
  const step = s.steps[index];
  if (!inRange(s, index) || !step) return s;
  const cut = Math.max(0, Math.min(Math.round(at), step.body.length));
  const [start, end] = step.source;
  const mid = step.body.length === 0 ? start : start + Math.round(((end - start) * cut) / step.body.length);
  const first = makeStep({ title: step.title, body: step.body.slice(0, cut).trimEnd() }, [start, mid]);
  const second = makeStep({ title: continuedTitle(step.title), body: step.body.slice(cut).trimStart() }, [mid, end]);
  const steps = s.steps.slice();
  steps.splice(index, 1, first, second);
  return withSteps(s, steps);
}

/**
 * Merges step `index` with the one after it. The first title is kept; the second one's title, unless it only
 * repeats the first (as after a split), becomes a bold line above its text so nothing the teacher wrote is lost.
 */
export function mergeWithNext(s: Solution, index: number): Solution {
  const a = s.steps[index];
  const b = s.steps[index + 1];
  if (!inRange(s, index) || !a || !b) return s;
  const bTitle = b.title.trim();
  const repeats = bTitle === '' || bTitle === a.title.trim() || bTitle === continuedTitle(a.title);
  const title = a.title.trim() === '' && !repeats ? b.title : a.title;
  const secondPart = [repeats || title === b.title ? '' : `**${bTitle}**`, b.body.trim()].filter((p) => p !== '').join('\n\n');
  const body = [a.body.trimEnd(), secondPart].filter((p) => p !== '').join('\n\n');
  const source: Span = [Math.min(a.source[0], b.source[0]), Math.max(a.source[1], b.source[1])];
  const steps = s.steps.slice();
  steps.splice(index, 2, makeStep({ title, body }, source));
  return withSteps(s, steps);
}

/**
 * Sets the final answer's LaTeX. An answer that had none gets an empty span after the last step; clearing the
 * text removes the answer unless it carries a note (which is kept).
 */
export function setAnswer(s: Solution, text: string): Solution {
  if ((s.answer?.text ?? '') === text && (s.answer !== null || text === '')) return s;
  if (text.trim() === '' && !s.answer?.note) return { ...s, answer: null };
  const at = s.steps.at(-1)?.source[1] ?? 0;
  const answer: Answer = s.answer ? { ...s.answer, text } : { text, source: [at, at] };
  return { ...s, answer };
}

/**
 * A saved solution ready for editing: a step left half-written by an interrupted stream is marked complete
 * (its held-back text dropped), as the editor shows and saves it whole. Unchanged when already so.
 */
export function completeSteps(s: Solution): Solution {
  if (s.steps.every((st) => st.complete && st.pending === undefined)) return s;
  return withSteps(
    s,
    s.steps.map((st) => makeStep(st, st.source)),
  );
}
