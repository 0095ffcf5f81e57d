/**
 * The checker's own proof that an integer polynomial does not factor over ℚ. It shares no code with the
 * factoriser. A quadratic is irreducible when its discriminant is not a square. Otherwise reduce modulo small
 * primes: if f = g·h over ℤ, then mod p (p not dividing the leading coefficient) the degrees of g and h are
 * sums of degrees of f's irreducible factors mod p. Distinct-degree factorisation mod several primes gives
 * those degrees; when no degree strictly between 0 and deg f is possible for every prime, f is irreducible.
 * Some polynomials (x⁴ + 1) split mod every prime; for them this returns false (not proved).
 */

const PRIMES = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];

type ModPoly = number[]; // index = degree, entries in [0, p)

const mod = (a: number, p: number) => ((a % p) + p) % p;

function trim(a: ModPoly): ModPoly {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  return a.slice(0, n);
}

function inv(a: number, p: number): number {
  let r = 1;
  let b = mod(a, p);
  for (let e = p - 2; e > 0; e >>= 1) {
    if (e & 1) r = (r * b) % p;
    b = (b * b) % p;
  }
  return r;
}

function rem(a: ModPoly, b: ModPoly, p: number): ModPoly {
  const r = a.slice();
  const db = b.length - 1;
  const il = inv(b[db]!, p);
  for (let i = r.length - 1; i >= db; i--) {
    const c = (r[i]! * il) % p;
    if (c === 0) continue;
    for (let j = 0; j <= db; j++) r[i - db + j] = mod(r[i - db + j]! - c * b[j]!, p);
  }
  return trim(r.slice(0, Math.max(db, 0)));
}

function mulMod(a: ModPoly, b: ModPoly, f: ModPoly, p: number): ModPoly {
  if (!a.length || !b.length) return [];
  const out = new Array(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] = (out[i + j] + a[i]! * b[j]!) % p;
  return rem(trim(out), f, p);
}

function gcd(a: ModPoly, b: ModPoly, p: number): ModPoly {
  let x = trim(a);
  let y = trim(b);
  while (y.length) [x, y] = [y, rem(x, y, p)];
  return x;
}

function sub(a: ModPoly, b: ModPoly, p: number): ModPoly {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(mod((a[i] ?? 0) - (b[i] ?? 0), p));
  return trim(out);
}

function powMod(base: ModPoly, e: number, f: ModPoly, p: number): ModPoly {
  let r: ModPoly = [1];
  let b = rem(base, f, p);
  for (; e > 0; e = Math.floor(e / 2)) {
    if (e % 2) r = mulMod(r, b, f, p);
    b = mulMod(b, b, f, p);
  }
  return r;
}

function divide(a: ModPoly, b: ModPoly, p: number): ModPoly {
  const r = a.slice();
  const db = b.length - 1;
  const out = new Array(a.length - db).fill(0);
  const il = inv(b[db]!, p);
  for (let i = r.length - 1; i >= db; i--) {
    const c = (r[i]! * il) % p;
    out[i - db] = c;
    for (let j = 0; j <= db; j++) r[i - db + j] = mod(r[i - db + j]! - c * b[j]!, p);
  }
  return trim(out);
}

/** Degrees of the irreducible factors of f mod p, or null if f is not square-free mod p. */
function factorDegrees(f: ModPoly, p: number): number[] | null {
  const deriv = trim(f.slice(1).map((c, i) => mod(c * (i + 1), p)));
  if (!deriv.length || gcd(f, deriv, p).length > 1) return null;
  const degs: number[] = [];
  let rest = f;
  let h: ModPoly = [0, 1];
  for (let k = 1; 2 * k <= rest.length - 1; k++) {
    h = powMod(h, p, rest, p);
    const g = gcd(rest, sub(h, [0, 1], p), p);
    const dg = g.length - 1;
    if (dg > 0) {
      for (let i = 0; i < dg / k; i++) degs.push(k);
      rest = divide(rest, g, p);
      h = rem(h, rest, p);
    }
  }
  if (rest.length > 1) degs.push(rest.length - 1);
  return degs;
}

function subsetSums(degs: number[]): Set<number> {
  let s = new Set([0]);
  for (const d of degs) s = new Set([...s, ...[...s].map((x) => x + d)]);
  return s;
}

const isSquare = (n: bigint): boolean => {
  if (n < 0n) return false;
  let r = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (r * r > n) r--;
  while ((r + 1n) * (r + 1n) <= n) r++;
  return r * r === n;
};

/** True only when f (integer coefficients, index = degree, degree ≥ 2) is proved irreducible over ℚ. */
export function provedIrreducible(cs: bigint[]): boolean {
  const n = cs.length - 1;
  if (n < 1 || cs[n] === 0n) return false;
  if (n === 1) return true;
  if (n === 2) return !isSquare(cs[1]! * cs[1]! - 4n * cs[0]! * cs[2]!);
  let possible = null as Set<number> | null;
  for (const p of PRIMES) {
    const P = BigInt(p);
    if (cs[n]! % P === 0n) continue;
    const f = cs.map((c) => Number(((c % P) + P) % P));
    const degs = factorDegrees(f, p);
    if (!degs) continue;
    const sums = subsetSums(degs);
    possible = possible ? new Set([...possible].filter((x) => sums.has(x))) : sums;
    if ([...possible].every((x) => x === 0 || x === n)) return true;
  }
  return false;
}
