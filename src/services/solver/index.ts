/**
 * The built-in solver's public entry. The app loads this module with a dynamic import() the first time it is
 * needed, so the engine stays out of the initial bundle. Everything here is pure and offline.
 */
import type { Solution } from '../../core/solution/solution.ts';
import { solveDetailed, CANNOT } from '../../core/solver/solve-problem.ts';
import { answerMatches } from '../../core/solver/compare-answer.ts';
import type { Step } from '../../core/solution/solution.ts';
import type { LineVerdict, StepHints, TutorChain } from '../../core/tutor/types.ts';
import { VERDICT_WORD } from '../../core/tutor/types.ts';
import { tutorChain as buildChain } from '../../core/tutor/tutor-chain.ts';
import { checkLine as checkWithEngine } from '../../core/tutor/check-line.ts';
import { stepHints as hintsOf } from '../../core/tutor/hints.ts';

export type SolveResult =
  | { ok: true; solution: Solution; /** The final answer as LaTeX. */ latex: string }
  | { ok: false; reason: string };

export type CheckResult = { status: 'agrees' } | { status: 'disagrees'; solverAnswer: string } | { status: 'unknown' };

/** A worked, step-checked solution, or the reason the built-in solver declines. */
export function solveProblem(problem: string): SolveResult {
  let out;
  try {
    out = solveDetailed(problem);
  } catch {
    // An engine defect must never surface as a wrong or broken answer: decline instead.
    return { ok: false, reason: CANNOT };
  }
  if (!out.ok) return { ok: false, reason: out.reason };
  return { ok: true, solution: out.solution, latex: out.latex };
}

/**
 * Compare a model's final answer (LaTeX, as in its \boxed{…}) with the built-in solver's, by mathematical
 * equivalence. 'unknown' when the solver cannot do the problem or cannot read the answer.
 */
export function checkAnswer(problem: string, modelAnswerLatex: string): CheckResult {
  try {
    const out = solveDetailed(problem);
    if (!out.ok) return { status: 'unknown' };
    const same = answerMatches(out.result, modelAnswerLatex, out.task.variable);
    if (same === null) return { status: 'unknown' };
    return same ? { status: 'agrees' } : { status: 'disagrees', solverAnswer: out.latex };
  } catch {
    return { status: 'unknown' };
  }
}

// ---- "Your turn": the line checker ---------------------------------------------------------------------------
// Thin wrappers: an engine defect must never surface as a wrong verdict or a broken screen.

/** The solution as a chain of states (null where the engine reads none). */
export function tutorChain(problem: string, solution: Solution): TutorChain {
  try {
    return buildChain(problem, solution);
  } catch {
    return { problem, states: solution.steps.map(() => null), answer: solution.answer?.text ?? null };
  }
}

/** The verdict on the student's line, `done` steps being done or revealed; "Can't check" on any engine failure. */
export function checkLine(chain: TutorChain, done: number, line: string): LineVerdict {
  try {
    return checkWithEngine(chain, done, line);
  } catch {
    return { kind: 'unknown', message: `${VERDICT_WORD.unknown} this line: the engine ran into a problem. Try the hint, or reveal the step.` };
  }
}

/** The rule and the blanked shape of a step (the third hint is the step itself). */
export function stepHints(step: Step, state: string | null): StepHints {
  try {
    return hintsOf(step, state);
  } catch {
    return { rule: step.title.trim() || 'Work out the next step.', shape: null };
  }
}
