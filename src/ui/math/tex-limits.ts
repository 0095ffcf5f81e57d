/**
 * Size limits for untrusted TeX. KaTeX's `maxSize` caps every size a formula gives (`\rule{100000em}{1em}` is
 * drawn 20em wide) but only from above: `\kern-1000em` or `\raisebox{-500em}{…}` would still move what follows
 * over the rest of the page. So negative sizes given to the spacing commands are added up, and a formula that
 * moves more than `MAX_SIZE_EM` backwards or downwards is not typeset.
 */

/** The largest size, in em, a formula may give anything; real spacing (struts, fill-in lines) stays far below. */
export const MAX_SIZE_EM = 20;

/** em per unit, with KaTeX's own factors (1em = 10pt in its default font). */
const EM_PER_UNIT: Record<string, number> = {
  em: 1,
  ex: 0.431,
  mu: 1 / 18,
  pt: 0.1,
  mm: 7227 / 25400,
  cm: 7227 / 2540,
  in: 7.227,
  bp: 803 / 8000,
  px: 803 / 8000,
  pc: 1.2,
  dd: 1238 / 11570,
  cc: 14856 / 11570,
  nd: 685 / 6420,
  nc: 1370 / 1070,
  sp: 1 / 655360,
};

/** A negative size as the argument of a command that moves things: `\kern-5em`, `\hspace{-1cm}`, `\\[-2ex]`… */
const NEGATIVE_SIZE =
  /\\(?:kern|mkern|hskip|mskip|hspace\*?|raisebox|rule|\\)\s*[{[]?\s*-\s*(\d*\.?\d+)\s*(em|ex|mu|pt|mm|cm|in|bp|px|pc|dd|cc|nd|nc|sp)/g;

/** Why the formula must not be typeset, or null when its negative spacing stays within the limit. */
export function excessNegativeSpace(tex: string): string | null {
  // Nearly every formula stops here.
  if (!tex.includes('-')) return null;
  let total = 0;
  for (const m of tex.matchAll(NEGATIVE_SIZE)) total += Number(m[1]) * (EM_PER_UNIT[m[2] ?? ''] ?? 1);
  return total > MAX_SIZE_EM ? `Negative spacing of more than ${MAX_SIZE_EM}em is not supported` : null;
}
