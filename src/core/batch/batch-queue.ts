/**
 * A batch of problems to solve, as a pure state machine: which items may start (never more than the
 * concurrency limit running), what a result, a stop, a resume or a retry does to them. The store runs it; every
 * transition returns a new queue, so the UI can show any state and tests can walk through them.
 *
 * Each start gets a run number. A result carries it back, so a result that arrives after its item was stopped
 * (and perhaps restarted) is recognised as stale and ignored.
 */

export type BatchItemStatus = 'pending' | 'running' | 'done' | 'failed';

/** What a running item is doing, for the UI; `saving` cannot be stopped any more (the result is being kept). */
export type RunningStage = 'solving' | 'waiting' | 'saving';

export interface BatchFailure {
  kind: string;
  message: string;
  hint: string;
}

export interface BatchItem {
  /** Position in the batch, from 0; stable. */
  index: number;
  problem: string;
  status: BatchItemStatus;
  stage: RunningStage | null;
  /** While `waiting`: when the wait ends (ms since epoch). */
  waitUntil: number | null;
  /** Increments at each start. */
  run: number;
  error: BatchFailure | null;
  /** The library item holding the result, once done. */
  savedId: string | null;
}

/** `running`: items are started as slots free up; `stopped`: nothing new starts; `finished`: nothing left to do. */
export type BatchPhase = 'running' | 'stopped' | 'finished';

export interface BatchQueue {
  items: BatchItem[];
  concurrency: number;
  phase: BatchPhase;
}

export interface BatchProgress {
  total: number;
  pending: number;
  running: number;
  done: number;
  failed: number;
}

export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 4;

export const clampConcurrency = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, Math.round(n))) : MIN_CONCURRENCY;

export function createQueue(problems: readonly string[], concurrency: number): BatchQueue {
  return settle({
    items: problems.map((problem, index) => ({
      index,
      problem,
      status: 'pending',
      stage: null,
      waitUntil: null,
      run: 0,
      error: null,
      savedId: null,
    })),
    concurrency: clampConcurrency(concurrency),
    phase: 'running',
  });
}

export function progress(queue: BatchQueue): BatchProgress {
  const count = (status: BatchItemStatus) => queue.items.filter((i) => i.status === status).length;
  return { total: queue.items.length, pending: count('pending'), running: count('running'), done: count('done'), failed: count('failed') };
}

/** A running queue with nothing pending or running has finished. */
function settle(queue: BatchQueue): BatchQueue {
  if (queue.phase !== 'running') return queue;
  const busy = queue.items.some((i) => i.status === 'pending' || i.status === 'running');
  return busy ? queue : { ...queue, phase: 'finished' };
}

function update(queue: BatchQueue, index: number, change: (item: BatchItem) => BatchItem | null): BatchQueue {
  const item = queue.items[index];
  if (!item) return queue;
  const next = change(item);
  if (next === null || next === item) return queue;
  const items = queue.items.slice();
  items[index] = next;
  return settle({ ...queue, items });
}

/** Marks as many pending items running as free slots allow (in order) and says which started, with their run. */
export function startNext(queue: BatchQueue): { queue: BatchQueue; started: { index: number; run: number; problem: string }[] } {
  if (queue.phase !== 'running') return { queue, started: [] };
  let free = queue.concurrency - queue.items.filter((i) => i.status === 'running').length;
  if (free <= 0) return { queue, started: [] };
  const started: { index: number; run: number; problem: string }[] = [];
  const items = queue.items.map((item) => {
    if (free <= 0 || item.status !== 'pending') return item;
    free--;
    const run = item.run + 1;
    started.push({ index: item.index, run, problem: item.problem });
    return { ...item, status: 'running' as const, stage: 'solving' as const, waitUntil: null, run, error: null };
  });
  return { queue: started.length ? { ...queue, items } : queue, started };
}

const isCurrent = (item: BatchItem, run: number) => item.status === 'running' && item.run === run;

/** A running item changes stage (solving → waiting out a rate limit → solving → saving). Stale runs are ignored. */
export function setStage(queue: BatchQueue, index: number, run: number, stage: RunningStage, waitUntil: number | null = null): BatchQueue {
  return update(queue, index, (item) => (isCurrent(item, run) ? { ...item, stage, waitUntil: stage === 'waiting' ? waitUntil : null } : null));
}

export type ItemOutcome = { ok: true; savedId: string } | { ok: false; error: BatchFailure };

/** The result of one run; ignored unless that run is still the item's current one. */
export function complete(queue: BatchQueue, index: number, run: number, outcome: ItemOutcome): BatchQueue {
  return update(queue, index, (item) => {
    if (!isCurrent(item, run)) return null;
    const base = { ...item, stage: null, waitUntil: null };
    return outcome.ok ? { ...base, status: 'done', savedId: outcome.savedId, error: null } : { ...base, status: 'failed', error: outcome.error };
  });
}

/**
 * Stops the batch: nothing new starts and running items go back to pending (their requests are aborted by the
 * caller), except those already saving their result, which finish. Done and failed items stay as they are.
 */
export function stop(queue: BatchQueue): BatchQueue {
  if (queue.phase !== 'running') return queue;
  const items = queue.items.map((item) =>
    item.status === 'running' && item.stage !== 'saving' ? { ...item, status: 'pending' as const, stage: null, waitUntil: null } : item,
  );
  return { ...queue, items, phase: 'stopped' };
}

/** Items whose run a stop interrupts (their requests must be aborted). */
export function interruptedBy(before: BatchQueue, after: BatchQueue): number[] {
  return before.items.filter((item, i) => item.status === 'running' && after.items[i]?.status === 'pending').map((item) => item.index);
}

/** Carries on with the pending items, optionally with another concurrency limit. */
export function resume(queue: BatchQueue, concurrency: number = queue.concurrency): BatchQueue {
  return settle({ ...queue, concurrency: clampConcurrency(concurrency), phase: 'running' });
}

/** Failed items go back to pending (their messages cleared) and the batch runs again. */
export function retryFailed(queue: BatchQueue, concurrency: number = queue.concurrency): BatchQueue {
  if (!queue.items.some((i) => i.status === 'failed')) return queue;
  const items = queue.items.map((item) => (item.status === 'failed' ? { ...item, status: 'pending' as const, error: null } : item));
  return settle({ ...queue, items, concurrency: clampConcurrency(concurrency), phase: 'running' });
}

/** Whether nothing is running or saving: the queue can be replaced by a new batch. */
export const isIdle = (queue: BatchQueue): boolean => queue.phase !== 'running' && !queue.items.some((i) => i.status === 'running');
