/**
 * Coalesces many updates into one per animation frame: a stream may deliver hundreds of chunks a second,
 * but the screen can only show one state per frame.
 */
export interface FrameBatch {
  schedule(): void;
  /** Runs a pending flush now (end of stream), so the final state does not wait for a frame. */
  flushNow(): void;
  cancel(): void;
}

export function createFrameBatch(flush: () => void): FrameBatch {
  // Absent outside browsers (node tests, workers); a 16 ms timer stands in for a frame there.
  const raf = typeof globalThis.requestAnimationFrame === 'function' ? globalThis.requestAnimationFrame.bind(globalThis) : null;
  const caf = typeof globalThis.cancelAnimationFrame === 'function' ? globalThis.cancelAnimationFrame.bind(globalThis) : null;
  let handle: number | ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    handle = null;
    flush();
  };
  const cancel = () => {
    if (handle === null) return;
    if (raf && caf) caf(handle as number);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
    handle = null;
  };
  return {
    schedule() {
      if (handle !== null) return;
      handle = raf ? raf(run) : setTimeout(run, 16);
    },
    flushNow() {
      if (handle === null) return;
      cancel();
      flush();
    },
    cancel,
  };
}

/** Calls `fn` at most once per `ms`, always eventually with the latest state; `flush` runs a pending call now. */
export function createThrottle(fn: () => void, ms: number): { schedule(): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    schedule() {
      if (timer !== null) return;
      const wait = Math.max(0, last + ms - Date.now());
      timer = setTimeout(run, wait);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
