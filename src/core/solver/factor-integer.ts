/**
 * Complete factorisation of integer polynomials over ℚ (by Gauss's lemma, over ℤ) for the sizes a school
 * sees. Linear factors come from the rational-root test; factors of degree 2, 3, 4 from Kronecker's method:
 * a factor g of f has g(a) dividing f(a) at every integer a, so g is found among the polynomials through
 * divisor values at d + 1 points. The search is pruned by divided differences (for an integer polynomial at
 * integer points they are all integers) and bounded: past the bound the answer is "unknown", never a guess.
 */
import * as R from './rational.ts';

/** Integer coefficients, index = degree. */
export type IntPoly = bigint[];

export interface IntFactor {
  cs: IntPoly;
  mult: number;
}

export interface IntFactorisation {
  factors: IntFactor[];
  /** Every factor of degree ≥ 2 was shown irreducible by an exhaustive search. */
  complete: boolean;
}

/** Search nodes allowed per polynomial before the answer is "unknown". */
const WORK_BOUND = 60_000;

export function evalAt(cs: IntPoly, a: bigint): bigint {
  let s = 0n;
  for (let i = cs.length - 1; i >= 0; i--) s = s * a + cs[i]!;
  return s;
}

export function mulPoly(a: IntPoly, b: IntPoly): IntPoly {
  const out: IntPoly = new Array(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = out[i + j]! + x * y)));
  return out;
}

/** a / b when b divides a exactly over ℤ, else null. */
export function divExact(a: IntPoly, b: IntPoly): IntPoly | null {
  const db = b.length - 1;
  if (a.length - 1 < db) return null;
  const rem = a.slice();
  const out: IntPoly = new Array(a.length - db).fill(0n);
  const lb = b[db]!;
  for (let i = a.length - 1; i >= db; i--) {
    const r = rem[i]!;
    if (r % lb !== 0n) return null;
    const c = r / lb;
    out[i - db] = c;
    for (let j = 0; j <= db; j++) rem[i - db + j] = rem[i - db + j]! - c * b[j]!;
  }
  return rem.every((x) => x === 0n) ? out : null;
}

/** Leading coefficient positive, content 1. */
export function normalise(cs: IntPoly): IntPoly {
  let g = cs.reduce((x, y) => R.gcd(x, y), 0n);
  if (g < 0n) g = -g;
  if (cs.at(-1)! < 0n) g = -g;
  return cs.map((c) => c / g);
}

function push(out: IntFactor[], cs: IntPoly): void {
  const norm = normalise(cs);
  const key = norm.join(',');
  const prev = out.find((f) => f.cs.join(',') === key);
  if (prev) prev.mult++;
  else out.push({ cs: norm, mult: 1 });
}

/** Values past this are not split into divisors: trial division must stay fast and exact. */
const VALUE_BOUND = 10_000_000_000;

/** All positive divisors of |v|, or null when |v| is too large or has too many (the search cannot be exhaustive). */
function allDivisors(v: bigint): bigint[] | null {
  let m = Number(v < 0n ? -v : v);
  if (m === 0 || m > VALUE_BOUND) return null;
  let ds = [1];
  for (let p = 2; p * p <= m; p += p === 2 ? 1 : 2) {
    if (m % p !== 0) continue;
    let e = 0;
    while (m % p === 0) {
      m /= p;
      e++;
    }
    const next: number[] = [];
    for (const d of ds) for (let i = 0, pk = 1; i <= e; i++, pk *= p) next.push(d * pk);
    ds = next;
  }
  if (m > 1) ds = [...ds, ...ds.map((d) => d * m)];
  if (ds.length > 2000) return null;
  return ds.sort((a, b) => a - b).map(BigInt);
}

/** A rational root n/d of cs (d > 0, in lowest terms), null when there is none, 'unknown' when it cannot be told. */
function rationalRoot(cs: IntPoly): [bigint, bigint] | null | 'unknown' {
  const ps = allDivisors(cs[0]!);
  const qs = allDivisors(cs.at(-1)!);
  if (!ps || !qs || ps.length * qs.length > 20_000) return 'unknown';
  for (const d of qs) {
    for (const p of ps) {
      for (const n of [p, -p]) {
        if (R.gcd(n, d) !== 1n) continue;
        let s = 0n;
        const deg = cs.length - 1;
        for (let i = deg; i >= 0; i--) s += cs[i]! * n ** BigInt(i) * d ** BigInt(deg - i);
        if (s === 0n) return [n, d];
      }
    }
  }
  return null;
}

/**
 * Factor a primitive integer polynomial with positive leading coefficient and nonzero constant term into
 * irreducible factors over ℚ. `complete` is false when a search was cut off by the work bound or a value had
 * too many divisors; the factors found are then still correct, only perhaps not all irreducible.
 */
export function factorInteger(cs: IntPoly): IntFactorisation {
  const out: IntFactor[] = [];
  let cur = cs;
  let complete = true;
  // Linear factors first (the rational-root test), then higher ones.
  while (cur.length > 3) {
    const root = rationalRoot(cur);
    if (root === 'unknown') complete = false;
    if (!root || root === 'unknown') break;
    const lin = [-root[0], root[1]];
    cur = divExact(cur, lin)!;
    push(out, lin);
  }
  if (cur.length === 3) {
    // A quadratic: its roots (−b ± √D)/2a, larger first (the order answers have always been written in).
    const [c, b, a] = cur as [bigint, bigint, bigint];
    const D = b * b - 4n * a * c;
    const s = D >= 0n ? R.intRoot(D, 2n) : null;
    if (s === null) push(out, cur);
    else for (const sign of [1n, -1n]) push(out, [-(-b + sign * s), 2n * a]);
    return { factors: out, complete };
  }
  if (cur.length <= 2 || !complete) {
    if (cur.length >= 2) push(out, cur);
    return { factors: out, complete };
  }
  const budget = { left: WORK_BOUND };
  let d = 2;
  while (cur.length > 1) {
    const n = cur.length - 1;
    if (n < 2 * d) {
      push(out, cur);
      break;
    }
    const g = findFactor(cur, d, budget);
    if (g === 'unknown') {
      complete = false;
      push(out, cur);
      break;
    }
    if (g === null) {
      d++;
      continue;
    }
    push(out, g);
    cur = divExact(cur, g)!;
  }
  return { factors: out, complete };
}

/** Integer points where f has the fewest divisor values, as many as asked, or null if too few can be used. */
function pickPoints(f: IntPoly, count: number): { a: bigint; v: bigint; ds: bigint[] }[] | null {
  const cands: { a: bigint; v: bigint; ds: bigint[] }[] = [];
  for (let k = 0; k <= 8; k++) {
    for (const a of k === 0 ? [0n] : [BigInt(k), BigInt(-k)]) {
      const v = evalAt(f, a);
      if (v === 0n) return null; // a root: the caller removes linear factors first
      const ds = allDivisors(v);
      if (ds) cands.push({ a, v, ds });
    }
  }
  if (cands.length < count + 2) return null;
  cands.sort((x, y) => x.ds.length - y.ds.length);
  return cands;
}

/**
 * A factor of f of exactly degree d (primitive, leading coefficient positive), null when there is none, or
 * 'unknown' when the search ran past the bound. f has no factors of degree below d.
 */
function findFactor(f: IntPoly, d: number, budget: { left: number }): IntPoly | null | 'unknown' {
  const pts = pickPoints(f, d + 1);
  if (!pts) return 'unknown';
  const use = pts.slice(0, d + 1);
  const checks = pts.slice(d + 1);
  const xs = use.map((p) => p.a);
  const lc = f.at(-1)!;
  const c0 = f[0]!;
  // Newton form: dd[k] is the k-th divided difference for the values chosen so far.
  const ys: bigint[] = new Array(d + 1).fill(0n);
  const table: bigint[][] = [];
  let found: IntPoly | null = null;
  let cut = false;
  const dfs = (k: number): void => {
    if (found || cut) return;
    const signs = k === 0 ? [1n] : [1n, -1n]; // g and −g are the same factor
    for (const dv of use[k]!.ds) {
      for (const s of signs) {
        if (--budget.left < 0) {
          cut = true;
          return;
        }
        ys[k] = s * dv;
        // Row k of the divided-difference table; every entry must be an integer.
        const row: bigint[] = [ys[k]!];
        let ok = true;
        for (let j = 1; j <= k; j++) {
          const num = row[j - 1]! - table[k - 1]![j - 1]!;
          const den = xs[k]! - xs[k - j]!;
          if (num % den !== 0n) {
            ok = false;
            break;
          }
          row.push(num / den);
        }
        if (!ok) continue;
        table[k] = row;
        if (k < d) {
          dfs(k + 1);
          if (found || cut) return;
          continue;
        }
        const lead = row[d]!;
        if (lead === 0n || lc % lead !== 0n) continue;
        const g = newtonToPoly(xs, table.map((r, i) => r[i]!));
        if (g[0] === 0n || c0 % g[0]! !== 0n) continue;
        if (!checks.every((p) => {
          const gv = evalAt(g, p.a);
          return gv !== 0n && p.v % gv === 0n;
        })) continue;
        if (divExact(f, g)) {
          found = normalise(g);
          return;
        }
      }
    }
  };
  dfs(0);
  if (found) return found;
  return cut ? 'unknown' : null;
}

/** Coefficients of Σ c_k·Π_{j<k}(x − x_j). */
function newtonToPoly(xs: bigint[], cs: bigint[]): IntPoly {
  let p: IntPoly = [cs.at(-1)!];
  for (let k = cs.length - 2; k >= 0; k--) {
    p = mulPoly(p, [-xs[k]!, 1n]);
    p[0] = p[0]! + cs[k]!;
  }
  return p;
}
