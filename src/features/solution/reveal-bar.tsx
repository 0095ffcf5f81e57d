import { useEffect, useRef } from 'react';
import { hideAll, isLivePhase, useRevealView, useRunStore } from '../../stores/run-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { mayShow, tutorNextStep, tutorRevealAll } from '../../stores/tutor-store.ts';

/** The reveal bar of the solution `el` is in: what a scrolled-to step must stay clear of. */
export const revealBarOf = (el: Element): Element | null => el.closest('.solution')?.querySelector('.reveal-bar') ?? null;

/**
 * A bar button that disables itself when pressed (Next step after the last step, Reveal all, Hide all) would
 * drop keyboard focus to <body>; it moves to the next button that still does something instead (the final
 * answer, when it was just revealed, takes focus itself).
 */
function useFocusKeeper() {
  const barRef = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (!pressed.current) return;
    pressed.current = false;
    const bar = barRef.current;
    const active = document.activeElement;
    const lost = active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled);
    if (!bar || !lost) return;
    const target = [...bar.querySelectorAll('button')].find((b) => !b.disabled) ?? bar.closest<HTMLElement>('.solution');
    target?.focus({ preventScroll: true });
  });
  const press = (action: () => void) => () => {
    pressed.current = barRef.current?.contains(document.activeElement) ?? false;
    action();
  };
  return { barRef, press };
}

/** "Next step", "Reveal all", "Hide all" and the "Step k of n" progress. */
export function RevealBar() {
  const hasAnswer = useRunStore((s) => s.solution.answer !== null);
  const all = useRunStore((s) => s.reveal.all);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const view = useRevealView();
  const tryFirst = useSettingsStore((s) => s.tryFirst);
  // A teacher's "hints only, answer at the end": steps are the student's to write; only the answer is shown.
  const locked = !useRunStore((s) => mayShow(s, view.next === 'answer' ? 'answer' : 'step', tryFirst));
  const { barRef, press } = useFocusKeeper();
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
    <div className="reveal-bar" role="group" aria-label="Reveal steps" ref={barRef}>
      <div className="reveal-bar__progress">
        {/* Not a live region: the reveal announcer says the step itself, outside the busy solution. */}
        <p className="reveal-bar__count">{progress}</p>
        <progress max={Math.max(totalItems, 1)} value={shownItems} aria-hidden="true" />
        {nextHint !== '' && <p className="reveal-bar__hint">{nextHint}</p>}
      </div>
      <div className="reveal-bar__buttons">
        <button type="button" className="button button--primary" onClick={press(tutorNextStep)} disabled={!view.canNext || locked} aria-keyshortcuts="ArrowRight Space">
          Next step <kbd aria-hidden="true">→</kbd>
        </button>
        <button type="button" className="button" onClick={press(tutorRevealAll)} disabled={all || view.complete || locked}>
          Reveal all
        </button>
        <button type="button" className="button" onClick={press(hideAll)} disabled={shownItems === 0 && !all}>
          Hide all
        </button>
      </div>
    </div>
  );
}
