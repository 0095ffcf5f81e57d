/**
 * The built-in solver's public entry. The app loads this module with a dynamic import() the first time it is
 * needed, so the engine stays out of the initial bundle. Everything here is pure and offline.
 */
import type { Solution } from '../../core/solution/solution.ts';
import { solveDetailed, CANNOT } from '../../core/solver/solve-problem.ts';
import { answerMatches } from '../../core/solver/compare-answer.ts';

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
