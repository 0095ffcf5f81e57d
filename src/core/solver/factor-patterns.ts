/**
 * The patterns a student is taught, each splitting one factor into smaller ones: difference of squares and
 * sum/difference of cubes (also in x², x³ …), perfect-square trinomials and trinomials in xᵐ, binomial powers
 * (Pascal's triangle), and for a quadratic the two-numbers and ac methods. Each pattern returns the steps to
 * show (as states of the one factor) and the factors it produces; nothing here decides completeness.
 */
import * as R from './rational.ts';
import { type Expr, tex, add, mul, pow, num, v, negate } from './expr.ts';
import { factorPairText, productTex } from './wording.ts';
import type { IntFactor, IntPoly } from './factor-integer.ts';

export interface PatternStep {
  title: string;
  text: string;
  /** The factor rewritten (each shown in place of the factor, in the whole product). */
  shows: Expr[];
}

export interface Split {
  steps: PatternStep[];
  parts: IntFactor[];
}

/** Letters: the main one, and the second one of a homogeneous polynomial. */
export interface Letters {
  x: string;
  y?: string;
}

/** k·x^xe·y^ye as an expression. */
export function mono(k: bigint, xe: number, ye: number, L: Letters): Expr {
  const parts: Expr[] = [];
  if (xe > 0) parts.push(xe === 1 ? v(L.x) : pow(v(L.x), xe));
  if (L.y && ye > 0) parts.push(ye === 1 ? v(L.y) : pow(v(L.y), ye));
  if (parts.length === 0) return num(k);
  const m = parts.length === 1 ? parts[0]! : mul(...parts);
  if (k === 1n) return m;
  if (k === -1n) return negate(m);
  return mul(num(k), ...parts);
}

const nonzero = (cs: IntPoly) => cs.map((c, i) => [i, c] as const).filter(([, c]) => c !== 0n);

/** p·x^m + q (homogenised: q·y^m) as a factor. */
function binomialIn(p: bigint, q: bigint, m: number): IntPoly {
  const cs: IntPoly = new Array(m + 1).fill(0n);
  cs[m] = p;
  cs[0] = q;
  return cs;
}

/** The first pattern that splits cs, or null. cs is primitive with positive leading coefficient. */
export function patternSplit(cs: IntPoly, L: Letters): Split | null {
  const n = cs.length - 1;
  const terms = nonzero(cs);
  if (n === 2) return quadratic(cs, L);
  if (terms.length === 2 && terms[0]![0] === 0) return twoTerms(cs[n]!, cs[0]!, n, L);
  if (terms.length === 3 && terms[0]![0] === 0 && n % 2 === 0 && terms[1]![0] === n / 2) return trinomialIn(cs[n]!, cs[n / 2]!, cs[0]!, n / 2, L);
  return grouping(cs, L) ?? binomialPower(cs, L);
}

/** The bracket shown as a product of one factor, so a sum keeps its parentheses: g·x(x + 3) + (x + 3). */
const bracketed = (e: Expr): Expr => ({ t: 'mul', args: [e] }) as Expr;

/** a·xⁿ + b·xⁿ⁻¹ + c·x + d with a·d = b·c: g·xⁿ⁻¹(p·x + q) + h·(p·x + q) = (g·xⁿ⁻¹ + h)(p·x + q). */
function grouping(cs: IntPoly, L: Letters): Split | null {
  const n = cs.length - 1;
  if (n < 3 || nonzero(cs).length !== 4) return null;
  const [d, c, b, a] = [cs[0]!, cs[1]!, cs[n - 1]!, cs[n]!];
  if (!a || !b || !c || !d || a * d !== b * c) return null;
  const g = R.gcd(a, b);
  const p = a / g;
  const q = b / g;
  const h = (c * g) / a;
  if (h * p !== c || h * q !== d) return null;
  const inner = add(mono(p, 1, 0, L), mono(q, 0, 1, L));
  const first = mul(mono(g, n - 1, 0, L), inner);
  const second = h === 1n && !L.y ? bracketed(inner) : mul(mono(h, 0, n - 1, L), inner);
  const outer: IntPoly = new Array(n).fill(0n);
  outer[n - 1] = g;
  outer[0] = h;
  return {
    steps: [
      {
        title: 'Factor by grouping',
        text: `Group the first two terms and the last two, take out the common factor of each pair, then the common bracket $(${tex(inner)})$:`,
        shows: [{ t: 'add', args: [first, second] } as Expr],
      },
    ],
    parts: [
      { cs: outer, mult: 1 },
      { cs: [q, p], mult: 1 },
    ],
  };
}

function twoTerms(a: bigint, c: bigint, n: number, L: Letters): Split | null {
  const ra = R.intRoot(a, 2n);
  const rc = c < 0n ? R.intRoot(-c, 2n) : null;
  if (n % 2 === 0 && ra !== null && rc !== null) {
    const m = n / 2;
    const A = mono(ra, m, 0, L);
    const B = mono(rc, 0, m, L);
    return {
      steps: [
        {
          title: 'Use the difference of squares',
          text: `Both terms are perfect squares, so use $a^2 - b^2 = (a + b)(a - b)$ with $a = ${tex(A)}$ and $b = ${tex(B)}$:`,
          shows: [add(pow(A, 2), negate(pow(B, 2)))],
        },
      ],
      parts: [
        { cs: binomialIn(ra, -rc, m), mult: 1 },
        { cs: binomialIn(ra, rc, m), mult: 1 },
      ],
    };
  }
  const ca = R.intRoot(a, 3n);
  const cc = c < 0n ? R.intRoot(-c, 3n) : R.intRoot(c, 3n);
  if (n % 3 === 0 && ca !== null && cc !== null) {
    const m = n / 3;
    const s = c < 0n ? -1n : 1n;
    const A = mono(ca, m, 0, L);
    const B = mono(cc, 0, m, L);
    const sum = s > 0n;
    const rule = sum ? 'a^3 + b^3 = (a + b)(a^2 - ab + b^2)' : 'a^3 - b^3 = (a - b)(a^2 + ab + b^2)';
    // (a ± b)(a² ∓ ab + b²) with a = ca·x^m, b = cc·y^m.
    const quad: IntPoly = new Array(2 * m + 1).fill(0n);
    quad[2 * m] = ca * ca;
    quad[m] = -s * ca * cc;
    quad[0] = cc * cc;
    return {
      steps: [
        {
          title: sum ? 'Use the sum of cubes' : 'Use the difference of cubes',
          text: `Both terms are perfect cubes, so use $${rule}$ with $a = ${tex(A)}$ and $b = ${tex(B)}$:`,
          shows: [add(pow(A, 3), sum ? pow(B, 3) : negate(pow(B, 3)))],
        },
      ],
      parts: [
        { cs: binomialIn(ca, s * cc, m), mult: 1 },
        { cs: quad, mult: 1 },
      ],
    };
  }
  return null;
}

/** a·x^{2m} + b·x^m + c with m ≥ 2: a perfect square, or a quadratic in u = x^m that factors. */
function trinomialIn(a: bigint, b: bigint, c: bigint, m: number, L: Letters): Split | null {
  const D = b * b - 4n * a * c;
  const s = D >= 0n ? R.intRoot(D, 2n) : null;
  if (s === null) return null;
  const ra = R.intRoot(a, 2n);
  const rc = c > 0n ? R.intRoot(c, 2n) : null;
  if (D === 0n && ra !== null && rc !== null) {
    const sg = b < 0n ? -1n : 1n;
    const A = mono(ra, m, 0, L);
    const B = mono(rc, 0, m, L);
    const op = sg < 0n ? '-' : '+';
    return {
      steps: [
        {
          title: 'Recognise a perfect square trinomial',
          text: `The first and last terms are squares, $${tex(pow(A, 2))}$ and $${tex(pow(B, 2))}$, and the middle term is $${sg < 0n ? '-' : ''}2 \\cdot ${tex(A)} \\cdot ${tex(B)}$, so use $a^2 ${op} 2ab + b^2 = (a ${op} b)^2$:`,
          shows: [add(pow(A, 2), mul(num(2n * sg), A, B), pow(B, 2))],
        },
      ],
      parts: [{ cs: binomialIn(ra, sg * rc, m), mult: 2 }],
    };
  }
  // a·u² + b·u + c = (p·u + q)(r·u + t), read off the rational roots u = (−b ± s)/2a.
  const parts: IntFactor[] = [];
  for (const sign of [1n, -1n]) {
    const nu = -b + sign * s;
    const de = 2n * a;
    const g = R.gcd(nu, de) || 1n;
    parts.push({ cs: binomialIn(de / g, -(nu / g), m), mult: 1 });
  }
  const u = mono(1n, m, 0, L);
  return {
    steps: [
      {
        title: `Factor as a quadratic in $${tex(u)}$`,
        text: `The powers are $${tex(pow(u, 2))}$, $${tex(u)}$ and a constant, so this is a quadratic in $u = ${tex(u)}$: $${tex(add(mono(a, 2, 0, { x: 'u' }), mono(b, 1, 0, { x: 'u' }), num(c)))}$. Factor it as a quadratic, then put $${tex(u)}$ back for $u$:`,
        shows: [],
      },
    ],
    parts,
  };
}

/** (αx + β)ⁿ for n ≥ 3, recognised by its binomial coefficients. */
function binomialPower(cs: IntPoly, L: Letters): Split | null {
  const n = cs.length - 1;
  if (n < 3) return null;
  const al = R.intRoot(cs[n]!, BigInt(n));
  if (al === null || al === 0n) return null;
  const b0 = cs[0]! < 0n && n % 2 === 1 ? -(R.intRoot(-cs[0]!, BigInt(n)) ?? 0n) : R.intRoot(cs[0]! < 0n ? -1n : cs[0]!, BigInt(n));
  if (b0 === null || b0 === 0n) return null;
  for (const be of n % 2 === 0 ? [b0, -b0] : [b0]) {
    let ok = true;
    let binom = 1n;
    for (let k = 0; k <= n && ok; k++) {
      // Coefficient of x^{n−k}: C(n, k)·α^{n−k}·β^k.
      if (cs[n - k] !== binom * al ** BigInt(n - k) * be ** BigInt(k)) ok = false;
      binom = (binom * BigInt(n - k)) / BigInt(k + 1);
    }
    if (!ok) continue;
    const A = mono(al, 1, 0, L);
    const B = mono(be < 0n ? -be : be, 0, 1, L);
    const row: bigint[] = [];
    let c = 1n;
    for (let k = 0; k <= n; k++) {
      row.push(c);
      c = (c * BigInt(n - k)) / BigInt(k + 1);
    }
    const op = be < 0n ? '-' : '+';
    return {
      steps: [
        {
          title: 'Recognise a binomial power',
          text: `The coefficients follow row ${n} of Pascal's triangle (${row.join(', ')}) with powers of $a = ${tex(A)}$ falling and powers of $b = ${tex(B)}$ rising${be < 0n ? ', signs alternating' : ''}, so this is $(a ${op} b)^{${n}}$:`,
          shows: [],
        },
      ],
      parts: [{ cs: [be, al], mult: n }],
    };
  }
  return null;
}

/** A quadratic a·x² + b·x + c that factors: difference of squares, perfect square, two numbers, or ac method. */
function quadratic(cs: IntPoly, L: Letters): Split | null {
  const [c, b, a] = cs as [bigint, bigint, bigint];
  const D = b * b - 4n * a * c;
  const s = D >= 0n ? R.intRoot(D, 2n) : null;
  if (s === null) return null;
  if (b === 0n && c < 0n) {
    const two = twoTerms(a, c, 2, L);
    if (two) return two;
  }
  if (b !== 0n) {
    const tri = D === 0n ? trinomialIn(a, b, c, 1, L) : null;
    if (tri) return tri;
  }
  const parts: IntFactor[] = [];
  for (const sign of [1n, -1n]) {
    const nu = -b + sign * s;
    const de = 2n * a;
    const g = R.gcd(nu, de) || 1n;
    parts.push({ cs: [-(nu / g), de / g], mult: 1 });
  }
  if (parts[0]!.cs.join() === parts[1]!.cs.join()) {
    parts.pop();
    parts[0]!.mult = 2;
  }
  const m = (b + s) / 2n;
  const nn = (b - s) / 2n;
  const X = (k: bigint) => mono(k, 1, 1, L);
  if (a === 1n) return { steps: [{ title: 'Find two numbers', text: `Look for ${factorPairText(c, b, m, nn)}. So:`, shows: [] }], parts };
  const split = add(mono(a, 2, 0, L), X(m), X(nn), mono(c, 0, 2, L));
  const steps: PatternStep[] = [
    {
      title: 'Split the middle term (ac method)',
      text: `Multiply $a \\cdot c = ${productTex(a, c)} = ${tex(num(a * c))}$. Find ${factorPairText(a * c, b, m, nn)}. So split $${tex(X(b))}$ into $${tex(X(m))}$ and $${tex(X(nn))}$:`,
      shows: [split],
    },
  ];
  // Group: a x² + m x = g1·x·(p x + q), n x + c = g2·(p x + q).
  const g1 = R.gcd(a, m);
  const p = a / g1;
  const qq = m / g1;
  const g2 = (nn * g1) / a;
  if (g2 * a === nn * g1 && g2 * qq === c) {
    const inner = add(mono(p, 1, 0, L), mono(qq, 0, 1, L));
    const grouped: Expr = { t: 'add', args: [mul(mono(g1, 1, 0, L), inner), g2 === 1n && !L.y ? bracketed(inner) : mul(mono(g2, 0, 1, L), inner)] };
    steps.push({ title: 'Factor by grouping', text: `Take out the common factor of each pair, then the common bracket $(${tex(inner)})$:`, shows: [grouped] });
  } else steps.push({ title: 'Factor by grouping', text: 'Group the terms in pairs and take out the common bracket:', shows: [] });
  return { steps, parts };
}
