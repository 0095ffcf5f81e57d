import { useDeferredValue, useId, type FormEvent, type KeyboardEvent } from 'react';
import { setDraft, useDraftStore } from '../../stores/draft-store.ts';
import { openSettings } from '../../stores/layout-store.ts';
import { solve } from '../../stores/run-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { RichText } from '../../ui/rich-text.tsx';
import { examplesFor } from './example-problems.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The problem box with a typeset preview, examples, and "Solve" (also Ctrl/Cmd+Enter). */
export function AskForm() {
  const problem = useDraftStore((s) => s.problem);
  const solver = useSettingsStore((s) => s.solver);
  const model = useSettingsStore((s) => s.model);
  // Typing stays instant; the preview catches up when React has time.
  const preview = useDeferredValue(problem);
  const hintId = useId();
  const empty = problem.trim() === '';

  const submit = () => {
    if (!empty) void solve(problem);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form className="ask" onSubmit={onSubmit}>
      <label className="field-label" htmlFor="problem">
        Problem
      </label>
      <textarea
        id="problem"
        className="textarea ask__input"
        value={problem}
        onChange={(e) => setDraft({ problem: e.target.value })}
        onKeyDown={onKeyDown}
        rows={3}
        placeholder="e.g. Solve $x^2 - 5x + 6 = 0$, or paste a problem from your homework"
        aria-describedby={hintId}
        spellCheck
      />
      <p id={hintId} className="field-hint">
        LaTeX allowed: <code>$x^2$</code> or <code>\(x^2\)</code> inline, <code>$$…$$</code> on its own line.{' '}
        <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd> solves.
      </p>
      {preview.trim() !== '' && (
        <div className="ask__preview" aria-label="Preview" role="group">
          <RichText text={problemToMarkdown(preview)} />
        </div>
      )}
      <div className="ask__examples" role="group" aria-label="Examples">
        <span className="ask__examples-label">Try:</span>
        {examplesFor(solver).map((ex) => (
          <button key={ex.label} type="button" className="chip" onClick={() => setDraft({ problem: ex.problem })} title={ex.problem}>
            {ex.label}
          </button>
        ))}
      </div>
      <div className="ask__actions">
        <button type="submit" className="button button--primary button--large" disabled={empty}>
          Solve
        </button>
        <span className="ask__solver">
          with{' '}
          <button type="button" className="link-button" onClick={openSettings}>
            {solver === 'builtin' ? 'the built-in solver' : model.trim() || 'a model (not chosen yet)'}
          </button>
        </span>
      </div>
    </form>
  );
}
