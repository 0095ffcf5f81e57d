/**
 * "Your turn": the contract between the engine's line checker (pure core, loaded lazily with the solver) and
 * the tutor UI. A solution is read as a chain of math states: the problem, the state after each step, then
 * the final answer. The student, having done `done` steps, writes a line; the checker says how it relates.
 */

/** What the checker compares a student's line with. */
export interface TutorChain {
  /** The problem as the student typed it (plain text or LaTeX). */
  problem: string;
  /** The math state after each step (LaTeX, no delimiters), or null where the engine found none it can read. */
  states: (string | null)[];
  /** The final answer (LaTeX), or null when the solution has none. */
  answer: string | null;
}

/**
 * The verdict on one line. `message` is what the student reads in the status region; it starts with one of
 * the verdict words: "Correct" (next, skipped, valid, final), "Not quite" (wrong), "Can't check" (unknown).
 */
export type LineVerdict =
  /** Equivalent to the next hidden step's state (`step` = its index): that step is done by the student. */
  | { kind: 'next'; step: number; message: string }
  /** Equivalent to a later step's state: every step up to `step` is done. */
  | { kind: 'skipped'; step: number; message: string }
  /** Equivalent to the current state (another method, an unsimplified form): accepted, keep going. */
  | { kind: 'valid'; message: string }
  /** The final answer (also when typed before the last step); `simplified` false: equivalent but not simplified. */
  | { kind: 'final'; simplified: boolean; message: string }
  /** Changes the solution set or the value; the message says how when the engine can. */
  | { kind: 'wrong'; message: string }
  /** The engine cannot read the line or cannot decide: never a "wrong". */
  | { kind: 'unknown'; message: string };

export const VERDICT_WORD = { correct: 'Correct', wrong: 'Not quite', unknown: "Can't check" } as const;

/** The first two hints of a hidden step (the third is the step itself). */
export interface StepHints {
  /** What to do: the rule or strategy ("Subtract 3 from both sides."), Markdown with $…$ math. */
  rule: string;
  /** The shape of the result with a blank, LaTeX with \square ("2x = \square"), or null when there is none. */
  shape: string | null;
}
