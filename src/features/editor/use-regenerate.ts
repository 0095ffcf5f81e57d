/**
 * Regenerating one step at a time with the model. The reply replaces the step through `edit`, so it is one
 * undo entry; a failure stays shown on that step until the next attempt or until it is dismissed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { replaceStep } from '../../core/edit/edit-solution.ts';
import type { Solution } from '../../core/solution/solution.ts';
import { regenerateSolutionStep, type RegenerateError } from '../../stores/step-regeneration.ts';
import type { SolutionEdits } from './use-solution-edits.ts';

export interface Regeneration {
  /** The step being regenerated (0-based), or null. */
  running: number | null;
  failure: { index: number; error: RegenerateError } | null;
  start(index: number): void;
  cancel(): void;
  dismiss(): void;
}

export function useRegenerate(problem: string, solution: Solution, edit: SolutionEdits['edit']): Regeneration {
  const [running, setRunning] = useState<number | null>(null);
  const [failure, setFailure] = useState<Regeneration['failure']>(null);
  const controller = useRef<AbortController | null>(null);
  const current = useRef(solution);
  current.current = solution;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (index: number) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setRunning(index);
      setFailure(null);
      const s = current.current;
      void regenerateSolutionStep({ problem, steps: s.steps, index, ...(s.answer ? { answer: s.answer.text } : {}) }, abort.signal)
        // The adapter reports failures as values; an exception is a defect, shown rather than left spinning.
        .catch((error: unknown) => ({
          ok: false as const,
          error: { message: `Regenerating failed: ${error instanceof Error ? error.message : String(error)}`, hint: 'Try again.', needsSettings: false, aborted: false },
        }))
        .then((result) => {
          if (controller.current !== abort) return;
          controller.current = null;
          setRunning(null);
          // The editor keeps this step's place fixed while it runs (no reordering), so `index` is still it.
          if (result.ok) edit((sol) => replaceStep(sol, index, result.value));
          else if (!result.error.aborted) setFailure({ index, error: result.error });
        });
    },
    [problem, edit],
  );

  const cancel = useCallback(() => {
    const abort = controller.current;
    controller.current = null;
    setRunning(null);
    abort?.abort();
  }, []);

  return { running, failure, start, cancel, dismiss: useCallback(() => setFailure(null), []) };
}
