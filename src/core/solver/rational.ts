/**
 * Exact rational numbers on BigInt. Every number the solver shows is computed here, so that answers such as
 * -1121/21 or -1.962 are exact and never floating-point approximations.
 */
export interface Q {
  readonly n: bigint;
  /** Always > 0; gcd(|n|, d) = 1. */
  readonly d: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export const lcm = (a: bigint, b: bigint): bigint => (a === 0n || b === 0n ? 0n : abs(a * b) / gcd(a, b));

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = q(0);
export const ONE = q(1);
export const MINUS_ONE = q(-1);

export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const neg = (a: Q): Q => ({ n: -a.n, d: a.d });
export const inv = (a: Q): Q => q(a.d, a.n);
export const isZero = (a: Q): boolean => a.n === 0n;
export const isOne = (a: Q): boolean => a.n === 1n && a.d === 1n;
export const isInt = (a: Q): boolean => a.d === 1n;
export const isNeg = (a: Q): boolean => a.n < 0n;
export const eq = (a: Q, b: Q): boolean => a.n === b.n && a.d === b.d;
export const cmp = (a: Q, b: Q): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const qabs = (a: Q): Q => (a.n < 0n ? neg(a) : a);
export const toNumber = (a: Q): number => Number(a.n) / Number(a.d);

export function powInt(a: Q, k: bigint): Q {
  if (k < 0n) return powInt(inv(a), -k);
  let r = ONE;
  let base = a;
  let e = k;
  while (e > 0n) {
    if (e & 1n) r = mul(r, base);
    base = mul(base, base);
    e >>= 1n;
  }
  return r;
}

/** Exact k-th root of a non-negative integer, or null. */
export function intRoot(n: bigint, k: bigint): bigint | null {
  if (n < 0n) return null;
  if (n < 2n) return n;
  // Newton iteration on bigint.
  let x = BigInt(Math.round(Math.pow(Number(n), 1 / Number(k))));
  for (let i = 0; i < 200; i++) {
    const xk1 = x ** (k - 1n);
    const nx = ((k - 1n) * x + n / (xk1 === 0n ? 1n : xk1)) / k;
    if (nx === x || abs(nx - x) <= 1n) {
      for (const c of [nx - 1n, nx, nx + 1n, x - 1n, x, x + 1n]) if (c >= 0n && c ** k === n) return c;
      return null;
    }
    x = nx;
  }
  return null;
}

/** Exact rational k-th root, or null when it is irrational. */
export function qRoot(a: Q, k: bigint): Q | null {
  if (a.n < 0n) {
    if (k % 2n === 0n) return null;
    const r = qRoot(neg(a), k);
    return r && neg(r);
  }
  const n = intRoot(a.n, k);
  const d = intRoot(a.d, k);
  return n !== null && d !== null ? q(n, d) : null;
}

/** Parses "12", "-3.25", "0.7579" exactly. */
export function parseDecimal(s: string): Q {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) throw new SyntaxError(`not a number: ${s}`);
  const frac = m[3] ?? '';
  const digits = BigInt((m[2] || '0') + frac);
  return q(m[1] ? -digits : digits, 10n ** BigInt(frac.length));
}

/** The decimal expansion when it terminates (denominator 2^a·5^b), else null. */
export function toDecimalString(a: Q): string | null {
  let d = a.d;
  let twos = 0n;
  let fives = 0n;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return null;
  const places = twos > fives ? twos : fives;
  if (places === 0n) return a.n.toString();
  const scaled = (abs(a.n) * 10n ** places) / a.d;
  const s = scaled.toString().padStart(Number(places) + 1, '0');
  const cut = s.length - Number(places);
  return `${a.n < 0n ? '-' : ''}${s.slice(0, cut)}.${s.slice(cut)}`;
}

export const qToString = (a: Q): string => (a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`);

/** Prime factorisation of a positive integer small enough for trial division (school numbers). */
export function factorInt(n: bigint): Map<bigint, bigint> {
  const out = new Map<bigint, bigint>();
  let m = abs(n);
  for (let p = 2n; p * p <= m; p += p === 2n ? 1n : 2n) {
    if (p > 1_000_000n) return out.set(m, 1n); // give up splitting: keep the rest as one factor
    while (m % p === 0n) {
      out.set(p, (out.get(p) ?? 0n) + 1n);
      m /= p;
    }
  }
  if (m > 1n) out.set(m, (out.get(m) ?? 0n) + 1n);
  return out;
}

/** Positive divisors of |n| (for rational-root and factor-pair searches), or null if there are too many. */
export function divisors(n: bigint, limit = 5000): bigint[] | null {
  const m = abs(n);
  if (m === 0n) return null;
  const f = factorInt(m);
  let ds = [1n];
  for (const [p, e] of f) {
    const next: bigint[] = [];
    for (const d of ds) {
      let pk = 1n;
      for (let i = 0n; i <= e; i++) {
        next.push(d * pk);
        pk *= p;
      }
    }
    ds = next;
    if (ds.length > limit) return null;
  }
  return ds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
