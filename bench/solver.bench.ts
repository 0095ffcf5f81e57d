/**
 * Built-in solver benchmark, called by `npm run bench`: solve time over the dev problems once the engine is
 * loaded (median and worst), and the engine's bundle size (its lazily loaded entry, minified + gzip).
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { loadDev } from '../src/core/solver/test-support/dev-set.ts';

const ENTRY = fileURLToPath(new URL('../src/services/solver/index.ts', import.meta.url));

/** The solver entry built alone with Vite (Rolldown), minified, as the app's lazy chunk would be. */
async function bundleBytes(): Promise<Uint8Array> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: ENTRY, formats: ['es'], fileName: 'solver' }, rollupOptions: { external: [] } },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const code = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk').map((c) => c.code ?? '').join('\n');
  return new TextEncoder().encode(code);
}

export async function benchSolver(): Promise<string[]> {
  const { solveProblem } = await import('../src/services/solver/index.ts');
  const problems = loadDev().map((p) => p.problem_text);
  // Warm up once (JIT), then time each problem three times and keep its best.
  for (const p of problems) solveProblem(p);
  const times = problems.map((p) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      solveProblem(p);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const worst = sorted.at(-1)!;
  const worstProblem = problems[times.indexOf(worst)]!;

  const js = await bundleBytes();
  const gz = gzipSync(js, { level: 9 }).length;
  return [
    `built-in solver: ${problems.length} dev problems, median ${median.toFixed(2)} ms, worst ${worst.toFixed(2)} ms (${JSON.stringify(worstProblem.slice(0, 60))}) — target median ≤ 20 ms, worst ≤ 200 ms`,
    `built-in solver bundle (src/services/solver/index.ts, minified): ${(js.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip`,
  ];
}
