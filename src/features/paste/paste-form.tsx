import { useState, type FormEvent } from 'react';
import { setDraft, useDraftStore } from '../../stores/draft-store.ts';
import { showPasted } from '../../stores/run-store.ts';

/** Any model's answer, pasted with its problem, becomes the same step-by-step view and history entry. */
export function PasteForm() {
  const problem = useDraftStore((s) => s.pasteProblem);
  const answer = useDraftStore((s) => s.pasteAnswer);
  const [problemMissing, setProblemMissing] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (answer.trim() === '') return;
    if (problem.trim() === '') {
      setProblemMissing(true);
      return;
    }
    setProblemMissing(false);
    // The fields stay as they are: the student may fix a line of the answer and show it again.
    void showPasted(problem, answer);
  };

  return (
    <form className="paste" onSubmit={onSubmit}>
      <p className="paste__intro">
        Got an answer from ChatGPT or another chatbot? Paste it with its problem to go through it one step at a time.
        Nothing is sent anywhere.
      </p>
      <label className="field-label" htmlFor="paste-problem">
        Problem
      </label>
      <textarea
        id="paste-problem"
        className="textarea"
        rows={2}
        value={problem}
        onChange={(e) => {
          setDraft({ pasteProblem: e.target.value });
          if (e.target.value.trim() !== '') setProblemMissing(false);
        }}
        aria-invalid={problemMissing}
        aria-describedby={problemMissing ? 'paste-problem-error' : undefined}
      />
      {problemMissing && (
        <p id="paste-problem-error" className="field-error" role="alert">
          Add the problem too, so the answer is saved with it.
        </p>
      )}
      <label className="field-label" htmlFor="paste-answer">
        Model's answer
      </label>
      <textarea
        id="paste-answer"
        className="textarea paste__answer"
        rows={8}
        value={answer}
        onChange={(e) => setDraft({ pasteAnswer: e.target.value })}
        placeholder="Paste the whole answer here, with its steps and math as copied."
      />
      <div className="ask__actions">
        <button type="submit" className="button button--primary button--large" disabled={answer.trim() === ''}>
          Show steps
        </button>
      </div>
    </form>
  );
}
