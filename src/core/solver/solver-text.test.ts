/**
 * The built-in solver's own words read like a teacher's: over every dev problem (and problems that reach the
 * templates the dev set does not), titles and sentences keep their math in `$…$`, negative factors are
 * bracketed, sums never show "+ -", and π is π.
 */
import { describe, expect, it } from 'vitest';
import { add, frac, mul, num, tex, v } from './expr.ts';
import { solveDetailed } from './solve-problem.ts';
import { loadDev } from './test-support/dev-set.ts';
import { factorPairText, productTex, sumTex, varMath } from './wording.ts';

/** Problems for templates the dev set leaves out: the ac method, π, fractions with a negative top, inequalities. */
const EXTRA = [
  'Factor 2x^2 - 5x - 3',
  'Factor x^2 - 3x + 2',
  'Solve 2x^2 - 5x - 3 = 0',
  'Solve x^2 + 2x - 15 = 0',
  'Solve 2x + 1 = pi',
  'd/dx sin(pi x)',
  'd/dx pi x^2',
  'Simplify pi/2 + pi/3',
  'd/dx (x^2+1)/(x-1)',
  'Solve 3 - 2x > 7',
  'Solve x^2 + 4x + 1 = 0',
  'Solve x^2 + 2x + 5 = 0',
  'Solve 1/x + 1/(x-1) = 2',
  'Solve x + y = 2, x + y = 3',
  'Solve -3x = 12',
];

const MATH = /\$\$\n([\s\S]*?)\n\$\$|\$([^$\n]+)\$/g;
const formulas = (md: string) => [...md.matchAll(MATH)].map((m) => m[1] ?? m[2]!);
const prose = (md: string) => md.replace(MATH, '⟨math⟩');

const IN_MATH: [string, RegExp][] = [
  ['a negative factor without brackets', /(?:\\cdot|\\times|·|×)\s*-/],
  // 2 (−3), ½ (−x); a bracketed sum "2 (−x + 7)" is fine.
  ['a number juxtaposed with a bracketed negative', /[\d}]\s*\\left\(-(?:\d+(?:\.\d+)?|\\frac\{\d+\}\{\d+\}|[a-z])\\right\)/],
  ['"+ -"', /\+\s*-/],
  ['"- -"', /-\s+-/],
  // \frac{-2}{x}; the quadratic formula's \frac{-b \pm …} is fine.
  ['a negative numerator', /\\frac\{-[^{}+\\]*\}/],
  ['a coefficient of 1', /(?<![\d.])1\s?[a-z](?![a-z])/],
  ['π as a number', /3\.14/],
];
const IN_PROSE: [string, RegExp][] = [
  ['TeX outside $…$', /[\\^_{}]/],
  ['"pi" as a word', /\bpi\b/],
  ['a double space', /\S {2,}\S/],
  ['π as a number', /3\.14/],
];

function defects(problem: string): string[] {
  const out = solveDetailed(problem);
  if (!out.ok) return [];
  const bad: string[] = [];
  for (const s of out.solution.steps) {
    for (const [where, md] of [['title', s.title], ['text', s.body]] as const) {
      for (const f of formulas(md)) for (const [what, re] of IN_MATH) if (re.test(f)) bad.push(`${problem} — ${where}: ${what}: ${f}`);
      const words = prose(md);
      for (const [what, re] of IN_PROSE) if (re.test(words)) bad.push(`${problem} — ${where}: ${what}: ${md}`);
      // A variable named in a title is typeset: "Solve for $x$", not "Solve for x".
      if (where === 'title' && /(?<![\w'])[b-zA-HJ-Z](?![\w'])/.test(words)) bad.push(`${problem} — title names a variable as text: ${md}`);
    }
  }
  for (const f of formulas(`$${out.solution.answer?.text ?? ''}$`)) for (const [what, re] of IN_MATH) if (re.test(f)) bad.push(`${problem} — answer: ${what}: ${f}`);
  return bad;
}

describe('the built-in solver’s wording', () => {
  it('has no defect class in any title, sentence or formula over the dev problems and the extra problems', () => {
    const problems = [...loadDev().map((p) => p.problem_text), ...EXTRA];
    expect(problems.flatMap(defects)).toEqual([]);
  }, 60_000);

  it('states the factor pair unambiguously, both conditions shown', () => {
    expect(factorPairText(-15n, 2n, 5n, -3n)).toBe(
      'two numbers that multiply to $-15$ and add to $2$: $5$ and $-3$, since $5 \\cdot \\left(-3\\right) = -15$ and $5 + \\left(-3\\right) = 2$',
    );
    expect(productTex(6n, -10n)).toBe('6 \\cdot \\left(-10\\right)');
    expect(sumTex(-1n, -2n)).toBe('-1 + \\left(-2\\right)');
    expect(varMath('x')).toBe('$x$');
  });

  it('writes negative factors in brackets, a negative term with "-", and a negative fraction with its sign in front', () => {
    expect(tex(mul(num(6), num(-10)))).toBe('6 \\cdot \\left(-10\\right)');
    expect(tex({ t: 'add', args: [num(1), { t: 'mul', args: [mul(num(-2), v('x')), v('y')] }] })).toBe('1 - 2 x y');
    expect(tex(add(num(1), frac(num(-2), v('x'))))).toBe('1 - \\frac{2}{x}');
    // A numerator that is a sum keeps its own signs.
    expect(tex(frac(add(num(-1), v('x')), num(2)))).toBe('\\frac{-1 + x}{2}');
  });

  it('writes π as \\pi, before the variables, and over a denominator', () => {
    const answer = (p: string) => {
      const out = solveDetailed(p);
      return out.ok ? out.latex : out.reason;
    };
    expect(answer('d/dx pi x^2')).toBe('2 \\pi x');
    expect(answer('Solve 2x + 1 = pi')).toBe('x = \\frac{\\pi}{2} - \\frac{1}{2}');
    expect(answer('Simplify pi/2 + pi/3')).toBe('\\frac{5 \\pi}{6}');
    // A power of e stays after the variables, like a function.
    expect(answer('d/dx e^(-x^2)')).toBe('-2 x e^{-x^{2}}');
  });
});
