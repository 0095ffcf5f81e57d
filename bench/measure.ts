/**
 * Timing helpers shared by the benchmark sections. Figures only: nothing here asserts a time,
 * because timings depend on the machine (see bench/run.ts).
 */

export interface Timing {
  /** Milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` `warmup` times untimed (so the JIT has compiled the hot paths), then `runs` times timed.
 * `fn` may return its own measurement (ms) when only part of the call should count.
 */
export function measure(fn: () => number | void, { warmup, runs }: { warmup: number; runs: number }): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const own = fn();
    times.push(typeof own === 'number' ? own : now() - t0);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** A duration for humans: µs below 1 ms, s above 10 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 10_000) return `${ms.toFixed(ms < 100 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export const formatInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Left column padded, other columns padded to a common width: a plain-text table. */
export function table(rows: readonly (readonly string[])[], widths: readonly number[]): string[] {
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
