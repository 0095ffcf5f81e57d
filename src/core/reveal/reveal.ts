/**
 * Which parts of a solution the student has uncovered. Pure state transitions, so the rules ("only complete
 * steps can be revealed", "the final answer comes last") are tested without a UI.
 *
 * Items are the steps in order, then the final answer. `shown` counts revealed items; `all` means "show
 * everything, including what is still arriving", so a student who chose "Reveal all" mid-stream keeps seeing
 * new steps as they come.
 */
import type { Solution } from '../solution/solution.ts';

export interface RevealState {
  shown: number;
  all: boolean;
  /** Indexes of revealed steps the student folded (title still visible). */
  collapsed: number[];
}

export const emptyReveal = (): RevealState => ({ shown: 0, all: false, collapsed: [] });

export interface RevealView {
  /** Steps to render (a prefix of `solution.steps`). */
  visibleSteps: number;
  answerVisible: boolean;
  /** Steps that exist so far (the last may still be arriving). */
  totalSteps: number;
  /** Whether "Next step" has something to uncover right now. */
  canNext: boolean;
  /** What "Next step" would uncover. */
  next: 'step' | 'answer' | 'wait' | 'none';
  /** Everything there is has been revealed. */
  complete: boolean;
}

/** Items that can be revealed now: complete steps, then the answer once every step before it is complete. */
function readyItems(solution: Solution, finished: boolean): number {
  let ready = 0;
  for (const step of solution.steps) {
    if (!(step.complete || finished)) break;
    ready++;
  }
  const allStepsReady = ready === solution.steps.length;
  return ready + (solution.answer && allStepsReady ? 1 : 0);
}

export function viewReveal(state: RevealState, solution: Solution, finished: boolean): RevealView {
  const totalSteps = solution.steps.length;
  const totalItems = totalSteps + (solution.answer ? 1 : 0);
  const shown = state.all ? totalItems : Math.min(state.shown, totalItems);
  const ready = readyItems(solution, finished);
  const visibleSteps = Math.min(shown, totalSteps);
  const answerVisible = solution.answer !== null && shown > totalSteps;
  const canNext = !state.all && shown < ready;
  let next: RevealView['next'];
  if (canNext) next = shown < totalSteps ? 'step' : 'answer';
  else next = state.all || (finished && shown >= totalItems) ? 'none' : 'wait';
  return {
    visibleSteps,
    answerVisible,
    totalSteps,
    canNext,
    next,
    complete: finished && shown >= totalItems,
  };
}

export function revealNext(state: RevealState, solution: Solution, finished: boolean): RevealState {
  const view = viewReveal(state, solution, finished);
  if (!view.canNext) return state;
  // `shown` may exceed what exists (a stored state for a re-parsed answer); count from what is visible.
  return { ...state, shown: view.visibleSteps + (view.answerVisible ? 1 : 0) + 1 };
}

export function revealAll(state: RevealState): RevealState {
  return state.all ? state : { ...state, all: true };
}

export function hideAll(state: RevealState): RevealState {
  if (state.shown === 0 && !state.all && state.collapsed.length === 0) return state;
  return emptyReveal();
}

export function toggleCollapsed(state: RevealState, index: number): RevealState {
  const collapsed = state.collapsed.includes(index)
    ? state.collapsed.filter((i) => i !== index)
    : [...state.collapsed, index].sort((a, b) => a - b);
  return { ...state, collapsed };
}
