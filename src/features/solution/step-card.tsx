import { memo, useId, type ReactNode } from 'react';
import type { Step } from '../../core/solution/solution.ts';
import type { StepOutcome } from '../../core/tutor/progress.ts';
import { toggleStep, useRunStore } from '../../stores/run-store.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import { RichText } from '../../ui/rich-text.tsx';
import { CopyLatexButton } from './copy-latex-button.tsx';

interface StepShellProps {
  index: number;
  title: string;
  collapsed: boolean;
  /** The step is still arriving. */
  writing: boolean;
  /** The body, rendered only while the step is expanded. */
  children: ReactNode;
}

const OUTCOME_TEXT: Record<StepOutcome, string> = {
  self: 'Done by you',
  hint: 'Done by you, with a hint',
  tried: 'Shown after you tried',
  revealed: '',
};

/** How the student got this step in "Your turn" (read from the store, so the card itself does not render again). */
function StepOutcomeNote({ index }: { index: number }) {
  const outcome = useRunStore((s) => s.tutor.outcomes[index] ?? null);
  if (outcome === null || OUTCOME_TEXT[outcome] === '') return null;
  return (
    <p className={`step__outcome step__outcome--${outcome}`}>
      {outcome === 'self' || outcome === 'hint' ? <span aria-hidden="true">✓ </span> : null}
      {OUTCOME_TEXT[outcome]}
    </p>
  );
}

/** A revealed step's frame: the heading that collapses and expands it, and its body. */
export function StepShell({ index, title, collapsed, writing, children }: StepShellProps) {
  const bodyId = useId();
  return (
    <li className={`step${collapsed ? ' step--collapsed' : ''}${writing ? ' step--writing' : ''}`}>
      <h3 className="step__heading">
        <button
          type="button"
          className="step__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => toggleStep(index)}
        >
          <span className="step__number">Step {index + 1}</span>
          {title !== '' && (
            <span className="step__title">
              <InlineMath text={title} />
            </span>
          )}
          <span className="step__chevron" aria-hidden="true" />
        </button>
      </h3>
      <StepOutcomeNote index={index} />
      <div id={bodyId} className="step__body" hidden={collapsed}>
        {!collapsed && children}
      </div>
      {writing && (
        <p className="step__writing" aria-hidden="true">
          writing…
        </p>
      )}
    </li>
  );
}

/**
 * A step that is no longer being written. Memoised on the step object: the parser keeps completed steps
 * identical between snapshots, so a finished step renders once.
 */
export const StepCard = memo(function StepCard({ step, index, collapsed }: { step: Step; index: number; collapsed: boolean }) {
  return (
    <StepShell index={index} title={step.title} collapsed={collapsed} writing={false}>
      <RichText text={step.body} />
      <CopyLatexButton step={step} index={index} />
    </StepShell>
  );
});
