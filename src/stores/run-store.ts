/**
 * The solution on screen and the run producing it. A model's answer streams into the incremental parser;
 * the parsed state is committed to React at most once per animation frame, and the raw text is saved to
 * history as it arrives (coalesced), so a closed tab keeps it. Only one run streams at a time; it keeps
 * running (and saving) if the student opens another entry meanwhile.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  newEntry,
  SOLVER_DECLINED_KIND,
  type EntryError,
  type EntrySource,
  type EntryStatus,
  type HistoryEntry,
  type Validation,
} from '../core/history/history-entry.ts';
import {
  emptyReveal,
  hideAll as hideAllState,
  revealAll as revealAllState,
  revealNext,
  toggleCollapsed,
  viewReveal,
  type RevealState,
  type RevealView,
} from '../core/reveal/reveal.ts';
import { createSolutionParser, parseSolution, type SolutionParser } from '../core/solution/parse-solution.ts';
import { mayThinkInTheOpen } from '../core/llm/thinking-model.ts';
import { emptyProgress, type RevealPolicy, type TutorProgress } from '../core/tutor/progress.ts';
import { emptySolution, type Solution } from '../core/solution/solution.ts';
import { createFrameBatch, type FrameBatch } from './frame-batch.ts';
import { getEntry, patchEntry, putEntry } from './history-store.ts';
import { getSettings } from './settings-store.ts';

export type RunPhase = 'idle' | 'connecting' | 'streaming' | EntryStatus;

export interface RunState {
  entryId: string | null;
  problem: string;
  source: EntrySource;
  model: string;
  solution: Solution;
  /** Thinking the server sent apart from the answer. */
  reasoning: string;
  phase: RunPhase;
  error: EntryError | null;
  truncated: boolean;
  startedAt: number;
  endedAt: number | null;
  reveal: RevealState;
  /** The built-in solver's check of the final answer; null when not checked (yet, or it can't do the problem). */
  validated: Validation | null;
  /** What the student did in "Your turn" on this solution. */
  tutor: TutorProgress;
  /** The reveal policy this solution came with (a teacher's link or set); null: the student's setting. */
  policy: RevealPolicy | null;
}

const idle = (): RunState => ({
  entryId: null,
  problem: '',
  source: 'model',
  model: '',
  solution: emptySolution(),
  reasoning: '',
  phase: 'idle',
  error: null,
  truncated: false,
  startedAt: 0,
  endedAt: null,
  reveal: emptyReveal(),
  validated: null,
  tutor: emptyProgress(),
  policy: null,
});

export const useRunStore = create<RunState>()(() => idle());

export const isLivePhase = (phase: RunPhase) => phase === 'connecting' || phase === 'streaming';

/**
 * What the reveal shows now. Compared field by field, so a component using it renders again only when the
 * view changes, not on every streamed frame.
 */
export const useRevealView = (): RevealView =>
  useRunStore(useShallow((s) => viewReveal(s.reveal, s.solution, !isLivePhase(s.phase))));

interface LiveRun {
  id: string;
  problem: string;
  controller: AbortController;
  parser: SolutionParser;
  /** Answer text received but not yet given to the parser (parsed once per frame). */
  unparsed: string;
  answer: string;
  reasoning: string;
  solution: Solution;
  frame: FrameBatch;
  saveTimer: ReturnType<typeof setTimeout> | null;
  /** Settled (finished, stopped or closed); a late result from the adapter is then ignored. */
  settled: boolean;
}

let live: LiveRun | null = null;

/** How often a streaming answer is saved. */
export const STREAM_SAVE_MS = 500;

let idCounter = 0;
function newId(now: number): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random().toString(36).slice(2)}-${++idCounter}`;
  return `${now.toString(36)}-${random}`;
}

function viewOf(entry: HistoryEntry, solution: Solution): RunState {
  return {
    entryId: entry.id,
    problem: entry.problem,
    source: entry.source,
    model: entry.model,
    solution,
    reasoning: entry.reasoning,
    phase: entry.status,
    error: entry.error,
    truncated: entry.truncated,
    startedAt: entry.createdAt,
    endedAt: entry.status === 'streaming' ? null : entry.updatedAt,
    reveal: entry.reveal,
    validated: entry.validated ?? null,
    tutor: entry.tutor ?? emptyProgress(),
    policy: entry.policy ?? null,
  };
}

function solutionOf(entry: HistoryEntry): Solution {
  // The same parser options as while it streamed, so a reopened answer reads as it did.
  return entry.solution ?? parseSolution(entry.answer, { openThinking: entry.source === 'model' && mayThinkInTheOpen(entry.model) });
}

const viewing = (id: string) => useRunStore.getState().entryId === id;

// ——— Solving ———

/** Solves `problem` with the chosen solver, into a new history entry (or `reuseId`'s, for a retry). */
export async function solve(problem: string, reuseId?: string): Promise<void> {
  if (problem.trim() === '') return;
  stopLive();
  const settings = getSettings();
  const now = Date.now();
  const id = reuseId ?? newId(now);
  if (settings.solver === 'builtin') return solveBuiltin(problem, id, now);

  const entry = newEntry({ id, now, problem, source: 'model', model: settings.model.trim(), status: 'streaming' });
  // The run is live before the first await, so a Stop or a new Solve meanwhile always finds it.
  const run: LiveRun = {
    id,
    problem,
    controller: new AbortController(),
    parser: createSolutionParser({ openThinking: mayThinkInTheOpen(settings.model) }),
    unparsed: '',
    answer: '',
    reasoning: '',
    solution: emptySolution(),
    frame: createFrameBatch(() => commitFrame(run)),
    saveTimer: null,
    settled: false,
  };
  live = run;
  useRunStore.setState({ ...viewOf(entry, emptySolution()), phase: 'connecting', endedAt: null });
  await putEntry(entry, 'now');
  if (run.settled) return;

  let llm: typeof import('../services/llm/index.ts');
  try {
    llm = await import('../services/llm/index.ts');
  } catch {
    finish(run, 'failed', {
      kind: 'network',
      message: 'The part of Stepwise that talks to model servers could not be loaded.',
      hint: 'Check your internet connection and reload the page; your problem is kept.',
    });
    return;
  }
  if (run.settled) return;

  let result: Awaited<ReturnType<typeof llm.streamSolution>>;
  try {
    result = await llm.streamSolution(settings, problem, {
      signal: run.controller.signal,
      ...(settings.silenceTimeoutSeconds > 0 ? { stallTimeoutMs: settings.silenceTimeoutSeconds * 1000 } : {}),
      onEvent: (event) => {
        if (event.type === 'content') {
          run.unparsed += event.text;
          run.answer += event.text;
        } else {
          run.reasoning += event.text;
        }
        run.frame.schedule();
        scheduleSave(run);
      },
    });
  } catch (error) {
    // The adapter reports failures as values; this is a defect, shown rather than left spinning.
    result = {
      ok: false,
      error: {
        kind: 'server-error',
        message: `Something went wrong while receiving the answer: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'The steps received so far are kept. Try again.',
      },
    };
  }
  if (run.settled) return;
  run.frame.flushNow();
  if (result.ok) {
    const empty = run.answer.trim() === '';
    finish(
      run,
      empty ? 'failed' : 'done',
      empty
        ? {
            kind: 'empty',
            message: 'The model finished without writing an answer.',
            hint: 'Ask again; if it happens again, try another model or a higher token limit on the server.',
          }
        : null,
      result.value.finishReason === 'length',
    );
    // After the stream has ended and the answer is on screen, so it never delays a step.
    if (!empty) await checkFinalAnswer(run.id, problem, run.solution);
  } else {
    finish(run, result.error.kind === 'aborted' ? 'stopped' : 'failed', {
      kind: result.error.kind,
      message: result.error.message,
      hint: result.error.hint,
      ...(result.error.retryAfterSeconds !== undefined ? { retryAfterSeconds: result.error.retryAfterSeconds } : {}),
    });
  }
}

function commitFrame(run: LiveRun): void {
  if (run.unparsed !== '') {
    run.parser.push(run.unparsed);
    run.unparsed = '';
    run.solution = run.parser.snapshot();
  }
  if (!viewing(run.id)) return;
  const state = useRunStore.getState();
  useRunStore.setState({
    solution: run.solution,
    reasoning: run.reasoning,
    phase: state.phase === 'connecting' ? 'streaming' : state.phase,
  });
}

function scheduleSave(run: LiveRun): void {
  if (run.saveTimer !== null) return;
  run.saveTimer = setTimeout(() => {
    run.saveTimer = null;
    void patchEntry(run.id, { answer: run.answer, reasoning: run.reasoning, updatedAt: Date.now() }, 'now');
  }, STREAM_SAVE_MS);
}

function finish(run: LiveRun, status: EntryStatus, error: EntryError | null, truncated = false): void {
  if (run.settled) return;
  run.settled = true;
  if (run.saveTimer !== null) clearTimeout(run.saveTimer);
  run.saveTimer = null;
  run.frame.cancel();
  run.parser.push(run.unparsed);
  run.unparsed = '';
  run.parser.end();
  run.solution = run.parser.snapshot();
  if (live === run) live = null;
  const endedAt = Date.now();
  void patchEntry(run.id, { answer: run.answer, reasoning: run.reasoning, status, error, truncated, updatedAt: endedAt }, 'now');
  if (viewing(run.id)) {
    useRunStore.setState({ solution: run.solution, reasoning: run.reasoning, phase: status, error, truncated, endedAt });
  }
}

/**
 * Checks a model's or pasted final answer against the built-in solver, by mathematical equivalence, and
 * stores the verdict with the entry. Nothing is shown when the solver cannot do the problem or cannot read
 * the answer. The solver's code is loaded here, on first use.
 */
async function checkFinalAnswer(id: string, problem: string, solution: Solution): Promise<void> {
  const answer = solution.answer?.text.trim();
  if (!answer) return;
  let validated: Validation;
  try {
    const solver = await import('../services/solver/index.ts');
    const check = solver.checkAnswer(problem, answer);
    if (check.status === 'unknown') return;
    validated = check.status === 'agrees' ? { status: 'agrees' } : { status: 'disagrees', solverAnswer: check.solverAnswer };
  } catch {
    // The check is extra: if the solver cannot be loaded, the answer simply stays unchecked.
    return;
  }
  const entry = getEntry(id);
  // Deleted meanwhile, or its answer replaced (a retry into the same entry): the verdict is stale.
  if (!entry || entry.answer.trim() === '' || entry.status !== 'done') return;
  await patchEntry(id, { validated }, 'now');
  if (viewing(id)) useRunStore.setState({ validated });
}

async function solveBuiltin(problem: string, id: string, now: number): Promise<void> {
  const base = { id, now, problem, source: 'builtin' as const, model: 'Built-in solver' };
  let outcome: { ok: true; solution: Solution } | { ok: false; reason: string };
  try {
    const solver = await import('../services/solver/index.ts');
    outcome = solver.solveProblem(problem);
  } catch {
    // A real failure (the solver's code did not load, e.g. offline after an update): Retry can help.
    const error = {
      kind: 'solver-unavailable',
      message: 'The built-in solver could not be loaded.',
      hint: 'Check your connection and press Retry, or reload the page.',
    };
    const failed = newEntry({ ...base, status: 'failed', error });
    await putEntry(failed, 'now');
    useRunStore.setState(viewOf(failed, solutionOf(failed)));
    return;
  }
  const entry = outcome.ok
    ? newEntry({ ...base, solution: outcome.solution, status: 'done' })
    : newEntry({
        ...base,
        status: 'failed',
        error: {
          kind: SOLVER_DECLINED_KIND,
          message: outcome.reason,
          hint: 'It covers common algebra and calculus: equations, inequalities, systems, factoring, simplifying, derivatives. For this problem, open Settings and connect a model server, or paste an answer from any chatbot under "Paste an answer".',
        },
      });
  await putEntry(entry, 'now');
  useRunStore.setState(viewOf(entry, solutionOf(entry)));
}

/** Stops the stream; everything received stays. */
export function stop(): void {
  live?.controller.abort();
}

function stopLive(): void {
  if (!live) return;
  live.controller.abort();
  // Its result arrives later; the entry is settled now so a new run never races with it.
  finish(live, 'stopped', { kind: 'aborted', message: 'Stopped.', hint: 'The steps received so far are kept. Ask again to get the full solution.' });
}

/**
 * Asks again for the problem on screen. An attempt that received nothing is replaced; one that received
 * something stays in history and the retry gets its own entry, so nothing received is lost.
 */
export function retry(): Promise<void> {
  const state = useRunStore.getState();
  if (state.entryId === null || isLivePhase(state.phase)) return Promise.resolve();
  const entry = getEntry(state.entryId);
  const receivedNothing = !entry || (entry.answer.trim() === '' && entry.reasoning.trim() === '' && !entry.solution);
  return solve(state.problem, receivedNothing ? state.entryId : undefined);
}

// ——— Paste ———

/** Shows a pasted answer as steps and saves it to history. */
export async function showPasted(problem: string, answer: string): Promise<void> {
  const now = Date.now();
  const entry = newEntry({ id: newId(now), now, problem, source: 'paste', answer, status: 'done' });
  await putEntry(entry, 'now');
  const solution = solutionOf(entry);
  useRunStore.setState(viewOf(entry, solution));
  await checkFinalAnswer(entry.id, problem, solution);
}

/**
 * Shows an already-parsed solution (a library item, a shared link) as steps, in a new history entry. The
 * solution is kept as given (it may have been edited since), with the answer text it came from, if any.
 */
export async function showSolution(fields: {
  problem: string;
  solution: Solution;
  source: EntrySource;
  model?: string;
  answer?: string;
  /** A teacher's reveal policy (a share link's or a set's); left out: the student's own setting. */
  policy?: RevealPolicy;
}): Promise<void> {
  const now = Date.now();
  const { problem, solution, source } = fields;
  const entry = newEntry({ id: newId(now), now, problem, source, model: fields.model ?? '', answer: fields.answer ?? '', solution, status: 'done', policy: fields.policy });
  await putEntry(entry, 'now');
  useRunStore.setState(viewOf(entry, solution));
  if (source !== 'builtin') await checkFinalAnswer(entry.id, problem, solution);
}

// ——— History ———

export function openEntry(id: string): void {
  if (viewing(id)) return;
  if (live?.id === id) {
    const entry = getEntry(id);
    if (!entry) return;
    live.frame.flushNow();
    useRunStore.setState({ ...viewOf(entry, live.solution), reasoning: live.reasoning, phase: 'streaming', endedAt: null });
    return;
  }
  const entry = getEntry(id);
  if (entry) useRunStore.setState(viewOf(entry, solutionOf(entry)));
}

/** The entry on screen was deleted: stop its stream and clear the view. */
export function closeEntry(id: string): void {
  if (live?.id === id) discardLive(live);
  if (viewing(id)) useRunStore.setState(idle());
}

// ——— Reveal ———

function setReveal(update: (r: RevealState, s: RunState) => RevealState): void {
  const state = useRunStore.getState();
  if (state.entryId === null) return;
  const reveal = update(state.reveal, state);
  if (reveal === state.reveal) return;
  useRunStore.setState({ reveal });
  void patchEntry(state.entryId, { reveal }, 'soon');
}

export const nextStep = () => setReveal((r, s) => revealNext(r, s.solution, !isLivePhase(s.phase)));

/**
 * The student's progress (and, when their line uncovered steps, the reveal) changed: shown at once, saved soon.
 * `entryId` guards against a check that finished after the student opened another solution.
 */
export function commitTutor(entryId: string, tutor: TutorProgress, reveal?: RevealState): void {
  const state = useRunStore.getState();
  if (state.entryId !== entryId) return;
  if (tutor.total !== state.solution.steps.length) tutor = { ...tutor, total: state.solution.steps.length };
  useRunStore.setState(reveal ? { tutor, reveal } : { tutor });
  void patchEntry(entryId, reveal ? { tutor, reveal } : { tutor }, 'soon');
}
export const revealAll = () => setReveal((r) => revealAllState(r));
export const hideAll = () => setReveal((r) => hideAllState(r));
export const toggleStep = (index: number) => setReveal((r) => toggleCollapsed(r, index));

/** For tests. */
export function resetRunForTest(): void {
  if (live) discardLive(live);
  useRunStore.setState(idle());
}

function discardLive(run: LiveRun): void {
  run.settled = true;
  run.controller.abort();
  run.frame.cancel();
  if (run.saveTimer !== null) clearTimeout(run.saveTimer);
  if (live === run) live = null;
}
