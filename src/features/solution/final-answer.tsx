import { viewReveal } from '../../core/reveal/reveal.ts';
import { isLivePhase, useRunStore } from '../../stores/run-store.ts';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';

export function FinalAnswer() {
  const solution = useRunStore((s) => s.solution);
  const reveal = useRunStore((s) => s.reveal);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const answer = solution.answer;
  if (!answer || !viewReveal(reveal, solution, !live).answerVisible) return null;
  return (
    <section className="final-answer" aria-label="Final answer">
      <h3 className="final-answer__label">Final answer</h3>
      <div className="final-answer__math">
        <TexFormula tex={answer.text} />
      </div>
      {answer.note && answer.note.trim() !== '' && <RichText className="final-answer__note" text={answer.note} />}
    </section>
  );
}
