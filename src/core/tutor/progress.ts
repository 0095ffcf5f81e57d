/**
 * What the student did on one solution in "Your turn": per step, whether they wrote it themselves, after a
 * hint, or had it shown; the hints they saw; the lines they tried. Pure state transitions and the stored
 * form's validation (stored data is untrusted), so the rules are tested without a UI.
 */
import type { StepHints } from './types.ts';

/**
 * `self`: the student wrote it with no hint; `hint`: wrote it after one or two hints; `tried`: shown after an
 * attempt or a hint; `revealed`: shown without any attempt.
 */
export type StepOutcome = 'self' | 'hint' | 'tried' | 'revealed';

/** How freely steps may be shown. `hints-only`: no step is shown before the student has tried the final answer. */
export type RevealPolicy = 'free' | 'try-first' | 'hints-only';
export const REVEAL_POLICIES: readonly RevealPolicy[] = ['free', 'try-first', 'hints-only'];
export const isRevealPolicy = (x: unknown): x is RevealPolicy => x === 'free' || x === 'try-first' || x === 'hints-only';

export interface TutorProgress {
  /** Per step index; null while the step is still to do. */
  outcomes: (StepOutcome | null)[];
  /** Hints seen per step (0–2; the third "hint" is the step itself). */
  hints: number[];
  /** Lines checked per step. */
  attempts: number[];
  /** The final answer's outcome. */
  answer: StepOutcome | null;
  /** Steps for which "Try it or get a hint first?" was already asked (asked once per step). */
  asked: number[];
  /** Hints a model wrote, by step index (kept so they are not asked for twice). */
  modelHints: Record<number, StepHints>;
  /** The solution's number of steps when this was saved, so a list can summarise it without parsing the answer. */
  total: number;
}

export const emptyProgress = (): TutorProgress => ({ outcomes: [], hints: [], attempts: [], answer: null, asked: [], modelHints: {}, total: 0 });

const at = (xs: readonly number[], i: number) => xs[i] ?? 0;
const setAt = <T>(xs: readonly T[], i: number, value: T, fill: T): T[] => {
  const out = xs.slice();
  while (out.length <= i) out.push(fill);
  out[i] = value;
  return out;
};

export const hintLevel = (p: TutorProgress, step: number): number => at(p.hints, step);
export const attemptsAt = (p: TutorProgress, step: number): number => at(p.attempts, step);

export function recordAttempt(p: TutorProgress, step: number): TutorProgress {
  return { ...p, attempts: setAt(p.attempts, step, at(p.attempts, step) + 1, 0) };
}

/** One more hint on `step`, up to the second (the third press shows the step). */
export function recordHint(p: TutorProgress, step: number): TutorProgress {
  const level = at(p.hints, step);
  return level >= 2 ? p : { ...p, hints: setAt(p.hints, step, level + 1, 0) };
}

export function recordAsked(p: TutorProgress, step: number): TutorProgress {
  return p.asked.includes(step) ? p : { ...p, asked: [...p.asked, step] };
}

export function recordModelHints(p: TutorProgress, step: number, hints: StepHints): TutorProgress {
  return { ...p, modelHints: { ...p.modelHints, [step]: hints } };
}

/** `outcomes` with every unset entry in `from`…`to` set by `outcome(i)`: one copy, however many steps (Reveal all on 5,000). */
function settle(p: TutorProgress, from: number, to: number, outcome: (i: number) => StepOutcome): TutorProgress {
  let outcomes: (StepOutcome | null)[] | null = null;
  for (let i = from; i <= to; i++) {
    if (p.outcomes[i]) continue;
    outcomes ??= p.outcomes.slice();
    while (outcomes.length <= i) outcomes.push(null);
    outcomes[i] = outcome(i);
  }
  return outcomes ? { ...p, outcomes } : p;
}

/** Steps `from`…`to` written by the student (one line may skip ahead over several). */
export function recordDone(p: TutorProgress, from: number, to: number): TutorProgress {
  return settle(p, from, to, (i) => (at(p.hints, i) > 0 ? 'hint' : 'self'));
}

/** How a step shown by the app counts: after an attempt or a hint, or without any. */
const shownOutcome = (p: TutorProgress, i: number): StepOutcome => (at(p.attempts, i) > 0 || at(p.hints, i) > 0 ? 'tried' : 'revealed');

/** Steps `from`…`to` shown by the app (Next step, the third hint, Reveal all). Steps already done keep theirs. */
export function recordShown(p: TutorProgress, from: number, to: number): TutorProgress {
  return settle(p, from, to, (i) => shownOutcome(p, i));
}

/** The final answer: written by the student (`done`) or shown. `step` is its index (the number of steps). */
export function recordAnswer(p: TutorProgress, done: boolean, step: number): TutorProgress {
  if (p.answer) return p;
  return { ...p, answer: done ? (at(p.hints, step) > 0 ? 'hint' : 'self') : shownOutcome(p, step) };
}

/** Whether "Next step" should first ask "Try it or get a hint first?" for `step`. */
export function shouldAskFirst(p: TutorProgress, step: number, policy: RevealPolicy): boolean {
  return policy === 'try-first' && at(p.attempts, step) === 0 && at(p.hints, step) === 0 && !p.asked.includes(step);
}

export interface ProgressCounts {
  total: number;
  /** Written by the student, with or without a hint. */
  yourself: number;
  withHint: number;
  shown: number;
}

export function progressCounts(p: TutorProgress, totalSteps: number): ProgressCounts {
  let yourself = 0;
  let withHint = 0;
  for (let i = 0; i < totalSteps; i++) {
    const o = p.outcomes[i];
    if (o === 'self' || o === 'hint') yourself++;
    if (o === 'hint') withHint++;
  }
  return { total: totalSteps, yourself, withHint, shown: totalSteps - yourself };
}

/**
 * The one-line summary ("You did 3 of 5 steps yourself, 1 with a hint"), or null while nothing is settled or
 * when the student only read (every step shown with no attempt and no hint: "Your turn" was not used).
 */
export function progressSummary(p: TutorProgress, totalSteps: number): string | null {
  if (totalSteps === 0 || !p.outcomes.some((o) => o !== null)) return null;
  const triedSomething = p.attempts.some((n) => n > 0) || p.hints.some((n) => n > 0);
  if (!triedSomething && !p.outcomes.some((o) => o === 'self' || o === 'hint')) return null;
  const c = progressCounts(p, totalSteps);
  const steps = c.total === 1 ? 'step' : 'steps';
  const hint = c.withHint > 0 ? `, ${c.withHint} with a hint` : '';
  return `You did ${c.yourself} of ${c.total} ${steps} yourself${hint}`;
}

// ——— The stored form ———

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isOutcome = (x: unknown): x is StepOutcome => x === 'self' || x === 'hint' || x === 'tried' || x === 'revealed';
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const counts = (x: unknown): number[] => (Array.isArray(x) ? x.map((n) => (isCount(n) ? n : 0)) : []);

/**
 * Reads stored progress, repairing what it can: a broken field becomes empty, never an exception. Returns null
 * for anything that is not progress at all (the caller then starts afresh).
 */
export function readProgress(x: unknown): TutorProgress | null {
  if (!isRecord(x)) return null;
  const modelHints: Record<number, StepHints> = {};
  if (isRecord(x.modelHints)) {
    for (const [key, value] of Object.entries(x.modelHints)) {
      const i = Number(key);
      if (isCount(i) && isRecord(value) && typeof value.rule === 'string' && (value.shape === null || typeof value.shape === 'string')) {
        modelHints[i] = { rule: value.rule, shape: value.shape };
      }
    }
  }
  return {
    outcomes: Array.isArray(x.outcomes) ? x.outcomes.map((o) => (isOutcome(o) ? o : null)) : [],
    hints: counts(x.hints).map((n) => Math.min(n, 2)),
    attempts: counts(x.attempts),
    answer: isOutcome(x.answer) ? x.answer : null,
    asked: counts(x.asked),
    modelHints,
    total: isCount(x.total) ? x.total : 0,
  };
}
