import { describe, expect, it } from 'vitest';
import { handoutToLatex } from './handout-latex.ts';
import { defaultHandoutOptions, layoutHandout } from '../handout/handout.ts';
import { handout, sources } from './test-support/sample-handout.ts';

/** Every \begin{x} has its \end{x}, properly nested — the commonest way generated LaTeX fails to compile. */
function environments(latex: string): string[] {
  const stack: string[] = [];
  for (const m of latex.matchAll(/\\(begin|end)\{(\w+)\}/g)) {
    if (m[1] === 'begin') stack.push(m[2]!);
    else expect(stack.pop(), `\\end{${m[2]}} closes the innermost environment`).toBe(m[2]);
  }
  expect(stack).toEqual([]);
  return [...latex.matchAll(/\\begin\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Braces balance outside escaped \{ \}. */
function expectBalancedBraces(latex: string) {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    if (latex[i] === '\\') {
      i++;
      continue;
    }
    if (latex[i] === '{') depth++;
    if (latex[i] === '}') depth--;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
}

describe('handoutToLatex', () => {
  it('worked mode: an exam-class document with questions and solutions shown', () => {
    const tex = handoutToLatex(handout({ mode: 'worked', answerKey: 'none' }), { paper: 'a4' });
    expect(tex.startsWith('\\documentclass[11pt,a4paper]{exam}')).toBe(true);
    expect(tex).toContain('\\printanswers');
    expect(tex).toContain('\\cfoot{Page \\thepage\\ of \\numpages}');
    expect(environments(tex).filter((e) => e === 'solution')).toHaveLength(2);
    expect(tex.match(/\\question /g)).toHaveLength(2);
    expect(tex).toContain('\\textbf{Step 1: Subtract 3}');
    expect(tex).toContain('\\textbf{Step 1}\\par'); // no title: no dangling colon
    expect(tex).toContain('\\textbf{Answer:} $x = 8$');
    expect(tex).toContain('\\emph{(no final answer)}');
    expectBalancedBraces(tex);
  });

  it('keeps math as LaTeX, turns $$ into \\[ \\], and escapes text', () => {
    const tex = handoutToLatex(handout({ mode: 'worked' }), { paper: 'letter' });
    expect(tex).toContain('\\question Solve $\\frac{x}{2} + 3 = 7$ \\& check (100\\% sure).');
    expect(tex).toContain('\\[ \\frac{x}{2} = 4 \\]');
    expect(tex).toContain('Use\\_no\\_calculator \\#fast');
    expect(tex).toContain('{\\Large\\bfseries Quiz \\#1: 50\\% \\& more}');
    expect(tex).toContain('\\textbf{Double} it');
    expect(tex).not.toContain('$$');
    expect(tex).toContain('letterpaper');
  });

  it('problems mode: ruled work space, no solutions, key on a new page', () => {
    const tex = handoutToLatex(handout({ mode: 'problems', workLines: 6 }), { paper: 'a4' });
    expect(tex).toContain('\\noprintanswers');
    expect(tex.match(/\\fillwithlines\{1\.50in\}/g)).toHaveLength(2);
    expect(tex).not.toContain('Subtract 3');
    const key = tex.indexOf('Answer key');
    expect(tex.lastIndexOf('\\newpage', key)).toBeGreaterThan(tex.lastIndexOf('\\end{questions}', key));
    expect(tex).toContain('\\item[1.] $x = 8$');
    expect(tex).toContain('\\item[2.] \\emph{(no final answer)}');
    environments(tex);
    expectBalancedBraces(tex);
  });

  it('faded mode: shown steps, then each hidden step as lines that \\printanswers turns into the step', () => {
    const tex = handoutToLatex(handout({ mode: 'faded', fadedSteps: 1, answerKey: 'after' }), { paper: 'a4' });
    expect(tex).toContain('\\noprintanswers');
    expect(tex).toContain('\\textbf{Step 1: Subtract 3}');
    expect(tex).toMatch(/\\noindent\\textbf\{Step 2\}\n\\begin\{solutionorlines\}\[\d\.\d\din\]\n\\textbf\{Step 2: Multiply by 2\}\\par\n\\textbf\{Double\} it: \$x = 8\$\.\n\\end\{solutionorlines\}/);
    expect(tex).not.toContain('\\fillwithlines');
    expect(tex).not.toContain('\\newpage');
    environments(tex);
    expectBalancedBraces(tex);
  });

  it('two columns, no numbering, font size capped at the exam class maximum', () => {
    const tex = handoutToLatex(handout({ columns: 2, numbering: false, fontSize: 14, nameDateLine: false }), { paper: 'a4' });
    expect(environments(tex)).toContain('multicols');
    expect(tex).toContain('\\renewcommand{\\questionlabel}{}');
    expect(tex).toContain('\\item[] $x = 8$');
    expect(tex.startsWith('\\documentclass[12pt,')).toBe(true);
    expect(tex).not.toContain('Name:');
  });

  it('key mode: the problems with their answers', () => {
    const tex = handoutToLatex(handout({ mode: 'key' }), { paper: 'a4' });
    expect(tex.match(/\\question /g)).toHaveLength(2);
    expect(tex).toContain('\\textbf{Answer:} $x = 8$');
    expect(tex).not.toContain('Subtract 3');
  });

  it('keeps the math in a step title as math (the built-in solver titles "Solve for $x$") and escapes its text', () => {
    const first = sources[0]!;
    const steps = [{ ...first.solution.steps[0]!, title: 'Solve for $x$ & check' }];
    const doc = layoutHandout([{ ...first, solution: { ...first.solution, steps } }], { ...defaultHandoutOptions(), mode: 'worked' });
    const tex = handoutToLatex(doc, { paper: 'a4' });
    expect(tex).toContain('\\textbf{Step 1: Solve for $x$ \\& check}');
    expectBalancedBraces(tex);
  });
});
