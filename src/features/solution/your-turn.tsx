import { useDeferredValue, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { hintLevel } from '../../core/tutor/progress.ts';
import { isLivePhase, useRevealView, useRunStore } from '../../stores/run-store.ts';
import { checkStudentLine, dismissAsking, nextHint, policyOf, showNext, useTutorStore } from '../../stores/tutor-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { policyLabel } from '../../ui/reveal-policy-select.tsx';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';
import './your-turn.css';

/**
 * "Your turn", under the last revealed step while something is still hidden: the student writes the next line
 * (plain text or LaTeX, previewed as typed), Check (Enter) has the engine judge it, Hint gives what to do, then
 * the shape of the result, then the step itself.
 */
export function YourTurn() {
  const view = useRevealView();
  const live = useRunStore((s) => isLivePhase(s.phase));
  const entryId = useRunStore((s) => s.entryId);
  const open = entryId !== null && (view.next === 'step' || view.next === 'answer' || (live && view.next === 'wait'));
  return (
    <>
      {/* Above the box: right under the step a correct line just uncovered, and in view of the line it judges. */}
      <Verdict />
      {open && (
        // A new box per solution and per step, so a line typed for one step never lingers on the next.
        <YourTurnBox key={`${entryId}:${view.visibleSteps}:${view.next}`} step={view.visibleSteps} forAnswer={view.next === 'answer'} waiting={view.next === 'wait'} />
      )}
    </>
  );
}

/**
 * The last verdict, in a status region that stays on the page (also once the answer is shown), so every
 * verdict is announced: it starts with "Correct", "Not quite" or "Can't check".
 */
function Verdict() {
  const verdict = useTutorStore((s) => s.verdict);
  const checking = useTutorStore((s) => s.checking);
  return (
    <div role="status" aria-label="Check result" className={`your-turn__verdict${verdict && !checking ? ` your-turn__verdict--${verdict.kind}` : ''}`}>
      {checking ? 'Checking…' : verdict ? <RichText text={verdict.message} /> : null}
    </div>
  );
}

function YourTurnBox({ step, forAnswer, waiting }: { step: number; forAnswer: boolean; waiting: boolean }) {
  const [line, setLine] = useState('');
  const preview = useDeferredValue(line);
  const ids = { input: useId(), hint: useId() };
  const checking = useTutorStore((s) => s.checking);
  const asking = useTutorStore((s) => s.asking);
  const shownHints = useTutorStore((s) => (s.hints?.step === step ? s.hints : null));
  const hints = shownHints?.hints ?? null;
  const level = useRunStore((s) => hintLevel(s.tutor, step));
  const tryFirst = useSettingsStore((s) => s.tryFirst);
  const policy = useRunStore((s) => policyOf(s, tryFirst));
  const teacherPolicy = useRunStore((s) => s.policy);

  const check = () => {
    if (line.trim() === '' || checking || waiting) return;
    void checkStudentLine(line);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    check();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Arrow keys and Space belong to the caret here, not to "Next step".
    e.stopPropagation();
    if (e.key === 'Escape' && asking !== null) dismissAsking();
  };

  const what = forAnswer ? 'the final answer' : `step ${step + 1}`;
  const nextHintText =
    level === 0
      ? 'Hint: what to do.'
      : level === 1
        ? 'Next hint: what the result looks like.'
        : policy === 'hints-only' && !forAnswer
          ? 'No more hints for this one.'
          : `Next hint: ${what} itself.`;

  return (
    <form className="your-turn" aria-labelledby={`${ids.input}-title`} onSubmit={onSubmit}>
      <h3 className="your-turn__title" id={`${ids.input}-title`}>
        Your turn: {forAnswer ? 'write the final answer' : `write step ${step + 1}`}
      </h3>
      <label className="visually-hidden" htmlFor={ids.input}>
        Your next step
      </label>
      <div className="your-turn__row">
        <input
          id={ids.input}
          className="input your-turn__input"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={forAnswer ? 'e.g. x = 4' : 'e.g. 2x = 8  (plain text or LaTeX)'}
          aria-describedby={ids.hint}
          disabled={waiting}
        />
        <button type="submit" className="button button--primary" disabled={line.trim() === '' || checking || waiting}>
          Check
        </button>
        <button type="button" className="button" onClick={() => void nextHint()} disabled={waiting} title={nextHintText}>
          Hint
        </button>
      </div>
      <p id={ids.hint} className="field-hint">
        {waiting ? `Step ${step + 1} is still being written…` : `An equation, an expression or a value; Enter checks it. ${nextHintText}`}
      </p>
      {preview.trim() !== '' && (
        <div className="your-turn__preview" aria-label="Preview of your line" role="group">
          <RichText text={problemToMarkdown(preview)} />
        </div>
      )}
      {hints && level > 0 && (
        <ol className="your-turn__hints" aria-label="Hints">
          <li aria-busy={shownHints?.streaming === true}>
            <span className="your-turn__hint-label">Hint 1 · what to do{shownHints?.from === 'model' ? ' (from the model)' : ''}</span>
            {hints.rule === '' ? <p className="field-hint">Asking the model for a hint…</p> : <RichText text={hints.rule} />}
            {shownHints?.note && <p className="field-hint">{shownHints.note}</p>}
          </li>
          {level > 1 && (
            <li>
              <span className="your-turn__hint-label">Hint 2 · the result looks like</span>
              {hints.shape !== null ? (
                <TexFormula tex={hints.shape} />
              ) : shownHints?.streaming ? (
                <p className="field-hint">…</p>
              ) : (
                <p>No shape to show for this one: try the rule above.</p>
              )}
            </li>
          )}
        </ol>
      )}
      {asking === step && (
        <div className="your-turn__ask" role="group" aria-label="Try it first">
          <p>Try it or get a hint first?</p>
          <div className="your-turn__ask-buttons">
            <button type="button" className="button" onClick={() => void nextHint()}>
              Get a hint
            </button>
            <button type="button" className="button" onClick={showNext}>
              Show me anyway
            </button>
          </div>
        </div>
      )}
      {teacherPolicy !== null && <p className="field-hint">Your teacher chose: {policyLabel(teacherPolicy)}.</p>}
    </form>
  );
}
