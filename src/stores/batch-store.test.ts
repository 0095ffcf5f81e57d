/**
 * The batch store with an injected solve function (so every interleaving is under the test's control), and
 * once each with the real built-in solver and the real model adapter against the fake server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../e2e/fake-server.ts';
import { progress } from '../core/batch/batch-queue.ts';
import { findSet } from '../core/library/library.ts';
import { emptySolution } from '../core/solution/solution.ts';
import { createLibraryStorage, memoryLibrary } from '../services/storage/index.ts';
import {
  dismissBatch,
  resetBatchForTest,
  resumeBatch,
  retryFailedItems,
  setConcurrency,
  startBatch,
  stopBatch,
  useBatchStore,
  type SolveFn,
  type SolveOutcome,
} from './batch-store.ts';
import { createLibrarySet, deleteLibrarySet, initLibrary, resetLibraryForTest, useLibraryStore } from './library-store.ts';
import { resetSettingsForTest } from './settings-store.ts';

const waitFor = async (check: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

const solved = (problem: string): SolveOutcome => ({
  ok: true,
  solution: { ...emptySolution(), answer: { text: problem.toUpperCase(), source: [0, 1] } },
  answerText: `answer to ${problem}`,
  source: 'model',
  model: 'fake-model',
});
const failed = (kind: string, retryAfterSeconds?: number): SolveOutcome => ({
  ok: false,
  error: { kind, message: `${kind} happened.`, hint: `Fix the ${kind}.`, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
});

/** A solve function whose calls the test finishes one by one; counts how many run at once. */
function controlledSolve() {
  const calls: { problem: string; signal: AbortSignal; finish: (o: SolveOutcome) => void; settled: boolean }[] = [];
  const stats = { active: 0, max: 0 };
  const solve: SolveFn = (problem, signal) =>
    new Promise((resolve) => {
      stats.active++;
      stats.max = Math.max(stats.max, stats.active);
      const call = {
        problem,
        signal,
        settled: false,
        finish: (o: SolveOutcome) => {
          if (call.settled) return;
          call.settled = true;
          stats.active--;
          resolve(o);
        },
      };
      signal.addEventListener('abort', () => call.finish(failed('aborted')));
      calls.push(call);
    });
  const open = () => calls.filter((c) => !c.settled);
  return { solve, calls, stats, open };
}

let setId: string;
const setItems = () => findSet(useLibraryStore.getState().library, setId)?.items ?? [];
const statuses = () => useBatchStore.getState().queue?.items.map((i) => i.status).join(' ');

beforeEach(async () => {
  let n = 0;
  resetLibraryForTest(createLibraryStorage(memoryLibrary()), { newId: () => `id${++n}`, now: () => 1000 + n });
  resetSettingsForTest({ solver: 'model', baseURL: 'http://127.0.0.1:9/v1', model: 'fake-model' });
  await initLibrary();
  const created = await createLibrarySet('Week 1');
  if (!created.ok) throw new Error(created.error);
  setId = created.value;
});

describe('batch store', () => {
  it('solves every problem into the set, never more than the limit at once', async () => {
    const c = controlledSolve();
    resetBatchForTest({ solve: c.solve });
    setConcurrency(2);
    expect((await startBatch(setId, ['p1', 'p2', 'p3', 'p4', 'p5'])).ok).toBe(true);
    expect(useBatchStore.getState().engine).toEqual({ kind: 'model', model: 'fake-model' });
    while (useBatchStore.getState().queue?.phase === 'running') {
      await waitFor(() => c.open().length > 0 || useBatchStore.getState().queue?.phase !== 'running');
      expect(c.open().length).toBeLessThanOrEqual(2);
      // The later problem answers first: the set still follows the list's order.
      const call = c.open().at(-1);
      call?.finish(solved(call.problem));
      await new Promise((r) => setTimeout(r, 0));
    }
    await waitFor(() => setItems().length === 5);
    expect(c.stats.max).toBe(2);
    expect(useBatchStore.getState().queue?.phase).toBe('finished');
    expect(setItems().map((i) => [i.problem, i.source, i.model, i.answerText])).toEqual(
      ['p1', 'p2', 'p3', 'p4', 'p5'].map((p) => [p, 'model', 'fake-model', `answer to ${p}`]),
    );
    expect(setItems()[0]?.solution.answer?.text).toBe('P1');
  });

  it('keeps the list order in the set when answers arrive together in reverse', async () => {
    const c = controlledSolve();
    resetBatchForTest({ solve: c.solve });
    setConcurrency(4);
    await startBatch(setId, ['p1', 'p2', 'p3', 'p4']);
    await waitFor(() => c.open().length === 4);
    for (const call of c.open().reverse()) call.finish(solved(call.problem));
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(setItems().map((i) => i.problem)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('keeps a failure on its item with message and hint; the rest carry on; "Retry failed" redoes only it', async () => {
    let broken = true;
    resetBatchForTest({ solve: async (p) => (p === 'bad' && broken ? failed('server-error') : solved(p)) });
    await startBatch(setId, ['a', 'bad', 'c']);
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(statuses()).toBe('done failed done');
    expect(useBatchStore.getState().queue?.items[1]?.error).toEqual({ kind: 'server-error', message: 'server-error happened.', hint: 'Fix the server-error.' });
    expect(setItems().map((i) => i.problem)).toEqual(['a', 'c']);

    broken = false;
    retryFailedItems();
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(statuses()).toBe('done done done');
    expect(setItems().map((i) => i.problem)).toEqual(['a', 'bad', 'c']);
  });

  it('Stop aborts running problems and keeps finished ones; Resume finishes without duplicates', async () => {
    const c = controlledSolve();
    resetBatchForTest({ solve: c.solve });
    setConcurrency(2);
    await startBatch(setId, ['p1', 'p2', 'p3', 'p4']);
    await waitFor(() => c.open().length === 2);
    c.open()[0]?.finish(solved('p1'));
    await waitFor(() => c.open().length === 2 && setItems().length === 1);
    const running = c.open();
    stopBatch();
    expect(running.every((call) => call.signal.aborted)).toBe(true);
    expect(useBatchStore.getState().queue?.phase).toBe('stopped');
    expect(statuses()).toBe('done pending pending pending');
    await new Promise((r) => setTimeout(r, 10));
    expect(c.open()).toHaveLength(0);
    expect(setItems().map((i) => i.problem)).toEqual(['p1']);

    c.stats.max = 0;
    setConcurrency(3);
    resumeBatch();
    await waitFor(() => c.open().length === 3);
    for (const call of c.open()) call.finish(solved(call.problem));
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(c.stats.max).toBe(3);
    expect(setItems().map((i) => i.problem)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(progress(useBatchStore.getState().queue!)).toMatchObject({ done: 4, failed: 0 });
  });

  it('waits out a rate limit and retries once; a second limit fails the item with its message', async () => {
    const waits: number[] = [];
    const tries = new Map<string, number>();
    resetBatchForTest({
      solve: async (p) => {
        tries.set(p, (tries.get(p) ?? 0) + 1);
        if (p === 'always-limited' || (p === 'limited-once' && tries.get(p) === 1)) return failed('rate-limited', 3);
        return solved(p);
      },
      sleep: async (ms) => void waits.push(ms),
    });
    await startBatch(setId, ['limited-once', 'always-limited']);
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(waits).toEqual([3000, 3000]);
    expect(Object.fromEntries(tries)).toEqual({ 'limited-once': 2, 'always-limited': 2 });
    expect(statuses()).toBe('done failed');
    expect(useBatchStore.getState().queue?.items[1]?.error).toMatchObject({ kind: 'rate-limited', message: 'rate-limited happened.' });
  });

  it('does not wait for a limit that is too long or has no time, and a stop ends the wait', async () => {
    const waits: number[] = [];
    resetBatchForTest({ solve: async (p) => (p === 'quota' ? failed('rate-limited') : failed('rate-limited', 3600)), sleep: async (ms) => void waits.push(ms) });
    await startBatch(setId, ['quota', 'hour']);
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(waits).toEqual([]);
    expect(statuses()).toBe('failed failed');

    dismissBatch();
    resetBatchForTest({ solve: async () => failed('rate-limited', 5) }); // the real sleep
    await startBatch(setId, ['x']);
    await waitFor(() => useBatchStore.getState().queue?.items[0]?.stage === 'waiting');
    expect(useBatchStore.getState().queue?.items[0]?.waitUntil).toBeGreaterThan(Date.now() + 4000);
    stopBatch();
    expect(statuses()).toBe('pending');
  });

  it('runs one batch at a time and refuses a missing set or an empty list', async () => {
    const c = controlledSolve();
    resetBatchForTest({ solve: c.solve });
    expect(await startBatch(setId, [])).toEqual({ ok: false, error: expect.stringMatching(/no problems/) });
    expect(await startBatch('nope', ['a'])).toEqual({ ok: false, error: expect.stringMatching(/no longer exists/) });
    await startBatch(setId, ['a']);
    expect(await startBatch(setId, ['b'])).toEqual({ ok: false, error: expect.stringMatching(/already running/) });
    dismissBatch();
    expect(useBatchStore.getState().queue).not.toBeNull();
    stopBatch();
    dismissBatch();
    expect(useBatchStore.getState().queue).toBeNull();
  });

  it('reports a save that fails (the set was deleted meanwhile) on the item', async () => {
    const c = controlledSolve();
    resetBatchForTest({ solve: c.solve });
    await startBatch(setId, ['a']);
    await waitFor(() => c.open().length === 1);
    await deleteLibrarySet(setId);
    c.open()[0]?.finish(solved('a'));
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished');
    expect(useBatchStore.getState().queue?.items[0]?.error?.message).toMatch(/could not be saved: That set no longer exists/);
  });

  it('with no model configured, uses the built-in solver and reports what it cannot do', async () => {
    resetBatchForTest();
    resetSettingsForTest({ solver: 'builtin' });
    await startBatch(setId, ['Solve 2x + 3 = 7', 'Write a poem about integrals']);
    expect(useBatchStore.getState().engine).toEqual({ kind: 'solver' });
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished', 15_000);
    expect(statuses()).toBe('done failed');
    expect(setItems()[0]).toMatchObject({ source: 'solver', model: '', answerText: '' });
    expect(setItems()[0]?.solution.answer?.text).toMatch(/x\s*=\s*2/);
    expect(useBatchStore.getState().queue?.items[1]?.error).toMatchObject({ kind: 'solver', hint: expect.stringMatching(/only algebra and calculus/) });
  });
});

describe('batch store with a model server', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer({ idleTimeoutMs: 30_000, chunksPerSecond: 0 });
  });
  afterAll(() => server.close());

  it('streams each answer through the real adapter and saves it parsed, with the model id', async () => {
    resetBatchForTest();
    resetSettingsForTest({ solver: 'model', baseURL: server.url, model: 'fake-model' });
    await startBatch(setId, ['Solve 2x + 3 = 11', 'Solve 3x = 12']);
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished', 15_000);
    expect(statuses()).toBe('done done');
    expect(setItems().map((i) => [i.source, i.model, i.solution.answer?.text])).toEqual([
      ['model', 'fake-model', 'x = 4'],
      ['model', 'fake-model', 'x = 4'],
    ]);
    expect(setItems()[0]?.solution.steps).toHaveLength(2);
  });

  it('shows a server error on its item', async () => {
    resetBatchForTest();
    resetSettingsForTest({ solver: 'model', baseURL: server.url, model: 'fake-model' });
    server.configure({ scenario: 'model-not-found' });
    await startBatch(setId, ['Solve 2x + 3 = 11']);
    await waitFor(() => useBatchStore.getState().queue?.phase === 'finished', 15_000);
    server.configure({ scenario: 'ok' });
    expect(useBatchStore.getState().queue?.items[0]?.error).toMatchObject({ kind: 'model-not-found', message: expect.stringContaining('fake-model') });
  });
});
