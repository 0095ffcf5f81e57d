import { useEffect, useRef } from 'react';
import type { Validation } from '../../core/history/history-entry.ts';
import { progressSummary } from '../../core/tutor/progress.ts';
import { isLivePhase, useRevealView, useRunStore } from '../../stores/run-store.ts';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';
import { scrollIntoClearView } from '../../ui/scroll-into-clear-view.ts';
import { revealBarOf } from './reveal-bar.tsx';

export function FinalAnswer() {
  const answer = useRunStore((s) => s.solution.answer);
  const { answerVisible } = useRevealView();
  const live = useRunStore((s) => isLivePhase(s.phase));
  const validated = useRunStore((s) => s.validated);
  const entryId = useRunStore((s) => s.entryId);
  const all = useRunStore((s) => s.reveal.all);
  const ref = useRef<HTMLElement>(null);
  const previous = useRef({ entryId, answerVisible });

  useEffect(() => {
    // The last reveal: the answer is what the student wants to see (and hear), and the "Next step" button they
    // pressed is now disabled, so focus goes to the answer instead of falling to <body>.
    const revealed = entryId === previous.current.entryId && answerVisible && !previous.current.answerVisible && !all;
    previous.current = { entryId, answerVisible };
    const el = ref.current;
    if (!revealed || !el) return;
    el.focus({ preventScroll: true });
    return scrollIntoClearView(el, { bottomBar: revealBarOf(el) });
  }, [entryId, answerVisible, all]);

  if (!answer || !answerVisible) return null;
  return (
    <section className="final-answer" aria-label="Final answer" tabIndex={-1} ref={ref}>
      <h3 className="final-answer__label">Final answer</h3>
      <div className="final-answer__math">
        <TexFormula tex={answer.text} />
      </div>
      {answer.note && answer.note.trim() !== '' && <RichText className="final-answer__note" text={answer.note} />}
      {validated && !live && <SolverCheck validated={validated} />}
      <ProgressSummary />
    </section>
  );
}

/** What the student did on this solution in "Your turn" ("You did 3 of 5 steps yourself, 1 with a hint"). */
function ProgressSummary() {
  const summary = useRunStore((s) => progressSummary(s.tutor, s.solution.steps.length));
  const answeredByStudent = useRunStore((s) => s.tutor.answer === 'self' || s.tutor.answer === 'hint');
  if (summary === null) return null;
  return (
    <p className="final-answer__progress">
      {summary}
      {answeredByStudent ? ', and the final answer.' : '.'}
    </p>
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
