/**
 * "Your turn" checker benchmark, called by `npm run bench`: time to check one line, over every step state of
 * the dev problems the built-in solver solves (each state as the student's line, and a wrong line for each),
 * with the engine loaded and each chain's context already built (the first check of a solution builds it).
 */
import { loadDev } from '../src/core/solver/test-support/dev-set.ts';

export async function benchCheck(): Promise<string[]> {
  const { solveProblem, tutorChain, checkLine } = await import('../src/services/solver/index.ts');
  const lines: { chain: ReturnType<typeof tutorChain>; done: number; line: string }[] = [];
  for (const p of loadDev()) {
    const out = solveProblem(p.problem_text);
    if (!out.ok) continue;
    const chain = tutorChain(p.problem_text, out.solution);
    chain.states.forEach((s, k) => {
      if (s === null) return;
      lines.push({ chain, done: k, line: s });
      // A wrong line too: the slow path (solving the line, proving the difference, the sign hint).
      lines.push({ chain, done: k, line: s.replace(/\d+/, (d) => String(Number(d) + 1)) });
    });
  }
  // Warm up (JIT, each chain's context), then time each line three times and keep its best.
  for (const l of lines) checkLine(l.chain, l.done, l.line);
  const times = lines.map((l) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      checkLine(l.chain, l.done, l.line);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  const worst = sorted.at(-1)!;
  const w = lines[times.indexOf(worst)]!;
  return [
    `line check: ${lines.length} lines (each dev step state, and one wrong line per state), median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, worst ${worst.toFixed(2)} ms (${JSON.stringify(w.line.slice(0, 50))}) — target median ≤ 5 ms, worst ≤ 50 ms`,
  ];
}
