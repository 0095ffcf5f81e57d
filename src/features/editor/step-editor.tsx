import { useMemo, useRef } from 'react';
import { addStep, deleteStep, mergeWithNext, moveStep, setStepBody, setStepTitle, splitStep } from '../../core/edit/edit-solution.ts';
import type { Step } from '../../core/solution/solution.ts';
import { openSettings } from '../../stores/layout-store.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import { RichText } from '../../ui/rich-text.tsx';
import { bodyFormulaErrors } from './formula-errors.ts';
import type { Regeneration } from './use-regenerate.ts';
import type { SolutionEdits } from './use-solution-edits.ts';

/** The settings panel opens at the top of the page; bring it into view. */
function showSettings() {
  openSettings();
  window.scrollTo({ top: 0, behavior: 'smooth' });
}

interface StepEditorProps {
  step: Step;
  index: number;
  count: number;
  edits: Pick<SolutionEdits, 'edit' | 'endTyping'>;
  regen: Regeneration;
}

/** One step: title and body fields, a live preview, formula errors, and the step's actions. */
export function StepEditor({ step, index, count, edits, regen }: StepEditorProps) {
  const k = index + 1;
  const body = useRef<HTMLTextAreaElement>(null);
  const errors = useMemo(() => bodyFormulaErrors(step.body), [step.body]);
  const { edit, endTyping } = edits;
  const regenerating = regen.running === index;
  // While a step is regenerated, steps keep their places so the reply lands on the right one.
  const locked = regen.running !== null;
  const failure = regen.failure?.index === index ? regen.failure.error : null;
  const titleId = `step-${k}-title`;
  const bodyId = `step-${k}-body`;
  const errorsId = `step-${k}-errors`;

  const split = () => {
    const cursor = body.current?.selectionStart ?? step.body.length;
    edit((s) => splitStep(s, index, cursor));
  };

  return (
    <li className="card editor-step" aria-label={`Step ${k}`} aria-busy={regenerating}>
      <div className="editor-step__fields">
        <label className="editor-step__label" htmlFor={titleId}>
          Step {k} title
        </label>
        <input
          id={titleId}
          className="input editor-step__title"
          type="text"
          value={step.title}
          readOnly={regenerating}
          onChange={(e) => edit((s) => setStepTitle(s, index, e.target.value), `title:${index}`)}
          onBlur={endTyping}
        />
        <label className="editor-step__label" htmlFor={bodyId}>
          Step {k} body
        </label>
        <textarea
          id={bodyId}
          ref={body}
          className="textarea editor-step__body"
          rows={Math.min(14, Math.max(4, step.body.split('\n').length + 1))}
          value={step.body}
          readOnly={regenerating}
          spellCheck
          aria-describedby={errors.length > 0 ? errorsId : undefined}
          aria-invalid={errors.length > 0 || undefined}
          onChange={(e) => edit((s) => setStepBody(s, index, e.target.value), `body:${index}`)}
          onBlur={endTyping}
        />
        {errors.length > 0 && (
          <ul id={errorsId} className="editor-step__errors" aria-label={`Formula errors in step ${k}`}>
            {errors.map((e) => (
              <li key={e.n}>
                Formula {e.n}: {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="editor-step__preview" role="region" aria-label={`Step ${k} preview`}>
        <p className="editor-step__preview-title">
          Step {k}
          {step.title.trim() !== '' && (
            <span>
              : <InlineMath text={step.title} />
            </span>
          )}
        </p>
        <RichText text={step.body} />
      </div>
      {regenerating && (
        <div className="editor-step__running" role="status">
          Regenerating…{' '}
          <button type="button" className="button button--ghost" onClick={regen.cancel}>
            Cancel
          </button>
        </div>
      )}
      {failure && (
        <div className="notice notice--error editor-step__failure" role="alert">
          <p className="notice__message">{failure.message}</p>
          <p className="notice__hint">{failure.hint}</p>
          <div className="notice__actions">
            {failure.needsSettings && (
              <button type="button" className="button" onClick={showSettings}>
                Open settings
              </button>
            )}
            <button type="button" className="button button--ghost" onClick={regen.dismiss}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      <div className="editor-step__actions" role="group" aria-label={`Step ${k} actions`}>
        <button type="button" className="button button--ghost" aria-label={`Move step ${k} up`} disabled={locked || index === 0} onClick={() => edit((s) => moveStep(s, index, -1))}>
          ↑ Up
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Move step ${k} down`}
          disabled={locked || index === count - 1}
          onClick={() => edit((s) => moveStep(s, index, 1))}
        >
          ↓ Down
        </button>
        {/* Short labels, each a part of its button's name (WCAG 2.5.3: say what you see); the title explains. */}
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Split step ${k} at cursor`}
          title="Split this step where the cursor is in its text"
          disabled={locked}
          onClick={split}
        >
          Split
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Merge step ${k} with next`}
          title="Merge this step with the next one"
          disabled={locked || index === count - 1}
          onClick={() => edit((s) => mergeWithNext(s, index))}
        >
          Merge
        </button>
        <button type="button" className="button button--ghost" aria-label={`Add step after step ${k}`} disabled={locked} onClick={() => edit((s) => addStep(s, index))}>
          + Add step after
        </button>
        <button type="button" className="button button--ghost" aria-label={`Regenerate step ${k}`} disabled={locked} onClick={() => regen.start(index)}>
          ↻ Regenerate
        </button>
        <button type="button" className="button button--ghost editor-step__delete" aria-label={`Delete step ${k}`} disabled={locked} onClick={() => edit((s) => deleteStep(s, index))}>
          Delete
        </button>
      </div>
    </li>
  );
}
