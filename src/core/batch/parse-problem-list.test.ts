import { describe, expect, it } from 'vitest';
import { parseProblemList } from './parse-problem-list.ts';

describe('parseProblemList: one per line', () => {
  it('takes each non-blank line as a problem, trimmed', () => {
    const list = parseProblemList('  Solve 2x + 3 = 7  \n\n\nFactor $x^2 - 9$\r\n\t d/dx sin(x)\n');
    expect(list).toEqual({ problems: ['Solve 2x + 3 = 7', 'Factor $x^2 - 9$', 'd/dx sin(x)'], mode: 'lines', ignored: [] });
  });

  it('strips bullets but not a minus sign or emphasis', () => {
    const list = parseProblemList('- Solve x + 1 = 2\n* Expand $(x+1)^2$\n• Simplify $\\frac{6}{8}$\n-3x + 2 = 5\n*x* is 2; find 3x');
    expect(list.problems).toEqual(['Solve x + 1 = 2', 'Expand $(x+1)^2$', 'Simplify $\\frac{6}{8}$', '-3x + 2 = 5', '*x* is 2; find 3x']);
  });

  it('keeps a display formula that spans lines in one problem', () => {
    const list = parseProblemList('Solve the system\n\\[\n\\begin{cases} x + y = 3 \\\\\n x - y = 1 \\end{cases}\n\\]\nFactor $x^2-1$');
    expect(list.problems).toEqual([
      'Solve the system',
      '\\[\n\\begin{cases} x + y = 3 \\\\\nx - y = 1 \\end{cases}\n\\]',
      'Factor $x^2-1$',
    ]);
  });

  it('reads a decimal at the start of a line as math, not as a number', () => {
    expect(parseProblemList('1.5x + 2 = 5\n2.25 + 1 = ?').problems).toEqual(['1.5x + 2 = 5', '2.25 + 1 = ?']);
  });

  it('gives nothing for empty or blank text', () => {
    expect(parseProblemList('').problems).toEqual([]);
    expect(parseProblemList(' \n\t\n').problems).toEqual([]);
  });
});

describe('parseProblemList: numbered', () => {
  it.each([
    ['1.', '1. Solve x + 1 = 2\n2. Factor $x^2 - 4$'],
    ['1)', '1) Solve x + 1 = 2\n2) Factor $x^2 - 4$'],
    ['(1)', '(1) Solve x + 1 = 2\n(2) Factor $x^2 - 4$'],
    ['Problem 1:', 'Problem 1: Solve x + 1 = 2\nProblem 2: Factor $x^2 - 4$'],
    ['Q1.', 'Q1. Solve x + 1 = 2\nQ2. Factor $x^2 - 4$'],
    ['Question 1', 'Question 1 Solve x + 1 = 2\nquestion 2. Factor $x^2 - 4$'],
    ['#1', '#1 Solve x + 1 = 2\n#2 Factor $x^2 - 4$'],
  ])('reads %s numbering and drops the numbers', (_name, text) => {
    expect(parseProblemList(text)).toEqual({ problems: ['Solve x + 1 = 2', 'Factor $x^2 - 4$'], mode: 'numbered', ignored: [] });
  });

  it('lets an item run over several lines, blank lines included, until the next number', () => {
    const text = '1. A train leaves at 3 pm\n   at 60 km/h.\n\n\n   How far has it gone by 5 pm?\n2. Solve\n$$\nx^2 = 9\n$$';
    expect(parseProblemList(text).problems).toEqual([
      'A train leaves at 3 pm\nat 60 km/h.\n\nHow far has it gone by 5 pm?',
      'Solve\n$$\nx^2 = 9\n$$',
    ]);
  });

  it('keeps LaTeX intact, including a display block across lines with numbers inside it', () => {
    const text = '1) Simplify\n\\[\n\\frac{x^2 - 1}{x - 1}\n2. \\cdot 3\n\\]\n2) Find $\\sqrt{49}$';
    expect(parseProblemList(text).problems).toEqual(['Simplify\n\\[\n\\frac{x^2 - 1}{x - 1}\n2. \\cdot 3\n\\]', 'Find $\\sqrt{49}$']);
  });

  it('keeps a sub-list that restarts at 1 inside its problem, and bullets as text', () => {
    const text = '1. Answer both:\n   1. Solve x = 2\n   2. Solve y = 3\n   - show work\n2. Expand (x+1)^2';
    expect(parseProblemList(text).problems).toEqual(['Answer both:\n1. Solve x = 2\n2. Solve y = 3\n- show work', 'Expand (x+1)^2']);
  });

  it('accepts gaps in the numbering and an item whose text starts on the next line', () => {
    expect(parseProblemList('3.\nSolve x = 1\n7. Solve y = 2').problems).toEqual(['Solve x = 1', 'Solve y = 2']);
  });

  it('reports a title before the first number instead of making it a problem', () => {
    const list = parseProblemList('Worksheet 3 — linear equations\n\n1. x + 1 = 2\n2. 2x = 8');
    expect(list.problems).toEqual(['x + 1 = 2', '2x = 8']);
    expect(list.ignored).toEqual(['Worksheet 3 — linear equations']);
  });

  it('reads a single numbered item as numbered, and one stray number among lines as lines', () => {
    expect(parseProblemList('1. Solve\n x + 1 = 2')).toMatchObject({ problems: ['Solve\nx + 1 = 2'], mode: 'numbered' });
    expect(parseProblemList('x + 1 = 2\n2) y = 3\nz - 1 = 0')).toMatchObject({ problems: ['x + 1 = 2', 'y = 3', 'z - 1 = 0'], mode: 'lines' });
  });

  it('does not take "q2 = 5" or "#" headings as numbers', () => {
    expect(parseProblemList('q2 = 5, find q\n# Title').problems).toEqual(['q2 = 5, find q', '# Title']);
  });
});
