/**
 * Batch generation: solves a list of problems into a library set, a few at a time. One batch at a time; it
 * lives here, not in a component, so it keeps running while the teacher looks at other pages. Each solution is
 * saved into the set as soon as it is done, so closing the tab loses only the ones still being written.
 *
 * With a model configured each problem is one request (the answer is accumulated and parsed once at the end:
 * nobody watches it stream); otherwise the built-in solver answers — the same rule as the run store.
 */
import { create } from 'zustand';
import {
  clampConcurrency,
  complete,
  createQueue,
  interruptedBy,
  isIdle,
  resume,
  retryFailed,
  setStage,
  startNext,
  stop,
  type BatchFailure,
  type BatchQueue,
} from '../core/batch/batch-queue.ts';
import { findSet, type ItemSource } from '../core/library/library.ts';
import type { Result } from '../core/llm/result.ts';
import { mayThinkInTheOpen } from '../core/llm/thinking-model.ts';
import type { Settings } from '../core/settings/settings.ts';
import { parseSolution } from '../core/solution/parse-solution.ts';
import type { Solution } from '../core/solution/solution.ts';
import { initLibrary, saveToLibrary, useLibraryStore } from './library-store.ts';
import { getSettings } from './settings-store.ts';

export type BatchEngine = { kind: 'model'; model: string } | { kind: 'solver' };

export type SolveOutcome =
  | { ok: true; solution: Solution; answerText: string; source: Exclude<ItemSource, 'pasted'>; model: string }
  | { ok: false; error: BatchFailure & { retryAfterSeconds?: number } };

/** Solves one problem; must report failures (including an abort) as values. */
export type SolveFn = (problem: string, signal: AbortSignal) => Promise<SolveOutcome>;

export interface BatchState {
  queue: BatchQueue | null;
  /** The set the batch saves into. */
  setId: string | null;
  engine: BatchEngine | null;
  /** The panel's text and limit, kept here so leaving the page never loses them. */
  draft: string;
  concurrency: number;
}

export const DEFAULT_CONCURRENCY = 2;
/** A rate limit asking for a longer wait than this fails the item at once instead of holding a slot. */
export const MAX_RATE_LIMIT_WAIT_S = 120;

export const useBatchStore = create<BatchState>()(() => ({
  queue: null,
  setId: null,
  engine: null,
  draft: '',
  concurrency: DEFAULT_CONCURRENCY,
}));

type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

let injectedSolve: SolveFn | null = null;
let sleep: Sleep = realSleep;
/** The solve function of the batch in progress (settings read at start, resume and retry). */
let solve: SolveFn = () => Promise.reject(new Error('no batch'));
/** The chain of saves into the library; each link catches its own failure, so the chain never breaks. */
let saves: Promise<void> = Promise.resolve();
/** The abort controller of each running item, by index. */
const controllers = new Map<number, AbortController>();

export const setDraft = (draft: string) => useBatchStore.setState({ draft });
export const setConcurrency = (n: number) => useBatchStore.setState({ concurrency: clampConcurrency(n) });

export function isBatchBusy(): boolean {
  const { queue } = useBatchStore.getState();
  return queue !== null && !isIdle(queue);
}

function engineOf(settings: Settings): BatchEngine {
  return settings.solver === 'builtin' ? { kind: 'solver' } : { kind: 'model', model: settings.model.trim() };
}

/** Reads the settings now, so a fixed key or model applies to a resume or a retry. */
function prepare(): BatchEngine {
  const settings = getSettings();
  solve = injectedSolve ?? (settings.solver === 'builtin' ? solveWithSolver : (problem, signal) => solveWithModel(settings, problem, signal));
  return engineOf(settings);
}

/** Starts generating `problems` into set `setId`; refused while another batch runs or when the set is gone. */
export async function startBatch(setId: string, problems: readonly string[]): Promise<Result<void, string>> {
  if (isBatchBusy()) return { ok: false, error: 'A batch is already running. Stop it or wait until it finishes, then start this one.' };
  if (problems.length === 0) return { ok: false, error: 'There are no problems to generate. Paste at least one.' };
  await initLibrary();
  if (!findSet(useLibraryStore.getState().library, setId)) {
    return { ok: false, error: 'This set no longer exists — it may have been deleted. Go back to the library and pick or create a set.' };
  }
  // Checked again: another start may have begun while the library loaded.
  if (isBatchBusy()) return { ok: false, error: 'A batch is already running. Stop it or wait until it finishes, then start this one.' };
  const engine = prepare();
  useBatchStore.setState((s) => ({ queue: createQueue(problems, s.concurrency), setId, engine }));
  pump();
  return { ok: true, value: undefined };
}

/** Stops: running requests are aborted and their problems wait for Resume; finished ones stay saved. */
export function stopBatch(): void {
  const { queue } = useBatchStore.getState();
  if (!queue) return;
  const next = stop(queue);
  useBatchStore.setState({ queue: next });
  for (const index of interruptedBy(queue, next)) controllers.get(index)?.abort();
}

export function resumeBatch(): void {
  const { queue, concurrency } = useBatchStore.getState();
  if (!queue || queue.phase === 'running') return;
  useBatchStore.setState({ engine: prepare(), queue: resume(queue, concurrency) });
  pump();
}

export function retryFailedItems(): void {
  const { queue, concurrency } = useBatchStore.getState();
  if (!queue) return;
  const next = retryFailed(queue, queue.phase === 'running' ? queue.concurrency : concurrency);
  if (next === queue) return;
  useBatchStore.setState({ engine: prepare(), queue: next });
  pump();
}

/** Clears a finished or stopped batch from the panel (its saved solutions stay in the set). */
export function dismissBatch(): void {
  if (isBatchBusy()) return;
  useBatchStore.setState({ queue: null, setId: null, engine: null });
}

/** Starts items while slots are free. */
function pump(): void {
  const { queue, setId } = useBatchStore.getState();
  if (!queue || setId === null) return;
  const { queue: next, started } = startNext(queue);
  if (started.length === 0) return;
  useBatchStore.setState({ queue: next });
  for (const item of started) void runItem(setId, item.index, item.run, item.problem);
}

const updateQueue = (change: (q: BatchQueue) => BatchQueue) =>
  useBatchStore.setState((s) => (s.queue ? { queue: change(s.queue) } : s));

async function runItem(setId: string, index: number, run: number, problem: string): Promise<void> {
  const controller = new AbortController();
  controllers.set(index, controller);
  const { signal } = controller;
  try {
    let outcome = await solveSafely(problem, signal);
    const wait = !outcome.ok && outcome.error.kind === 'rate-limited' ? outcome.error.retryAfterSeconds : undefined;
    if (wait !== undefined && wait <= MAX_RATE_LIMIT_WAIT_S && !signal.aborted) {
      // Rate limited: wait as long as the server asks, then one more try.
      updateQueue((q) => setStage(q, index, run, 'waiting', Date.now() + wait * 1000));
      await sleep(wait * 1000, signal);
      if (signal.aborted) return;
      updateQueue((q) => setStage(q, index, run, 'solving'));
      outcome = await solveSafely(problem, signal);
    }
    // Stopped: the queue has already put the item back to wait for Resume.
    if (signal.aborted) return;
    if (!outcome.ok) {
      const { retryAfterSeconds: _shown, ...error } = outcome.error;
      updateQueue((q) => complete(q, index, run, { ok: false, error }));
      return;
    }
    updateQueue((q) => setStage(q, index, run, 'saving'));
    const { solution, answerText, source, model } = outcome;
    // One save at a time, each placed by the ones before it: the set follows the pasted list's order, whatever
    // order the answers arrive in.
    const saving = saves.then(async () => {
      const later = useBatchStore.getState().queue?.items.find((i) => i.index > index && i.savedId !== null);
      const saved = await saveToLibrary(setId, { problem, solution, answerText, source, model }, later?.savedId ?? undefined).catch(
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      );
      updateQueue((q) =>
        complete(
          q,
          index,
          run,
          saved.ok
            ? { ok: true, savedId: saved.value }
            : { ok: false, error: { kind: 'library', message: `The solution could not be saved: ${saved.error}`, hint: 'Check the set still exists, then use "Retry failed".' } },
        ),
      );
    });
    saves = saving;
    await saving;
  } finally {
    if (controllers.get(index) === controller) controllers.delete(index);
    pump();
  }
}

async function solveSafely(problem: string, signal: AbortSignal): Promise<SolveOutcome> {
  try {
    return await solve(problem, signal);
  } catch (error) {
    // The solvers report failures as values; this is a defect, shown on the item rather than left spinning.
    return {
      ok: false,
      error: {
        kind: 'server-error',
        message: `Something went wrong while solving: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Use "Retry failed" to try again.',
      },
    };
  }
}

async function solveWithModel(settings: Settings, problem: string, signal: AbortSignal): Promise<SolveOutcome> {
  let llm: typeof import('../services/llm/index.ts');
  try {
    llm = await import('../services/llm/index.ts');
  } catch {
    return {
      ok: false,
      error: {
        kind: 'network',
        message: 'The part of Stepwise that talks to model servers could not be loaded.',
        hint: 'Check your internet connection and reload the page; the solutions already saved stay in the set.',
      },
    };
  }
  let text = '';
  const result = await llm.streamSolution(settings, problem, {
    signal,
    ...(settings.silenceTimeoutSeconds > 0 ? { stallTimeoutMs: settings.silenceTimeoutSeconds * 1000 } : {}),
    onEvent: (event) => {
      if (event.type === 'content') text += event.text;
    },
  });
  if (!result.ok) {
    const { kind, message, hint, retryAfterSeconds } = result.error;
    return { ok: false, error: { kind, message, hint, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) } };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      error: { kind: 'empty', message: 'The model finished without writing an answer.', hint: 'Use "Retry failed"; if it happens again, try another model.' },
    };
  }
  // A thinking model may open its thoughts in the prompt and only close them here (a lone </think>).
  const solution = parseSolution(text, { openThinking: mayThinkInTheOpen(settings.model) });
  return { ok: true, solution, answerText: text, source: 'model', model: settings.model.trim() };
}

async function solveWithSolver(problem: string): Promise<SolveOutcome> {
  const outcome = await import('../services/solver/index.ts').then(
    (solver) => solver.solveProblem(problem),
    () => ({ ok: false as const, reason: 'The built-in solver could not be loaded.' }),
  );
  if (outcome.ok) return { ok: true, solution: outcome.solution, answerText: '', source: 'solver', model: '' };
  return {
    ok: false,
    error: {
      kind: 'solver',
      message: outcome.reason,
      hint: 'The built-in solver handles only algebra and calculus (equations, factoring, simplifying, derivatives). Connect a model in Settings for this one.',
    },
  };
}

/** For tests: no batch, and the given solve function (instead of the model or the solver) and clock for waits. */
export function resetBatchForTest(inject: { solve?: SolveFn; sleep?: Sleep } = {}): void {
  for (const controller of controllers.values()) controller.abort();
  controllers.clear();
  injectedSolve = inject.solve ?? null;
  sleep = inject.sleep ?? realSleep;
  useBatchStore.setState({ queue: null, setId: null, engine: null, draft: '', concurrency: DEFAULT_CONCURRENCY });
}
