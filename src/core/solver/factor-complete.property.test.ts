/**
 * Property test: random products of small integer polynomials (2–3 factors of degree 1–3), expanded, then
 * factored. The product of the factors must be the input exactly, and the factorisation must be SymPy's
 * (so no factor called irreducible factors further). SymPy (Debian's python3-sympy) is the oracle, in tests
 * only; without it the oracle part is skipped with a message, the exact-product part still runs.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { factorInteger, mulPoly, normalise, type IntPoly } from './factor-integer.ts';
import { solveDetailed } from './solve-problem.ts';
import { checkSolved } from './test-support/check-solved.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const COUNT = 1500;

function randomProduct(r: () => number): IntPoly {
  const n = 2 + Math.floor(r() * 2);
  let p: IntPoly = [1n];
  for (let i = 0; i < n; i++) {
    const d = 1 + Math.floor(r() * 3);
    const f: IntPoly = [];
    for (let j = 0; j <= d; j++) f.push(BigInt(Math.floor(r() * 9) - 4));
    if (f[d] === 0n) f[d] = 1n;
    if (f[0] === 0n) f[0] = r() < 0.5 ? 1n : -1n;
    p = mulPoly(p, f);
  }
  return normalise(p);
}

const cases: IntPoly[] = [];
{
  const r = rng(20261202);
  for (let i = 0; i < COUNT; i++) cases.push(randomProduct(r));
}
const results = cases.map((cs) => factorInteger(cs));
const canon = (fs: { cs: IntPoly; mult: number }[]) => fs.map((f) => `${f.cs.join(',')}^${f.mult}`).sort().join(' ');

function sympyFactorLists(polys: IntPoly[]): string[] | null {
  const probe = spawnSync('python3', ['-c', 'import sympy'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const script = [
    'import sys, json',
    'from sympy import Poly, symbols',
    'x = symbols("x")',
    'out = []',
    'for cs in json.loads(sys.stdin.read()):',
    '    p = Poly([int(c) for c in reversed(cs)], x)',
    '    _, fl = p.factor_list()',
    '    parts = []',
    '    for f, m in fl:',
    '        c = [int(a) for a in reversed(f.all_coeffs())]',
    '        if c[-1] < 0: c = [-a for a in c]',
    '        parts.append(",".join(str(a) for a in c) + "^" + str(m))',
    '    out.append(" ".join(sorted(parts)))',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(polys.map((p) => p.map(String))), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`sympy failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('factoring random products (property)', () => {
  it(`the factors multiply back to the input exactly, ${COUNT} products`, () => {
    let incomplete = 0;
    cases.forEach((cs, i) => {
      const r = results[i]!;
      if (!r.complete) incomplete++;
      const back = r.factors.reduce<IntPoly>((acc, f) => {
        let out = acc;
        for (let k = 0; k < f.mult; k++) out = mulPoly(out, f.cs);
        return out;
      }, [1n]);
      expect(back.join(','), cs.join(',')).toBe(cs.join(','));
    });
    expect(incomplete).toBe(0);
  });

  it('no factor called irreducible factors further (SymPy as the oracle)', { timeout: 60_000 }, (ctx) => {
    const want = sympyFactorLists(cases);
    if (!want) {
      console.warn('SymPy (python3-sympy) is not installed: skipping the oracle comparison');
      ctx.skip();
      return;
    }
    let wrong = 0;
    cases.forEach((cs, i) => {
      if (canon(results[i]!.factors) !== want[i]) {
        wrong++;
        if (wrong <= 5) console.error(`mismatch on ${cs.join(',')}: ours ${canon(results[i]!.factors)}, sympy ${want[i]}`);
      }
    });
    expect(wrong).toBe(0);
  });

  it('the solver factors them with a chain that re-checks', { timeout: 120_000 }, () => {
    const text = (cs: IntPoly) =>
      cs
        .map((c, i) => [c, i] as const)
        .filter(([c]) => c !== 0n)
        .reverse()
        .map(([c, i]) => `${c < 0n ? '-' : '+'}${c < 0n ? -c : c}${i > 0 ? `x^${i}` : ''}`)
        .join('');
    let declined = 0;
    for (const cs of cases.slice(0, 300)) {
      const out = solveDetailed(`Factor ${text(cs)}`);
      if (!out.ok) {
        declined++;
        continue;
      }
      expect(checkSolved(out), text(cs)).toBeNull();
    }
    expect(declined).toBe(0);
  });

  it('in two letters too: homogeneous products factor with a chain that re-checks', { timeout: 120_000 }, () => {
    // Each coefficient of x^i·y^(n−i); the answer must keep every factor SymPy finds (same count, dehomogenised).
    const text = (cs: IntPoly) =>
      cs
        .map((c, i) => [c, i] as const)
        .filter(([c]) => c !== 0n)
        .reverse()
        .map(([c, i]) => `${c < 0n ? '-' : '+'}${c < 0n ? -c : c}${i > 0 ? `a^${i}` : ''}${cs.length - 1 - i > 0 ? `b^${cs.length - 1 - i}` : ''}`)
        .join('');
    let declined = 0;
    cases.slice(300, 500).forEach((cs, j) => {
      const out = solveDetailed(`Factor ${text(cs)}`);
      if (!out.ok) {
        declined++;
        return;
      }
      expect(checkSolved(out), text(cs)).toBeNull();
      const pieces = results[300 + j]!.factors.filter((f) => f.cs.length > 1).length;
      const shown = (out.latex.match(/\\left\(/g) ?? []).length;
      expect(shown, `${text(cs)} → ${out.latex}`).toBe(pieces);
    });
    expect(declined).toBe(0);
  });
});
