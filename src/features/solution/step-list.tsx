import { memo, useEffect, useRef } from 'react';
import { isLivePhase, useRevealView, useRunStore } from '../../stores/run-store.ts';
import { scrollIntoClearView } from '../../ui/scroll-into-clear-view.ts';
import { BUILD_AT_ONCE, StepChunk, stepSlots } from './step-chunk.tsx';
import { revealBarOf } from './reveal-bar.tsx';
import { StepCard } from './step-card.tsx';
import { WritingStepCard } from './writing-step-card.tsx';

/** A finished step, reading its own step from the store so that the list need not render for it. */
function DoneStep({ index, collapsed }: { index: number; collapsed: boolean }) {
  const step = useRunStore((s) => s.solution.steps[index]);
  return step ? <StepCard step={step} index={index} collapsed={collapsed} /> : null;
}

/**
 * One step. While an answer streams, nothing here renders per frame: finished steps keep their step object,
 * and the step being written paints its own text — the list renders when a step is added or revealed.
 */
const StepItem = memo(function StepItem({ index, collapsed }: { index: number; collapsed: boolean }) {
  const writing = useRunStore((s) => isLivePhase(s.phase) && s.solution.steps[index]?.complete === false);
  return writing ? <WritingStepCard index={index} collapsed={collapsed} /> : <DoneStep index={index} collapsed={collapsed} />;
});

export function StepList() {
  const { visibleSteps } = useRevealView();
  const all = useRunStore((s) => s.reveal.all);
  const collapsed = useRunStore((s) => s.reveal.collapsed);
  const entryId = useRunStore((s) => s.entryId);
  const listRef = useRef<HTMLOListElement>(null);
  const previous = useRef({ entryId, visibleSteps });

  useEffect(() => {
    // Bring a step revealed one at a time into view, clear of the sticky bars; "Reveal all", streaming and
    // opening another solution leave the scroll alone.
    const revealedOne = entryId === previous.current.entryId && visibleSteps === previous.current.visibleSteps + 1 && !all;
    previous.current = { entryId, visibleSteps };
    const last = listRef.current?.lastElementChild;
    if (!revealedOne || !last) return;
    return scrollIntoClearView(last, { bottomBar: revealBarOf(last) });
  }, [visibleSteps, all, entryId]);

  if (visibleSteps === 0) return null;
  return (
    <ol className={`steps${all && visibleSteps > BUILD_AT_ONCE ? ' steps--bulk' : ''}`} ref={listRef} aria-label="Steps">
      {stepSlots(visibleSteps).map((slot) =>
        slot.kind === 'step' ? (
          <StepItem key={slot.index} index={slot.index} collapsed={collapsed.includes(slot.index)} />
        ) : (
          <StepChunk key={`chunk-${slot.start}`} start={slot.start} end={slot.end}>
            {(i) => <StepItem key={i} index={i} collapsed={collapsed.includes(i)} />}
          </StepChunk>
        ),
      )}
    </ol>
  );
}
