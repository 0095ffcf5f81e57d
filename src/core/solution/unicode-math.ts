/**
 * Math typed with Unicode symbols — `x²`, `√(x+1)`, `π`, `3 × 4`, `a ≤ b`, `x − 1` — and how each is written in
 * LaTeX. bare-math.ts uses these tables on runs it has already judged to be formulas, so ordinary words never
 * reach them.
 */

/** Superscript characters and what they raise: `x⁻¹` is `x^{-1}`. */
export const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁻': '-', '⁺': '+', 'ⁿ': 'n',
};

/** Roots and their LaTeX index. */
export const ROOT: Readonly<Record<string, string>> = { '√': '', '∛': '[3]', '∜': '[4]' };

/** Symbols written as a LaTeX command (the trailing space keeps a following letter out of the command name). */
export const SYMBOL: Readonly<Record<string, string>> = {
  'π': '\\pi ', '×': '\\times ', '÷': '\\div ', '·': '\\cdot ', '⋅': '\\cdot ', '−': '-', '≤': '\\le ', '≥': '\\ge ',
  '≠': '\\ne ', '±': '\\pm ', '∓': '\\mp ', '≈': '\\approx ', '∞': '\\infty ',
};

/** Characters that mean math wherever they stand: a powered, rooted or compared quantity, or π. */
export const STRONG_MATH = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ⁿ√∛∜π≤≥≠±∓≈∞]/;

/** Every Unicode character above, for a character class. */
export const UNICODE_MATH_CHARS = `${Object.keys(SUPERSCRIPT).join('')}${Object.keys(ROOT).join('')}${Object.keys(SYMBOL).join('')}`;

/** `s` with its Unicode operators and relations in ASCII (`−` → `-`, `×` → `*`, `≤` → `<`), for shape tests. */
export function asciiOperators(s: string): string {
  return s
    .replace(/−/g, '-')
    .replace(/[×·⋅]/g, '*')
    .replace(/÷/g, '/')
    .replace(/[≤≈≠]/g, '<')
    .replace(/≥/g, '>');
}
