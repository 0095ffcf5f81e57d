import { useEffect, useRef } from 'react';
import { viewReveal } from '../../core/reveal/reveal.ts';
import { isLivePhase, useRunStore } from '../../stores/run-store.ts';
import { StepCard } from './step-card.tsx';

export function StepList() {
  const steps = useRunStore((s) => s.solution.steps);
  const solution = useRunStore((s) => s.solution);
  const reveal = useRunStore((s) => s.reveal);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const view = viewReveal(reveal, solution, !live);
  const listRef = useRef<HTMLOListElement>(null);
  const previous = useRef(view.visibleSteps);

  useEffect(() => {
    // Bring a step revealed one at a time into view; "Reveal all" and streaming leave the scroll alone.
    const revealedOne = view.visibleSteps === previous.current + 1 && !reveal.all;
    previous.current = view.visibleSteps;
    if (!revealedOne) return;
    const last = listRef.current?.lastElementChild;
    if (last && 'scrollIntoView' in last) last.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [view.visibleSteps, reveal.all]);

  if (view.visibleSteps === 0) return null;
  return (
    <ol className="steps" ref={listRef} aria-label="Steps">
      {steps.slice(0, view.visibleSteps).map((step, i) => (
        <StepCard
          key={i}
          step={step}
          index={i}
          collapsed={reveal.collapsed.includes(i)}
          writing={live && !step.complete}
        />
      ))}
    </ol>
  );
}
