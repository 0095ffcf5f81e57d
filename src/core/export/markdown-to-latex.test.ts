import { describe, expect, it } from 'vitest';
import { cleanMath, escapeLatexText, inlineToLatex, markdownToLatex } from './markdown-to-latex.ts';

describe('escapeLatexText', () => {
  it('escapes every LaTeX special character in text', () => {
    expect(escapeLatexText('50% of $3 & #1 a_b {x} ~ ^ \\')).toBe(
      '50\\% of \\$3 \\& \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });
  it('turns Unicode math symbols in text into math', () => {
    expect(escapeLatexText('x ≤ 3 and 2 × 4')).toBe('x $\\le$ 3 and 2 $\\times$ 4');
  });
});

describe('inlineToLatex', () => {
  it('keeps inline math as LaTeX and escapes the text around it', () => {
    expect(inlineToLatex('Cost is 5% so $x_1 = \\frac{1}{2}$ & done')).toBe('Cost is 5\\% so $x_1 = \\frac{1}{2}$ \\& done');
  });
  it('turns $$…$$ and \\[…\\] into display math and \\(…\\) into inline math', () => {
    expect(inlineToLatex('So $$x^2$$ and \\(y\\) and \\[z\\]')).toBe('So \\[ x^2 \\] and $y$ and \\[ z \\]');
  });
  it('treats an escaped dollar as text, not math', () => {
    expect(inlineToLatex('It costs \\$5 and \\$6')).toBe('It costs \\$5 and \\$6');
  });
  it('converts bold, italics and code, escaping inside them', () => {
    expect(inlineToLatex('**Note:** the *key* step uses `a_b` and _this_')).toBe(
      '\\textbf{Note:} the \\emph{key} step uses \\texttt{a\\_b} and \\emph{this}',
    );
  });
  it('leaves snake_case words and lone asterisks as text', () => {
    expect(inlineToLatex('a_b_c and 2 * 3 * 4')).toBe('a\\_b\\_c and 2 * 3 * 4');
  });
});

it('cleanMath replaces Unicode symbols inside math', () => {
  expect(cleanMath(' x ≤3 − y, θ ')).toBe('x \\le 3 - y, \\theta');
});

describe('markdownToLatex', () => {
  it('keeps paragraphs and multi-line display math', () => {
    const md = 'First we expand:\n\n$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n\nThen simplify.';
    expect(markdownToLatex(md)).toBe('First we expand:\n\n\\[ (x+1)^2 = x^2 + 2x + 1 \\]\n\nThen simplify.');
  });
  it('converts lists and headings', () => {
    expect(markdownToLatex('### Check\n- $x = 2$ works\n- so does *this*\n\n1. one\n2. two')).toBe(
      [
        '\\par\\noindent\\textbf{Check}\\par',
        '\\begin{itemize}',
        '  \\item $x = 2$ works',
        '  \\item so does \\emph{this}',
        '\\end{itemize}',
        '',
        '\\begin{enumerate}',
        '  \\item one',
        '  \\item two',
        '\\end{enumerate}',
      ].join('\n'),
    );
  });
  it('keeps hard line breaks', () => {
    expect(markdownToLatex('line one  \nline two  \n\nnext')).toBe('line one\\\\\nline two\n\nnext');
  });
  it('keeps the text of an unclosed display, escaped', () => {
    expect(markdownToLatex('$$ x + 1\nand more')).toBe('\\$\\$ x + 1\nand more');
  });
  it('balances braces in the output for text full of specials', () => {
    const out = markdownToLatex('{{ } } \\{ 100% #tag $\\{a\\}$');
    let depth = 0;
    for (const [i, c] of [...out].entries()) {
      if (out[i - 1] === '\\') continue;
      if (c === '{') depth++;
      if (c === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
