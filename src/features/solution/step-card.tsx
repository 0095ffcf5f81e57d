import { memo, useId } from 'react';
import type { Step } from '../../core/solution/solution.ts';
import { toggleStep } from '../../stores/run-store.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import { RichText } from '../../ui/rich-text.tsx';

interface StepCardProps {
  step: Step;
  index: number;
  collapsed: boolean;
  /** The step is still arriving. */
  writing: boolean;
}

/**
 * One revealed step. Memoised on the step object: the parser keeps completed steps identical between
 * snapshots, so while an answer streams only the step being written renders again.
 */
export const StepCard = memo(function StepCard({ step, index, collapsed, writing }: StepCardProps) {
  const bodyId = useId();
  const empty = step.body.trim() === '';
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
          {step.title !== '' && (
            <span className="step__title">
              <InlineMath text={step.title} />
            </span>
          )}
          <span className="step__chevron" aria-hidden="true" />
        </button>
      </h3>
      <div id={bodyId} className="step__body" hidden={collapsed}>
        {!collapsed && (empty && writing && !step.pending ? <p className="step__pending">…</p> : <RichText text={step.body} />)}
        {!collapsed && writing && step.pending && (
          // Text still arriving (an unfinished formula or line), shown as written until it can be typeset.
          <p className="step__source" aria-hidden="true">
            {step.pending}
          </p>
        )}
      </div>
      {writing && (
        <p className="step__writing" aria-hidden="true">
          writing…
        </p>
      )}
    </li>
  );
});
