/**
 * Says what a reveal uncovered: the step's number, title and text, or the final answer. It sits outside the
 * solution's `aria-busy` region (a screen reader holds back changes inside a busy region until streaming
 * ends) and renders only when there is something new to say, never per streamed frame.
 */
import { useEffect, useState } from 'react';
import { viewReveal } from '../../core/reveal/reveal.ts';
import { isLivePhase, useRunStore, type RunState } from '../../stores/run-store.ts';
import { markdownToSpeech, texToSpeech } from './speech-text.ts';

const viewOf = (s: RunState) => viewReveal(s.reveal, s.solution, !isLivePhase(s.phase));

/** What changed between two states of the same solution, in words; '' when nothing was revealed or hidden. */
export function revealAnnouncement(state: RunState, before: RunState): string {
  if (state.entryId === null || state.entryId !== before.entryId) return '';
  const now = viewOf(state);
  const was = viewOf(before);
  const { steps, answer } = state.solution;
  if (state.reveal.all && !before.reveal.all) {
    return `All ${now.totalSteps} ${now.totalSteps === 1 ? 'step' : 'steps'}${now.answerVisible ? ' and the final answer' : ''} shown.`;
  }
  if (now.visibleSteps === 0 && !now.answerVisible && (was.visibleSteps > 0 || was.answerVisible)) return 'Steps hidden.';
  if (state.reveal.all) return '';
  if (now.answerVisible && !was.answerVisible && answer) {
    const note = answer.note?.trim() ? ` ${markdownToSpeech(answer.note)}` : '';
    return `Final answer: ${texToSpeech(answer.text)}.${note}`;
  }
  if (now.visibleSteps === was.visibleSteps + 1) {
    const step = steps[now.visibleSteps - 1];
    if (!step) return '';
    const title = step.title.trim() === '' ? '' : ` ${markdownToSpeech(step.title)}.`;
    const soFar = isLivePhase(state.phase) ? ' so far' : '';
    return `Step ${now.visibleSteps} of ${now.totalSteps}${soFar}.${title} ${markdownToSpeech(step.body)}`.trim();
  }
  return '';
}

export function RevealAnnouncer() {
  // `count` makes a repeated message (hide, then reveal the same step) a new node, which is announced again.
  const [message, setMessage] = useState({ text: '', count: 0 });
  useEffect(
    () =>
      useRunStore.subscribe((state, before) => {
        if (state.reveal === before.reveal && state.entryId === before.entryId) return;
        if (state.entryId !== before.entryId) return setMessage((m) => ({ text: '', count: m.count }));
        const text = revealAnnouncement(state, before);
        if (text !== '') setMessage((m) => ({ text, count: m.count + 1 }));
      }),
    [],
  );
  return (
    <div className="visually-hidden reveal-announcer" aria-live="polite" aria-atomic="true">
      {message.text !== '' && <p key={message.count}>{message.text}</p>}
    </div>
  );
}
