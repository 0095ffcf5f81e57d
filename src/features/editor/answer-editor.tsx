import { useMemo } from 'react';
import { setAnswer } from '../../core/edit/edit-solution.ts';
import type { Answer } from '../../core/solution/solution.ts';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';
import { texError } from './formula-errors.ts';
import type { SolutionEdits } from './use-solution-edits.ts';

/** The final answer as LaTeX, typeset beside it; a formula KaTeX refuses is explained, not hidden. */
export function AnswerEditor({ answer, edits }: { answer: Answer | null; edits: Pick<SolutionEdits, 'edit' | 'endTyping'> }) {
  const text = answer?.text ?? '';
  const error = useMemo(() => texError(text), [text]);
  return (
    <section className="card editor-answer" aria-labelledby="editor-answer-label">
      <div className="editor-step__fields">
        <label id="editor-answer-label" className="editor-step__label" htmlFor="editor-answer">
          Final answer
        </label>
        <input
          id="editor-answer"
          className="input editor-answer__input"
          type="text"
          value={text}
          placeholder="LaTeX, e.g. x = 4"
          spellCheck={false}
          aria-describedby="editor-answer-help"
          aria-invalid={error !== null || undefined}
          onChange={(e) => edits.edit((s) => setAnswer(s, e.target.value), 'answer')}
          onBlur={edits.endTyping}
        />
        <p id="editor-answer-help" className="editor-answer__help">
          LaTeX without $ signs.
        </p>
        {error !== null && (
          <ul className="editor-step__errors" aria-label="Formula errors in the final answer">
            <li>Formula 1: {error}</li>
          </ul>
        )}
      </div>
      <div className="editor-step__preview" role="region" aria-label="Final answer preview">
        {text.trim() === '' ? <p className="editor-answer__empty">No final answer.</p> : <TexFormula tex={text} />}
        {answer?.note && answer.note.trim() !== '' && <RichText className="editor-answer__note" text={answer.note} />}
      </div>
    </section>
  );
}
