import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complete,
  createQueue,
  interruptedBy,
  isIdle,
  progress,
  resume,
  retryFailed,
  setStage,
  startNext,
  stop,
  type BatchQueue,
} from './batch-queue.ts';

const failure = { kind: 'server-error', message: 'The server had an error (500).', hint: 'Try again in a moment.' };
const statuses = (q: BatchQueue) => q.items.map((i) => i.status).join(' ');

describe('batch queue', () => {
  it('starts at most `concurrency` items, in order, and refills as they finish', () => {
    let q = createQueue(['a', 'b', 'c', 'd', 'e'], 2);
    const first = startNext(q);
    expect(first.started.map((s) => s.problem)).toEqual(['a', 'b']);
    q = first.queue;
    expect(startNext(q).started).toEqual([]);
    q = complete(q, 0, 1, { ok: true, savedId: 's0' });
    const second = startNext(q);
    expect(second.started.map((s) => s.index)).toEqual([2]);
    expect(statuses(second.queue)).toBe('done running running pending pending');
    expect(progress(second.queue)).toEqual({ total: 5, pending: 2, running: 2, done: 1, failed: 0 });
  });

  it('clamps the concurrency to 1–4', () => {
    expect(createQueue(['a'], 0).concurrency).toBe(1);
    expect(createQueue(['a'], 9).concurrency).toBe(4);
    expect(createQueue(['a'], Number.NaN).concurrency).toBe(1);
  });

  it('isolates failures: one failed item does not stop the rest, and the batch finishes', () => {
    let q = createQueue(['a', 'b', 'c'], 3);
    q = startNext(q).queue;
    q = complete(q, 1, 1, { ok: false, error: failure });
    q = complete(q, 0, 1, { ok: true, savedId: 's0' });
    expect(q.phase).toBe('running');
    q = complete(q, 2, 1, { ok: true, savedId: 's2' });
    expect(statuses(q)).toBe('done failed done');
    expect(q.items[1]?.error).toEqual(failure);
    expect(q.phase).toBe('finished');
    expect(isIdle(q)).toBe(true);
  });

  it('stop sends running items back to pending and keeps finished ones; resume carries on', () => {
    let q = startNext(createQueue(['a', 'b', 'c', 'd'], 2)).queue;
    q = complete(q, 0, 1, { ok: true, savedId: 's0' });
    q = startNext(q).queue; // b, c running
    const before = q;
    q = stop(q);
    expect(q.phase).toBe('stopped');
    expect(statuses(q)).toBe('done pending pending pending');
    expect(interruptedBy(before, q)).toEqual([1, 2]);
    expect(startNext(q).started).toEqual([]);
    // The aborted runs report late: ignored.
    q = complete(q, 1, 1, { ok: false, error: { ...failure, kind: 'aborted' } });
    expect(statuses(q)).toBe('done pending pending pending');

    q = resume(q);
    const restarted = startNext(q);
    expect(restarted.started).toEqual([
      { index: 1, run: 2, problem: 'b' },
      { index: 2, run: 2, problem: 'c' },
    ]);
    q = restarted.queue;
    // A result of the old run of a restarted item is still ignored.
    q = complete(q, 1, 1, { ok: true, savedId: 'old' });
    expect(q.items[1]?.status).toBe('running');
    q = complete(q, 1, 2, { ok: true, savedId: 's1' });
    expect(q.items[1]?.savedId).toBe('s1');
    expect(q.items[0]?.savedId).toBe('s0');
  });

  it('lets an item that is saving finish through a stop', () => {
    let q = startNext(createQueue(['a', 'b'], 2)).queue;
    q = setStage(q, 0, 1, 'saving');
    q = stop(q);
    expect(statuses(q)).toBe('running pending');
    expect(isIdle(q)).toBe(false);
    q = complete(q, 0, 1, { ok: true, savedId: 's0' });
    expect(statuses(q)).toBe('done pending');
    expect(q.phase).toBe('stopped');
    expect(isIdle(q)).toBe(true);
  });

  it('keeps the wait time only while waiting', () => {
    let q = startNext(createQueue(['a'], 1)).queue;
    q = setStage(q, 0, 1, 'waiting', 12_000);
    expect(q.items[0]).toMatchObject({ stage: 'waiting', waitUntil: 12_000 });
    q = setStage(q, 0, 1, 'solving');
    expect(q.items[0]).toMatchObject({ stage: 'solving', waitUntil: null });
    expect(setStage(q, 0, 7, 'saving')).toBe(q);
  });

  it('retry failed puts only failed items back, clearing their messages', () => {
    let q = startNext(createQueue(['a', 'b', 'c'], 3)).queue;
    q = complete(q, 0, 1, { ok: false, error: failure });
    q = complete(q, 1, 1, { ok: true, savedId: 's1' });
    q = complete(q, 2, 1, { ok: false, error: failure });
    expect(q.phase).toBe('finished');
    q = retryFailed(q, 1);
    expect(q.phase).toBe('running');
    expect(statuses(q)).toBe('pending done pending');
    expect(q.items[0]?.error).toBeNull();
    const next = startNext(q);
    expect(next.started.map((s) => s.index)).toEqual([0]);
    expect(retryFailed(createQueue([], 2))).toEqual(createQueue([], 2));
  });

  it('an empty batch is finished at once; resuming a finished batch keeps it finished', () => {
    expect(createQueue([], 2).phase).toBe('finished');
    // Lowering the limit while items run starts nothing until enough have finished.
    let low = startNext(createQueue(['a', 'b', 'c'], 2)).queue;
    low = setStage(setStage(low, 0, 1, 'saving'), 1, 1, 'saving');
    low = resume(stop(low), 1);
    expect(startNext(low).started).toEqual([]);
    low = complete(low, 0, 1, { ok: true, savedId: 's0' });
    expect(startNext(low).started).toEqual([]);
    low = complete(low, 1, 1, { ok: true, savedId: 's1' });
    expect(startNext(low).started.map((s) => s.index)).toEqual([2]);
    let q = startNext(createQueue(['a'], 1)).queue;
    q = complete(q, 0, 1, { ok: true, savedId: 's' });
    expect(resume(q).phase).toBe('finished');
  });

  it('never runs more than the limit and ends with every item done or failed, whatever the order of events', () => {
    // Random interleavings of start / finish / fail / stop / resume / retry.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('finish' as const), pick: fc.nat(), ok: fc.boolean() }),
      fc.constant({ kind: 'stop' as const }),
      fc.record({ kind: fc.constant('resume' as const), concurrency: fc.integer({ min: 1, max: 4 }) }),
      fc.constant({ kind: 'retry' as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 40 }), (n, limit, ops) => {
        let q = createQueue(Array.from({ length: n }, (_, i) => `p${i}`), limit);
        const done = new Map<number, string>();
        const start = () => {
          const next = startNext(q);
          q = next.queue;
          // A lowered limit lets running items finish; nothing new starts above it.
          if (next.started.length > 0) expect(progress(q).running).toBeLessThanOrEqual(q.concurrency);
          check();
        };
        const check = () => {
          // Finished items never change.
          for (const [index, id] of done) expect(q.items[index]).toMatchObject({ status: 'done', savedId: id });
        };
        for (const o of ops) {
          start();
          if (o.kind === 'finish') {
            const running = q.items.filter((i) => i.status === 'running');
            const item = running[o.pick % Math.max(1, running.length)];
            if (item) {
              q = complete(q, item.index, item.run, o.ok ? { ok: true, savedId: `s${item.index}` } : { ok: false, error: failure });
              if (o.ok) done.set(item.index, `s${item.index}`);
            }
          } else if (o.kind === 'stop') q = stop(q);
          else if (o.kind === 'resume') q = resume(q, o.concurrency);
          else q = retryFailed(q);
          check();
        }
        // Drain: resume and let everything succeed.
        q = resume(q);
        for (let guard = 0; guard < 100 && q.phase === 'running'; guard++) {
          start();
          for (const item of q.items.filter((i) => i.status === 'running')) q = complete(q, item.index, item.run, { ok: true, savedId: `s${item.index}` });
        }
        expect(q.phase).toBe('finished');
        expect(q.items.every((i) => i.status === 'done' || i.status === 'failed')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
