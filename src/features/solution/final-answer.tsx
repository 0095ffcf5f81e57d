import type { Validation } from '../../core/history/history-entry.ts';
import { isLivePhase, useRevealView, useRunStore } from '../../stores/run-store.ts';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';

export function FinalAnswer() {
  const answer = useRunStore((s) => s.solution.answer);
  const { answerVisible } = useRevealView();
  const live = useRunStore((s) => isLivePhase(s.phase));
  const validated = useRunStore((s) => s.validated);
  if (!answer || !answerVisible) return null;
  return (
    <section className="final-answer" aria-label="Final answer">
      <h3 className="final-answer__label">Final answer</h3>
      <div className="final-answer__math">
        <TexFormula tex={answer.text} />
      </div>
      {answer.note && answer.note.trim() !== '' && <RichText className="final-answer__note" text={answer.note} />}
      {validated && !live && <SolverCheck validated={validated} />}
    </section>
  );
}

/** The built-in solver's verdict on this answer; a disagreement says what it got and what to do. */
function SolverCheck({ validated }: { validated: Validation }) {
  if (validated.status === 'agrees') {
    return (
      <p className="final-answer__check final-answer__check--agrees">
        <span aria-hidden="true">✓ </span>Checked by the built-in solver
      </p>
    );
  }
  return (
    <p className="final-answer__check final-answer__check--disagrees">
      <span aria-hidden="true">⚠ </span>The built-in solver got <TexFormula tex={validated.solverAnswer} display={false} />, check
      this step by step
    </p>
  );
}
