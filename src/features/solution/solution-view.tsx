import { useEffect, useRef } from 'react';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { preloadMathStyles, RichText } from '../../ui/rich-text.tsx';
import { isLivePhase, useRunStore } from '../../stores/run-store.ts';
import { scrollIntoClearView } from '../../ui/scroll-into-clear-view.ts';
import { FinalAnswer } from './final-answer.tsx';
import { RevealAnnouncer } from './reveal-announcer.tsx';
import { RevealBar } from './reveal-bar.tsx';
import { RunError } from './run-error.tsx';
import { SolutionActions } from './save-to-library.tsx';
import { StatusLine } from './status-line.tsx';
import { StepList } from './step-list.tsx';
import { ThinkingPanel } from './thinking-panel.tsx';
import { useRevealKeys } from './use-reveal-keys.ts';
import { YourTurn } from './your-turn.tsx';

const SOURCE_LABEL = { model: 'Model answer', builtin: 'Built-in solver', paste: 'Pasted answer' } as const;

function Preamble() {
  const text = useRunStore((s) => s.solution.preamble?.text ?? '');
  return text.trim() === '' ? null : <RichText className="preamble" text={text} />;
}

/** The problem, then its steps as they are revealed, then the final answer. */
export function SolutionView() {
  const entryId = useRunStore((s) => s.entryId);
  const problem = useRunStore((s) => s.problem);
  const source = useRunStore((s) => s.source);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const regionRef = useRef<HTMLElement>(null);
  useRevealKeys(entryId !== null);

  useEffect(() => {
    const region = regionRef.current;
    if (entryId === null || !region) return;
    preloadMathStyles();
    // A new or reopened solution may be below the fold (always, on a phone): bring its start into view.
    const cancel = scrollIntoClearView(region, { start: true });
    // Solved from the form (Ctrl+Enter leaves focus in the problem box, where → moves the caret): focus goes to
    // the solution, so → and Space reveal as the welcome card says. Opened from history, focus stays there.
    const active = document.activeElement;
    if (active === null || active === document.body || active.closest('.compose')) region.focus({ preventScroll: true });
    return cancel;
  }, [entryId]);

  if (entryId === null) return <Welcome />;
  return (
    <section className="solution card" aria-label="Solution" aria-busy={live} ref={regionRef} tabIndex={-1}>
      <header className="solution__problem">
        <p className="eyebrow">{SOURCE_LABEL[source]}</p>
        <h2 className="visually-hidden">Problem</h2>
        <RichText className="problem-text" text={problemToMarkdown(problem)} />
      </header>
      <StatusLine />
      <ThinkingPanel />
      <Preamble />
      <StepList />
      <YourTurn />
      <FinalAnswer />
      <RunError />
      <RevealBar />
      <SolutionActions />
    </section>
  );
}

/** The solution, and outside its busy region the announcer of what each reveal uncovers. */
export function SolutionArea() {
  return (
    <>
      <SolutionView />
      <RevealAnnouncer />
    </>
  );
}

function Welcome() {
  return (
    <section className="welcome card" aria-label="How it works">
      <h2>Work through it one step at a time</h2>
      <ol className="welcome__list">
        <li>Type a problem above, or pick an example.</li>
        <li>The tutor writes a worked solution, every equation shown.</li>
        <li>Try each step yourself, then press <kbd>→</kbd> or <strong>Next step</strong> to check it.</li>
      </ol>
      <p className="welcome__note">No model server? The built-in solver handles common algebra and calculus offline, and you can paste an answer from any chatbot.</p>
    </section>
  );
}
