import { useMemo } from 'react';
import { useRunStore } from '../../stores/run-store.ts';
import { StreamingRichText, type TextSource } from '../../ui/rich-text.tsx';
import { StepShell } from './step-card.tsx';

/**
 * The step being written. Its body reads the store itself (StreamingRichText), so this component renders only
 * when the title appears or changes, not on every streamed frame.
 */
export function WritingStepCard({ index, collapsed }: { index: number; collapsed: boolean }) {
  const title = useRunStore((s) => s.solution.steps[index]?.title ?? '');
  const empty = useRunStore((s) => {
    const step = s.solution.steps[index];
    return !step || (!/\S/.test(step.body) && !step.pending);
  });
  const source = useMemo<TextSource>(
    () => ({
      get: () => {
        const step = useRunStore.getState().solution.steps[index];
        return { text: step?.body ?? '', pending: step?.pending ?? '' };
      },
      subscribe: (listener) => useRunStore.subscribe(listener),
    }),
    [index],
  );
  return (
    <StepShell index={index} title={title} collapsed={collapsed} writing>
      {empty ? <p className="step__pending">…</p> : <StreamingRichText source={source} pendingClassName="step__source" />}
    </StepShell>
  );
}
