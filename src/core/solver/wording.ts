/**
 * How the solver writes math into its titles and sentences, in one place: every formula (a lone variable too)
 * in `$…$` so it is typeset, negative numbers bracketed inside products and sums, and the factor-pair sentence
 * in one unambiguous form.
 */
import type { Q } from './rational.ts';
import { mul, num, tex, v } from './expr.ts';

/** A formula for a title or sentence. */
export const math = (latex: string): string => `$${latex}$`;

/** A variable, typeset (`$x$`; a longer name in italics). */
export const varMath = (name: string): string => math(tex(v(name)));

/** The product of numbers as written out: `6 \cdot \left(-10\right)`. */
export function productTex(...factors: (bigint | Q)[]): string {
  return tex(mul(...factors.map((f) => num(f))));
}

/** A sum of numbers written as a sum, negative terms bracketed: `5 + \left(-3\right)` (not `5 - 3`). */
export function sumTex(...terms: (bigint | Q)[]): string {
  const [first, ...rest] = terms.map((t) => num(t));
  return [tex(first ?? num(0)), ...rest.map((t) => (tex(t).startsWith('-') ? `\\left(${tex(t)}\\right)` : tex(t)))].join(' + ');
}

/**
 * "two numbers that multiply to −15 and add to 2: 5 and −3, since 5 · (−3) = −15 and 5 + (−3) = 2" — the pair
 * named after the conditions, and both conditions shown holding.
 */
export function factorPairText(product: bigint | Q, sum: bigint | Q, m: bigint | Q, n: bigint | Q): string {
  const t = (x: bigint | Q) => tex(num(x));
  return (
    `two numbers that multiply to ${math(t(product))} and add to ${math(t(sum))}: ${math(t(m))} and ${math(t(n))}, ` +
    `since ${math(`${productTex(m, n)} = ${t(product)}`)} and ${math(`${sumTex(m, n)} = ${t(sum)}`)}`
  );
}
