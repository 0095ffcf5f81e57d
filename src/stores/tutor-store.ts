/**
 * "Your turn": the student writes the next line, the engine checks it, hints come before the reveal. The
 * student's progress lives with the solution in the run store (and so in history); this store holds what is
 * on screen only for now: the last verdict, the hints shown, the "try it first?" question.
 *
 * The engine is the built-in solver's code, loaded on the first check or hint: never while an answer streams
 * in, so nothing here delays a first token.
 */
import { create } from 'zustand';
import { revealAll as revealAllState, revealNext, viewReveal, type RevealState } from '../core/reveal/reveal.ts';
import type { Solution } from '../core/solution/solution.ts';
import {
  hintLevel,
  recordAnswer,
  recordAsked,
  recordAttempt,
  recordDone,
  recordHint,
  recordModelHints,
  recordShown,
  shouldAskFirst,
  type RevealPolicy,
} from '../core/tutor/progress.ts';
import { readHintReply } from '../core/prompt/hint-prompt.ts';
import type { LineVerdict, StepHints, TutorChain } from '../core/tutor/types.ts';
import { getSettings } from './settings-store.ts';
import { commitTutor, isLivePhase, useRunStore, type RunState } from './run-store.ts';

export interface TutorView {
  /** The solution these belong to; anything else on screen is stale. */
  entryId: string | null;
  verdict: { kind: LineVerdict['kind']; message: string; step: number } | null;
  checking: boolean;
  /** The step "Next step" asked about: "Try it or get a hint first?". */
  asking: number | null;
  /** The hints of the step they were asked for (the engine's, or a model's, perhaps still arriving). */
  hints: { step: number; hints: StepHints; from: 'engine' | 'model'; streaming?: boolean; note?: string } | null;
}

const blank = (entryId: string | null): TutorView => ({ entryId, verdict: null, checking: false, asking: null, hints: null });

export const useTutorStore = create<TutorView>()(() => blank(null));

/** The view for the solution on screen: a fresh one whenever another solution is shown. */
function current(): TutorView {
  const id = useRunStore.getState().entryId;
  const view = useTutorStore.getState();
  if (view.entryId === id) return view;
  const fresh = blank(id);
  useTutorStore.setState(fresh, true);
  return fresh;
}

useRunStore.subscribe((s, before) => {
  if (s.entryId !== before.entryId) useTutorStore.setState(blank(s.entryId), true);
});

export function policyOf(s: Pick<RunState, 'policy'>, tryFirst = getSettings().tryFirst): RevealPolicy {
  return s.policy ?? (tryFirst ? 'try-first' : 'free');
}

type Engine = typeof import('../services/solver/index.ts');
let engine: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> => (engine ??= import('../services/solver/index.ts'));

/** One chain per solution object: the parser keeps finished solutions identical, so this is computed once. */
const chains = new WeakMap<Solution, TutorChain>();
function chainOf(e: Engine, problem: string, solution: Solution): TutorChain {
  let chain = chains.get(solution);
  if (!chain) {
    chain = e.tutorChain(problem, solution);
    chains.set(solution, chain);
  }
  return chain;
}

/** Where the student is: steps done or shown, and whether the next hidden item is a step or the answer. */
function position(s: RunState): { done: number; total: number; next: 'step' | 'answer' | 'none' } {
  const view = viewReveal(s.reveal, s.solution, !isLivePhase(s.phase));
  const next = view.next === 'step' || view.next === 'answer' ? view.next : 'none';
  return { done: view.visibleSteps, total: view.totalSteps, next };
}

/** A reveal state showing `items` items (steps, then the answer). */
const showing = (r: RevealState, items: number): RevealState => (r.shown >= items ? r : { ...r, shown: items });

/** Checks the student's line against the hidden next step, later steps, the current state and the answer. */
export async function checkStudentLine(line: string): Promise<void> {
  const text = line.trim();
  const start = useRunStore.getState();
  const id = start.entryId;
  if (id === null || text === '') return;
  const { done, next } = position(start);
  if (next === 'none') return;
  useTutorStore.setState({ ...current(), checking: true, asking: null });
  let verdict: LineVerdict;
  try {
    const e = await loadEngine();
    verdict = e.checkLine(chainOf(e, start.problem, start.solution), done, text);
  } catch {
    verdict = { kind: 'unknown', message: "Can't check this line right now: the checker could not be loaded. Try a hint, or show the step." };
  }
  const s = useRunStore.getState();
  if (s.entryId !== id) return;
  const total = s.solution.steps.length;
  let tutor = recordAttempt(s.tutor, done);
  let reveal: RevealState | undefined;
  if (verdict.kind === 'next' || verdict.kind === 'skipped') {
    tutor = recordDone(tutor, done, verdict.step);
    reveal = showing(s.reveal, verdict.step + 1);
  } else if (verdict.kind === 'final') {
    tutor = recordAnswer(recordDone(tutor, done, total - 1), true, total);
    reveal = showing(s.reveal, total + 1);
  }
  commitTutor(id, tutor, reveal);
  useTutorStore.setState({ ...current(), checking: false, verdict: { kind: verdict.kind, message: verdict.message, step: done } });
}

/**
 * One more hint on the next hidden step: what to do, then the shape of the result; the third press shows the
 * step (it counts as shown after trying). A model's solution gets its hints from the model when one is set up
 * (one short streamed request per step, saved with the solution); otherwise from the step itself.
 */
export async function nextHint(): Promise<void> {
  const s = useRunStore.getState();
  const id = s.entryId;
  if (id === null) return;
  const { done, next } = position(s);
  if (next === 'none') return;
  const level = hintLevel(s.tutor, done);
  if (level >= 2) {
    if (mayShow(s, next)) showNext();
    return;
  }
  if (useTutorStore.getState().hints?.streaming) return;
  if (level === 0 && asksModel(s, done)) {
    commitTutor(id, recordHint(s.tutor, done));
    await modelHint(id, done);
    return;
  }
  const hints = await hintsFor(done);
  if (useRunStore.getState().entryId !== id || hints === null) return;
  commitTutor(id, recordHint(useRunStore.getState().tutor, done));
  const shown = current().hints;
  if (shown?.step === done) useTutorStore.setState({ ...current(), asking: null });
  else useTutorStore.setState({ ...current(), asking: null, hints: { step: done, hints, from: 'engine' } });
}

/** A model's (or a pasted) solution, with a model set up and no saved hint for this step yet. */
function asksModel(s: RunState, index: number): boolean {
  const settings = getSettings();
  return s.source !== 'builtin' && settings.solver === 'model' && settings.model.trim() !== '' && !s.tutor.modelHints[index];
}

let hintController: AbortController | null = null;

async function modelHint(id: string, index: number): Promise<void> {
  hintController?.abort();
  const controller = new AbortController();
  hintController = controller;
  const s = useRunStore.getState();
  const stillHere = () => useRunStore.getState().entryId === id && hintController === controller;
  const showHints = (hints: StepHints, extra: { streaming?: boolean; note?: string } = {}) =>
    useTutorStore.setState({ ...current(), asking: null, hints: { step: index, hints, from: 'model', ...extra } });
  showHints({ rule: '', shape: null }, { streaming: true });
  let text = '';
  let failure: string | null = null;
  try {
    const llm = await import('../services/llm/index.ts');
    const step = s.solution.steps[index] ?? null;
    const input = { problem: s.problem, before: s.solution.steps.slice(0, index), step, ...(step === null && s.solution.answer ? { answer: s.solution.answer.text } : {}) };
    const result = await llm.streamHint(getSettings(), input, {
      signal: controller.signal,
      onText: (t) => {
        text += t;
        const partial = readHintReply(text, false);
        if (partial && stillHere()) showHints(partial, { streaming: true });
      },
    });
    if (!result.ok) failure = `${result.error.message} ${result.error.hint}`;
  } catch {
    failure = 'The part of Stepwise that talks to model servers could not be loaded.';
  }
  if (!stillHere()) return;
  hintController = null;
  const hints = failure === null ? readHintReply(text) : null;
  if (hints) {
    commitTutor(id, recordModelHints(useRunStore.getState().tutor, index, hints));
    showHints(hints);
    return;
  }
  // No usable reply: the step's own hints, saying why.
  const own = await hintsFor(index);
  if (!stillHere() && useRunStore.getState().entryId !== id) return;
  showHints(own ?? { rule: 'Look at what the step before gives you, and what the problem asks for.', shape: null }, {
    note: failure ?? 'The model gave no usable hint, so this one is from the step itself.',
  });
}

/** The engine's hints for step `index` (the answer's "step" is the number of steps). */
async function hintsFor(index: number): Promise<StepHints | null> {
  const s = useRunStore.getState();
  const shown = useTutorStore.getState();
  if (shown.entryId === s.entryId && shown.hints?.step === index && !shown.hints.streaming && !shown.hints.note) return shown.hints.hints;
  const stored = s.tutor.modelHints[index];
  if (stored) return stored;
  const step = s.solution.steps[index];
  try {
    const e = await loadEngine();
    const chain = chainOf(e, s.problem, s.solution);
    if (!step) {
      // The final answer: its shape is the answer with the values blanked.
      return e.stepHints({ title: 'Write the final answer', body: '', source: [0, 0], complete: true }, chain.answer);
    }
    return e.stepHints(step, chain.states[index] ?? null);
  } catch {
    return step ? { rule: step.title !== '' ? step.title : 'Look at what the step before gives you.', shape: null } : null;
  }
}

/** Under "hints only, answer at the end" no step is shown before the student writes it; the answer comes at the end. */
export function mayShow(s: Pick<RunState, 'policy'>, next: 'step' | 'answer' | 'none', tryFirst?: boolean): boolean {
  return next === 'answer' || policyOf(s, tryFirst) !== 'hints-only';
}

/** "Next step": under "Try each step first", asks once per step before showing it. */
export function tutorNextStep(): void {
  const s = useRunStore.getState();
  if (s.entryId === null) return;
  const { done, next } = position(s);
  if (next === 'none') return;
  const policy = policyOf(s);
  if (!mayShow(s, next)) return;
  if (shouldAskFirst(s.tutor, done, policy)) {
    commitTutor(s.entryId, recordAsked(s.tutor, done));
    useTutorStore.setState({ ...current(), asking: done });
    return;
  }
  showNext();
}

/** Shows the next hidden item now ("Show me anyway", the third hint, "Next step" after trying). */
export function showNext(): void {
  const s = useRunStore.getState();
  if (s.entryId === null) return;
  const { done, next, total } = position(s);
  if (next === 'none') return;
  const tutor = next === 'answer' ? recordAnswer(s.tutor, false, total) : recordShown(s.tutor, done, done);
  // One store update and one save for both: the progress and what is shown.
  useTutorStore.setState({ ...current(), asking: null, verdict: null, hints: null });
  commitTutor(s.entryId, tutor, revealNext(s.reveal, s.solution, !isLivePhase(s.phase)));
}

/** "Reveal all": every step not done yet counts as shown. */
export function tutorRevealAll(): void {
  const s = useRunStore.getState();
  if (s.entryId === null || !mayShow(s, position(s).next)) return;
  const total = s.solution.steps.length;
  const { done } = position(s);
  let tutor = total > done ? recordShown(s.tutor, done, total - 1) : s.tutor;
  if (s.solution.answer) tutor = recordAnswer(tutor, false, total);
  useTutorStore.setState({ ...current(), asking: null, verdict: null, hints: null });
  commitTutor(s.entryId, tutor, revealAllState(s.reveal));
}

export function dismissAsking(): void {
  useTutorStore.setState({ ...current(), asking: null });
}
