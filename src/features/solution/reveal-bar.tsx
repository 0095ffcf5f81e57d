import { hideAll, isLivePhase, nextStep, revealAll, useRevealView, useRunStore } from '../../stores/run-store.ts';

/** "Next step", "Reveal all", "Hide all" and the "Step k of n" progress. */
export function RevealBar() {
  const hasAnswer = useRunStore((s) => s.solution.answer !== null);
  const all = useRunStore((s) => s.reveal.all);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const view = useRevealView();
  const total = view.totalSteps;
  if (total === 0 && !hasAnswer) return null;

  const progress =
    view.visibleSteps === 0
      ? `${total} ${total === 1 ? 'step' : 'steps'}${live ? ' so far' : ''} — try the first one yourself`
      : `Step ${view.visibleSteps} of ${total}${live ? ' so far' : ''}${view.answerVisible ? ' · answer shown' : ''}`;
  const nextHint =
    view.next === 'answer'
      ? 'Next: the final answer'
      : view.next === 'wait'
        ? live
          ? `Step ${Math.min(view.visibleSteps + 1, Math.max(total, 1))} is still being written…`
          : ''
        : view.next === 'none' && view.complete
          ? 'All revealed'
          : '';
  const shownItems = view.visibleSteps + (view.answerVisible ? 1 : 0);
  const totalItems = total + (hasAnswer ? 1 : 0);

  return (
    <div className="reveal-bar" role="group" aria-label="Reveal steps">
      <div className="reveal-bar__progress">
        <p className="reveal-bar__count" aria-live="polite">
          {progress}
        </p>
        <progress max={Math.max(totalItems, 1)} value={shownItems} aria-hidden="true" />
        {nextHint !== '' && <p className="reveal-bar__hint">{nextHint}</p>}
      </div>
      <div className="reveal-bar__buttons">
        <button type="button" className="button button--primary" onClick={nextStep} disabled={!view.canNext} aria-keyshortcuts="ArrowRight Space">
          Next step <kbd aria-hidden="true">→</kbd>
        </button>
        <button type="button" className="button" onClick={revealAll} disabled={all || view.complete}>
          Reveal all
        </button>
        <button type="button" className="button" onClick={hideAll} disabled={shownItems === 0 && !all}>
          Hide all
        </button>
      </div>
    </div>
  );
}
