/**
 * Math shapes that a CommonMark + remark-math reader gets wrong unless the parser writes them carefully:
 * one named test per class. Each checks the canonical body, what remark-math reads back from it (the
 * formulas a student sees), and that streaming the input in small chunks gives the same result.
 */
import { describe, expect, it } from 'vitest';
import { createSolutionParser, parseSolution } from './parse-solution.ts';
import type { Solution } from './solution.ts';
import { renderError, splitMarkdown, type MathSegment } from './test-support/corpus-metrics.ts';

const lines = (...l: string[]) => l.join('\n');

function streamed(text: string, size: number): Solution {
  const p = createSolutionParser();
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  p.end();
  return p.snapshot();
}

/** The one-shot parse, checked to equal the parse streamed in chunks of 1 and 3 characters. */
function parse(text: string): Solution {
  const one = parseSolution(text);
  for (const size of [1, 3]) expect(streamed(text, size), `chunks of ${size}`).toEqual(one);
  return one;
}

const bodyOf = (text: string) => {
  const s = parse(text);
  return [s.preamble?.text, ...s.steps.map((x) => x.body)].filter((b) => b !== undefined).join('\n\n');
};
/** What remark-math reads from a body: the formulas, and the text around them. */
const read = (md: string) => splitMarkdown(md);
const inline = (tex: string): MathSegment => ({ tex, display: false });
const display = (tex: string): MathSegment => ({ tex, display: true });

describe('math in Markdown: shapes other renderers test', () => {
  it('escaped-brackets-in-links', () => {
    for (const [text, body] of [
      ['Read [\\[pdf\\] Document](https://example.com/a.pdf) first.', 'Read [\\[pdf\\] Document](https://example.com/a.pdf) first.'],
      ['See [\\[1\\] Smith 2020](https://example.org/smith) for details.', 'See [\\[1\\] Smith 2020](https://example.org/smith) for details.'],
      ['Source: [paper](https://example.org/q?\\[a\\]=1) and $x$.', 'Source: [paper](https://example.org/q?\\[a\\]=1) and $x$.'],
    ] as const) {
      const md = bodyOf(text);
      expect(md).toBe(body);
      expect(read(md).math.filter((m) => m.display)).toEqual([]);
    }
    expect(read(bodyOf('See [\\[1\\] Smith 2020](https://example.org/smith).')).text.join('')).toContain('[1] Smith 2020');
    // Display math is still display math outside links.
    expect(read(bodyOf('So \\[ x = 1 \\] holds.')).math).toEqual([display('x = 1')]);
  });

  it('display-math-in-block-quote', () => {
    for (const text of [
      lines('Quote:', '', '> $$', '> x^2 = 4', '> $$'),
      lines('Quote:', '', '> \\[', '> x^2 = 4', '> \\]'),
      lines('Quote:', '', '> $$ x^2 = 4 $$'),
      lines('Quote:', '', '> \\[ x^2', '> = 4 \\]'),
    ]) {
      const md = bodyOf(text);
      const tex = read(md).math.map((m) => m.tex);
      expect(md, text).not.toMatch(/> >/);
      expect(tex.join(' '), text).not.toContain('>');
      expect(tex.join(' ').replace(/\s+/g, ' '), text).toBe('x^2 = 4');
    }
    expect(bodyOf(lines('> \\[', '> x = 2', '> \\]', '> and more'))).toBe('> $$\n> x = 2\n> $$\n> and more');
  });

  it('text-with-underscore-hash-percent-ampersand', () => {
    const md = bodyOf('Let $\\text{node_domain} = 5$, $\\text{var_name}$, $\\text{50% of #3 & more}$ and $\\text{a_b $x_1$}$.');
    const got = read(md).math;
    expect(got.map((m) => m.tex)).toEqual([
      '\\text{node\\_domain} = 5',
      '\\text{var\\_name}',
      '\\text{50\\% of \\#3 \\& more}',
      '\\text{a\\_b $x_1$}', // math nested in the text keeps its `_`
    ]);
    for (const m of got) expect(renderError(m), m.tex).toBeNull();
    // Already escaped stays as it is; `\textbf` too.
    expect(read(bodyOf('$\\textbf{a\\_b c_d}$')).math).toEqual([inline('\\textbf{a\\_b c\\_d}')]);
  });

  it('lone-dollar-next-to-code-span', () => {
    const md = bodyOf('The error "invalid $lookup namespace" comes from `$lookup` in the pipeline.');
    expect(md).toBe('The error "invalid \\$lookup namespace" comes from `$lookup` in the pipeline.');
    expect(read(md).math).toEqual([]);
    expect(read(bodyOf('It costs $5 per `$x` call, and `a$` too.')).math).toEqual([]);
    // Math next to a code span is still math.
    expect(read(bodyOf('Use $x^2$ in `f($y)`.')).math).toEqual([inline('x^2')]);
    // A `$` glued to a word is code, not an opener (R's `data0$Y`).
    expect(read(bodyOf('Then data0$Y_trans <- log(data0$Y) runs.')).math).toEqual([]);
  });

  it('blank-lines-inside-display-math', () => {
    const dollars = parse(lines('## Step 1: Add', '$$', 'x = 1', '', 'y = 2', '$$', 'Done.'));
    expect(dollars.steps).toHaveLength(1);
    expect(read(dollars.steps[0]!.body).math).toEqual([display('x = 1\ny = 2')]);
    const aligned = parse(lines('First line.', '\\begin{aligned}', 'x &= 1', '', 'y &= 2', '\\end{aligned}'));
    expect(aligned.steps.length + (aligned.preamble ? 1 : 0)).toBe(1);
    expect(read(bodyOf(lines('First line.', '\\begin{aligned}', 'x &= 1', '', 'y &= 2', '\\end{aligned}'))).math).toEqual([
      display('\\begin{aligned}\nx &= 1\ny &= 2\n\\end{aligned}'),
    ]);
    const bracket = parse(lines('Then', '\\[', 'a = b', '', '\\]'));
    expect(read(bracket.steps.map((s) => s.body).join('\n\n')).math).toEqual([display('a = b')]);
    // A block whose closer is missing still ends at the blank line when what follows is no math.
    const unclosed = parse(lines('## Step 1: A', '$$', 'x = 1', '', '## Step 2: B', 'Text $y$.'));
    expect(unclosed.steps.map((s) => s.title)).toEqual(['A', 'B']);
    expect(read(unclosed.steps[0]!.body).math).toEqual([display('x = 1')]);
    expect(read(bodyOf(lines('$$', 'x = 1', '', 'So the rest is prose.'))).math).toEqual([display('x = 1')]);
  });

  it('commonmark-misreads', () => {
    // A `$` in the formula: a longer fence, and a space where it would touch it.
    expect(bodyOf('Cost $\\$$ here')).toBe('Cost $$ \\$ $$ here');
    expect(read(bodyOf('Cost $\\$$ here')).math).toEqual([inline('\\$')]);
    // An escaped backslash before `$`: the `$` still opens math.
    expect(read(bodyOf('We have \\\\$\\alpha$ here')).math).toEqual([inline('\\alpha')]);
    // `$` nested in `\text{}` / `\raisebox{}` is part of the formula.
    expect(read(bodyOf('So $\\text{costs $x$ each}$ ok')).math).toEqual([inline('\\text{costs $x$ each}')]);
    expect(read(bodyOf('Use $\\raisebox{1pt}{$x$}$ now')).math).toEqual([inline('\\raisebox{1pt}{$x$}')]);
    // A `$$…$` the stream cut short closes as the formula it was.
    expect(read(bodyOf('Start $$x = 1$')).math).toEqual([display('x = 1')]);
    // A price `$` after a backslash pair is text.
    expect(read(bodyOf('Path C:\\\\$5 and more')).math).toEqual([]);
    // Found by the round-trip property test: two formulas that touch would read as one…
    expect(read(bodyOf('So \\alpha\\(1.\\) ok')).math).toEqual([inline('\\alpha'), inline('1.')]);
    // …a backslash before a bare formula would escape its `$`…
    expect(read(bodyOf('So \\b\\boxed{5} ok')).math).toEqual([inline('\\boxed{5}')]);
    // …an unmatched backtick would pair with one on the next line into a code span…
    expect(read(bodyOf(lines('$`\\frac{1}{2}$', '`'))).math).toEqual([inline('\\frac{1}{2}')]);
    // …a `$$` line inside a formula would close its fence…
    expect(read(bodyOf(lines('\\[', '$$', '\\]'))).math).toEqual([display('$$')]);
    // …a list item that starts with display math keeps the fence on the marker's line ("Text\n-" alone would
    // be a heading underline, an empty item cannot interrupt a paragraph)…
    const item = bodyOf(lines('Text', '- \\[ x = 1 \\]', '- b'));
    expect(item).toBe('Text\n- $$\n  x = 1\n  $$\n- b');
    expect(read(item).math).toEqual([display('x = 1')]);
    expect(read(item).text.join(' ')).toBe('Text b');
    expect(bodyOf('-  \\begin{aligned}x\\end{aligned}')).toBe('-  $$\n   \\begin{aligned}x\\end{aligned}\n   $$');
    expect(read(bodyOf(lines('1.', '', '\t\\[ x \\]'))).math).toEqual([display('x')]);
    // …and nothing inside a link destination is math.
    expect(read(bodyOf('[a $x$ b](https://x.org/p_{1}?q=$5) and [](\\frac{1}{2})')).math).toEqual([inline('x')]);
  });

  it('unbalanced-input-is-text', () => {
    for (const [text, shown] of [
      ['\\[unclosed bracket', '\\[unclosed bracket'],
      ['\\(unclosed paren', '\\(unclosed paren'],
      ['aaa $$ bbb', 'aaa $$ bbb'],
      ['weird $a}b$ y', 'weird $a}b$ y'],
      ['open $a{b$ y', 'open $a{b$ y'],
      ['odd \\(a}b\\) z', 'odd \\(a}b\\) z'],
    ] as const) {
      const r = read(bodyOf(text));
      expect(r.math, text).toEqual([]);
      expect(r.text.join('').replace(/\s+/g, ' '), text).toBe(shown);
    }
    // An open `$$` block at the end of a finished answer still closes; so does a cut formula.
    expect(read(bodyOf(lines('Then', '$$', 'x = 1'))).math).toEqual([display('x = 1')]);
    expect(read(bodyOf('Cut off \\[ x = 1')).math).toEqual([display('x = 1')]);
    // Stray `$` lines around a formula: one formula…
    const one = parse(lines('Roots:', '$', 'c = \\pm\\sqrt{a^2+b^2}', '$', 'end'));
    const all = [one.preamble?.text ?? '', ...one.steps.map((s) => s.body)].join('\n\n');
    expect(read(all).math).toEqual([display('c = \\pm\\sqrt{a^2+b^2}')]);
    expect(read(all).text.join('')).not.toContain('$');
    // …or, with no closing `$`, all text.
    const open = read(bodyOf(lines('Roots:', '$', 'c = \\pm\\sqrt{a^2+b^2}')));
    expect(open.math).toEqual([]);
    expect(open.text.join(' ').replace(/\s+/g, ' ')).toBe('Roots: $ c = \\pm\\sqrt{a^2+b^2}');
  });
});
