/** Validation of one saved solution read from an untrusted source (an imported file or storage). */
import type { Result } from '../llm/result.ts';
import type { Solution } from '../solution/solution.ts';
import { cleanSolution, isRecord, solutionProblem } from './check-solution.ts';
import type { ItemSource, LibraryItem } from './library.ts';

export const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isSource = (x: unknown): x is ItemSource => x === 'model' || x === 'solver' || x === 'pasted';

/**
 * A clean item (only known fields) or what is wrong, as a phrase to follow "Solution 2 of 5". `id` is the id
 * to give it; `now` fills in a missing time.
 */
export function checkItem(raw: unknown, fields: { id: string; now: number }): Result<LibraryItem, string> {
  const fail = (error: string) => ({ ok: false as const, error });
  if (!isRecord(raw)) return fail('is not an object');
  if (typeof raw.problem !== 'string') return fail('has no problem text');
  const problem = solutionProblem(raw.solution);
  if (problem !== null) return fail(`is damaged: ${problem}`);
  if (!isSource(raw.source)) return fail('does not say where it came from (model, solver or pasted)');
  if (raw.answerText !== undefined && typeof raw.answerText !== 'string') return fail('has a malformed answer text');
  if (raw.model !== undefined && typeof raw.model !== 'string') return fail('has a malformed model name');
  return {
    ok: true,
    value: {
      id: fields.id,
      problem: raw.problem,
      solution: cleanSolution(raw.solution as Solution),
      answerText: typeof raw.answerText === 'string' ? raw.answerText : '',
      source: raw.source,
      model: typeof raw.model === 'string' ? raw.model : '',
      addedAt: isTime(raw.addedAt) ? raw.addedAt : fields.now,
    },
  };
}
