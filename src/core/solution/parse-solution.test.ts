import { parseInChunks } from './test-support/parse-in-chunks.ts';
import { describe, expect, it } from 'vitest';
import { createSolutionParser, parseSolution } from './parse-solution.ts';
import { ANSWER_FORMAT_EXAMPLE } from './answer-format.ts';
import type { Solution } from './solution.ts';

const titles = (s: Solution) => s.steps.map((x) => x.title);
const bodies = (s: Solution) => s.steps.map((x) => x.body);
const lines = (...l: string[]) => l.join('\n');

const stream = parseInChunks;

describe('step detection', () => {
  it('app-answer-format', () => {
    const s = parseSolution(ANSWER_FORMAT_EXAMPLE);
    expect(titles(s)).toEqual(['Move the constant term', 'Divide by the coefficient']);
    expect(bodies(s)[0]).toBe('Subtract $3$ from both sides of $2x + 3 = 11$:\n$$\n2x = 8\n$$');
    expect(s.answer?.text).toBe('x = 4');
    expect(s.preamble).toBeNull();
  });

  it('markdown-headings', () => {
    const s = parseSolution(lines('Intro.', '', '### Perimeter', 'Add the sides.', '', '### Area', 'Multiply.'));
    expect(s.preamble?.text).toBe('Intro.');
    expect(titles(s)).toEqual(['Perimeter', 'Area']);
    expect(bodies(s)).toEqual(['Add the sides.', 'Multiply.']);
  });

  it('subheading-stays-inside-step', () => {
    const s = parseSolution(lines('### Step 1: Cases', '#### Case $m = 1$', 'text', '### Step 2: Done', 'ok'));
    expect(titles(s)).toEqual(['Cases', 'Done']);
    expect(bodies(s)[0]).toBe('**Case $m = 1$**\ntext');
  });

  it('section-heading-over-step-headings', () => {
    const s = parseSolution(lines('## Solution', '### Step 1: Read', 'a', '### Step 2: Solve', 'b'));
    expect(titles(s)).toEqual(['Read', 'Solve']);
    expect(s.steps[0]!.source[0]).toBe(0);
  });

  it('step-labels', () => {
    const s = parseSolution(lines('**Step 1: Identify the variables**', 'Let $x$ be the width.', '', 'Step 2: Solve.', 'We get $x = 3$.'));
    expect(titles(s)).toEqual(['Identify the variables', 'Solve']);
    expect(bodies(s)).toEqual(['Let $x$ be the width.', 'We get $x = 3$.']);
  });

  it('step-label-with-sentence-keeps-the-sentence-as-body', () => {
    const s = parseSolution(lines('**Step 1:** Subtract $3$ from both sides to get $2x = 8$.', '**Step 2:** Divide.'));
    expect(titles(s)).toEqual(['', 'Divide']);
    expect(bodies(s)[0]).toBe('Subtract $3$ from both sides to get $2x = 8$.');
  });

  it('step-labels-in-russian', () => {
    const s = parseSolution(lines('### Шаг 1: Обозначения', 'Пусть $a_1$ — первый член.', '### Шаг 2: Формула', 'Сумма.'));
    expect(titles(s)).toEqual(['Обозначения', 'Формула']);
  });

  it('numbered-list', () => {
    const s = parseSolution(
      lines('To solve, we follow these steps:', '', '1. **Find the mean**: add and divide.', '   \\[ \\bar x = 3 \\]', '', '2. Subtract the mean:', '   - $x_1 - \\bar x$'),
    );
    expect(s.preamble?.text).toBe('To solve, we follow these steps:');
    expect(titles(s)).toEqual(['Find the mean', 'Subtract the mean']);
    expect(bodies(s)).toEqual(['add and divide.\n$$\n\\bar x = 3\n$$', '- $x_1 - \\bar x$']);
  });

  it('numbered-sublist-restart-stays-inside-step', () => {
    const s = parseSolution(lines('1. First part', 'For $x = 1$:', '1. check a', '2. check b', '2. Second part', 'done'));
    expect(titles(s)).toEqual(['First part', 'Second part']);
    expect(bodies(s)[0]).toBe('For $x = 1$:\n1. check a\n2. check b');
    const t = parseSolution(lines('1. A', 'For $x$:', '1. a', '2. b', '3. c', '', '2. B'));
    expect(titles(t)).toEqual(['A', 'B']);
  });

  it('bold-led-paragraphs', () => {
    const s = parseSolution(lines('**Given.** A rectangle of area $12$.', '', '**Find the width.** Divide by the length $4$: width $3$.'));
    expect(titles(s)).toEqual(['Given', 'Find the width']);
    expect(bodies(s)).toEqual(['A rectangle of area $12$.', 'Divide by the length $4$: width $3$.']);
  });

  it('rule-lines', () => {
    const s = parseSolution(lines('We first set up.', 'More setup.', '', 'Still setup.', '', '---', 'Part A', 'text a', '', 'more a', '───────', 'Part B', 'text b'));
    expect(titles(s).slice(-2)).toEqual(['Part A', 'Part B']);
    expect(s.steps.at(-2)!.body).toBe('text a\n\nmore a');
  });

  it('paragraphs-without-markers', () => {
    const s = parseSolution(lines('First we expand.', '', 'Then we collect terms:', '\\[ x = 2 \\]', '', 'where $x$ is real.'));
    expect(bodies(s)).toEqual(['First we expand.', 'Then we collect terms:\n$$\nx = 2\n$$', 'where $x$ is real.']);
    expect(titles(s)).toEqual(['', '', '']);
  });

  it('display-block-after-blank-line-stays-with-its-sentence', () => {
    const s = parseSolution(lines('First.', '', 'We have:', '', '\\begin{align*}', 'a &= b', '\\end{align*}', '', 'Next.'));
    expect(bodies(s)).toEqual(['First.', 'We have:\n\n$$\n\\begin{align*}\na &= b\n\\end{align*}\n$$', 'Next.']);
  });

  it('single-lines-when-no-blank-lines', () => {
    const s = parseSolution(lines('I notice the sum is even.', 'So $n$ is even.', 'Then I get:', '\\[n = 2k\\]', '# Answer', '', '7200'));
    expect(bodies(s)).toEqual(['I notice the sum is even.', 'So $n$ is even.', 'Then I get:\n$$\nn = 2k\n$$']);
    expect(s.answer?.text).toBe('7200');
  });

  it('heading-takes-over-from-paragraphs', () => {
    const s = parseSolution(lines('Intro one.', '', 'Intro two.', '', '## Step 1: A', 'x', '', 'y', '', '## Step 2: B', 'z'));
    expect(titles(s)).toEqual(['', '', 'A', 'B']);
    expect(bodies(s)[2]).toBe('x\n\ny');
  });

  it('json-wrapped-reply', () => {
    const reply = '```json\n{\n  "reasoning": "First, $2x = 8$.\\n\\nThen \\\\(x = 4\\\\).",\n  "answer": "4"\n}\n```';
    const s = parseSolution(reply);
    expect(bodies(s)).toEqual(['First, $2x = 8$.', 'Then $x = 4$.']);
    expect(s.answer?.text).toBe('4');
    // Spans point into the reply as given.
    expect(reply.slice(s.steps[0]!.source[0], s.steps[0]!.source[1])).toBe('First, $2x = 8$.');
  });

  it('json-wrapped-reply-with-loose-escapes', () => {
    const reply = '```json\n{"reasoning": "We use \\frac{1}{2} and \\(\\theta\\).\nNext line \\neq old.", "answer": "\\boxed{5}"}\n```';
    const s = parseSolution(reply);
    expect(bodies(s).join('\n')).toContain('$\\theta$');
    expect(bodies(s).join('\n')).toContain('$\\frac{1}{2}$');
    expect(bodies(s).join('\n')).toContain('\\neq');
    expect(s.answer?.text).toBe('5');
  });

  it('code-block-that-is-not-json-stays-code', () => {
    const s = parseSolution(lines('```json', '[1, 2, 3]', '```', 'done'));
    expect(bodies(s)[0]).toBe('```json\n[1, 2, 3]\n```\ndone');
  });
});

describe('answer', () => {
  it('last-boxed-with-nested-braces', () => {
    const s = parseSolution('First \\(\\boxed{1}\\). Finally \\[\\boxed{\\frac{1}{2}}\\]');
    expect(s.answer?.text).toBe('\\frac{1}{2}');
  });

  it('answer-heading-section', () => {
    const s = parseSolution(lines('## Step 1: Add', '$1 + 1 = 2$', '', '## Final Answer', 'The sum is $2$.'));
    expect(titles(s)).toEqual(['Add']);
    expect(s.answer?.text).toBe('\\text{The sum is } 2');
  });

  it('answer-line', () => {
    expect(parseSolution(lines('We compute.', '', '**Ответ**: 3.09')).answer?.text).toBe('3.09');
    expect(parseSolution(lines('We compute.', '', 'Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct.')).answer?.text).toBe('\\frac{1}{2}');
  });

  it('grade-school-answer-line', () => {
    const s = parseSolution(lines('She sells 16 - 3 = 13 eggs.', 'She makes 13 * 2 = 26 dollars.', 'A: 26'));
    expect(s.answer?.text).toBe('26');
    expect(s.steps).toHaveLength(2);
    expect(parseSolution(lines('Half of 10 is 5.', '#### 5')).answer?.text).toBe('5');
  });

  it('answer-note-keeps-what-follows-the-answer', () => {
    const s = parseSolution(lines('We compute.', '', '### Final Answer', '', 'About 13,343 km.', '', 'This is a rough estimate.'));
    expect(s.answer?.note).toBe('This is a rough estimate.');
  });

  it('closing-answer-sentence', () => {
    const s = parseSolution(lines('We add.', '', 'Adding 40 and 2, the answer is 42.'));
    expect(s.answer?.text).toBe('42');
    expect(s.steps).toHaveLength(2);
  });

  it('closing-answer-paragraph-becomes-answer-section', () => {
    const s = parseSolution(lines('We add $40 + 2$.', '', 'So the answer is 42.'));
    expect(s.answer?.text).toBe('42');
    expect(bodies(s)).toEqual(['We add $40 + 2$.']);
  });

  it('boxed-without-braces-is-not-an-answer', () => {
    expect(parseSolution('\\boxed').answer).toBeNull();
    expect(parseSolution('So \\boxed x').answer).toBeNull();
  });

  it('no-answer', () => {
    expect(parseSolution('Just a remark.').answer).toBeNull();
  });
});

describe('thinking', () => {
  it('think-block-kept-out-of-steps', () => {
    const s = parseSolution('<think>\nLet me see... 2x = 8\n</think>\n\n## Step 1: Solve\nx = 4');
    expect(s.thinking?.text).toBe('Let me see... 2x = 8');
    expect(titles(s)).toEqual(['Solve']);
    expect(s.thinking!.source).toEqual([0, 37]);
  });

  it('unterminated-think-while-streaming', () => {
    const p = createSolutionParser();
    p.push('<think>working on it');
    expect(p.snapshot().thinking?.text).toBe('working on it');
    expect(p.snapshot().steps).toEqual([]);
    p.push(' more</th');
    expect(p.snapshot().thinking?.text).toBe('working on it more</th');
    p.push('ink>Answer body');
    p.end();
    expect(p.snapshot().thinking?.text).toBe('working on it more');
    expect(bodies(p.snapshot())).toEqual(['Answer body']);
  });
});

describe('math', () => {
  const body = (text: string) => parseSolution(text).steps.map((s) => s.body).join('\n\n');

  it('paren-and-bracket-delimiters', () => {
    expect(body('Let \\(x^2\\) be \\[ y = 1 \\]')).toBe('Let $x^2$ be\n$$\ny = 1\n$$');
  });

  it('dollar-inline-and-display', () => {
    expect(body('Let $x_1$ and $$y$$ end')).toBe('Let $x_1$ and\n$$\ny\n$$\nend');
  });

  it('double-dollar-display-over-lines', () => {
    expect(body(lines('$$', 'a = b', '$$'))).toBe('$$\na = b\n$$');
  });

  it('bare-align-environment', () => {
    expect(body(lines('\\begin{align*}', 'a &= b \\\\', 'c &= d', '\\end{align*}'))).toBe('$$\n\\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*}\n$$');
  });

  it('inline-align-promoted-to-display', () => {
    expect(body('So $\\begin{align}a&=b\\end{align}$ holds')).toBe('So\n$$\n\\begin{align}a&=b\\end{align}\n$$\nholds');
  });

  it('display-math-in-list-item', () => {
    expect(body(lines('- Convert:', '  \\[', '  x = 1', '  \\]', '- next'))).toBe('- Convert:\n  $$\n  x = 1\n  $$\n- next');
  });

  it('display-math-mid-line-in-list-item', () => {
    expect(body('- We get \\[ x = 1 \\] so done')).toBe('- We get\n  $$\n  x = 1\n  $$\n  so done');
  });

  it('math-in-block-quote', () => {
    expect(body(lines('> Note \\(a\\):', '> \\[ b \\]'))).toBe('> Note $a$:\n> $$\n> b\n> $$');
  });

  it('math-in-indented-block', () => {
    expect(body(lines('We get:', '', '        \\[ x = 2 \\]'))).toBe('We get:\n\n$$\nx = 2\n$$');
  });

  it('punctuation-after-display-stays-with-it', () => {
    expect(body('\\[ x = 2 \\].')).toBe('$$\nx = 2.\n$$');
  });

  it('escaped-dollar', () => {
    expect(body('It costs \\$5 and \\$6.')).toBe('It costs \\$5 and \\$6.');
  });

  it('currency-stays-text', () => {
    expect(body('It costs $5 today.')).toBe('It costs \\$5 today.');
    expect(body('from $2bn to $4bn')).toBe('from \\$2bn to \\$4bn');
    expect(body('Total: **$4**')).toBe('Total: **\\$4**');
    expect(body('paid $1.50 and then $1.50 again')).toBe('paid \\$1.50 and then \\$1.50 again');
    expect(body('ticker $AAPL rose')).toBe('ticker \\$AAPL rose');
  });

  it('single-dollar-math-follows-pandoc', () => {
    expect(body('it costs $x$ dollars')).toBe('it costs $x$ dollars');
    expect(body('$x$5 is not math')).toBe('\\$x\\$5 is not math');
  });

  it('currency-before-math', () => {
    expect(body('Pay $5 for $x$ apples')).toBe('Pay \\$5 for $x$ apples');
  });

  it('dollar-inside-text-command', () => {
    expect(body('\\(\\text{costs $25 total}\\)')).toBe('$$\\text{costs \\$25 total}$$');
  });

  it('code-span-untouched', () => {
    expect(body('Use `$x$` and `\\(y\\)` literally')).toBe('Use `$x$` and `\\(y\\)` literally');
  });

  it('code-fence-untouched', () => {
    expect(body(lines('```python', 'price = "$5"  # \\(x\\)', '```'))).toBe('```python\nprice = "$5"  # \\(x\\)\n```');
  });

  it('underscore-and-star-in-math', () => {
    expect(body('Let \\(a_1 * b_2\\) and \\(c_3 * d_4\\)')).toBe('Let $a_1 * b_2$ and $c_3 * d_4$');
  });

  it('pipe-in-math-in-table', () => {
    expect(body(lines('| x | \\(|x|\\) |', '|---|---|', '| -2 | \\(2\\) |'))).toBe('| x | $\\vert x\\vert $ |\n|---|---|\n| -2 | $2$ |');
  });

  it('bare-latex-in-prose', () => {
    expect(body('So \\boxed{x = 2}.')).toBe('So $\\boxed{x = 2}$.');
    expect(body('where C_{ij} = (A^T)_{jk}')).toBe('where $C_{ij}$ = $(A^T)_{jk}$');
  });

  it('katex-unsupported-constructs-rewritten', () => {
    expect(body('\\(\\mbox{area}\\) and \\[ \\begin{eqnarray} a &=& b \\end{eqnarray} \\]')).toBe(
      '$\\text{area}$ and\n$$\n\\begin{array}{rcl} a &=& b \\end{array}\n$$',
    );
  });
});

describe('streaming', () => {
  it('step-completes-when-next-begins', () => {
    const p = createSolutionParser();
    p.push('## Step 1: A\nfirst\n');
    expect(p.snapshot().steps.map((s) => s.complete)).toEqual([false]);
    p.push('## Step 2: B\n');
    expect(p.snapshot().steps.map((s) => s.complete)).toEqual([true, false]);
    p.end();
    expect(p.snapshot().steps.map((s) => s.complete)).toEqual([true, true]);
  });

  it('completed-step-keeps-identity', () => {
    const p = createSolutionParser();
    p.push('## Step 1: A\nfirst\n## Step 2: B\nsec');
    const a = p.snapshot().steps[0];
    p.push('ond line\n');
    expect(p.snapshot().steps[0]).toBe(a);
  });

  it('unclosed-inline-math-held-back', () => {
    const p = createSolutionParser();
    p.push('We have $\\frac{1}{');
    expect(p.snapshot().steps[0]!.body.trimEnd()).toBe('We have');
    p.push('2}$ here');
    // The word being written is shown once it is complete.
    expect(p.snapshot().steps[0]!.body.trimEnd()).toBe('We have $\\frac{1}{2}$');
    p.push(' and');
    expect(p.snapshot().steps[0]!.body.trimEnd()).toBe('We have $\\frac{1}{2}$ here');
  });

  it('unclosed-paren-math-held-back', () => {
    const p = createSolutionParser();
    p.push('Let \\(x^');
    expect(p.snapshot().steps[0]!.body.trimEnd()).toBe('Let');
  });

  it('unclosed-display-held-back', () => {
    const p = createSolutionParser();
    p.push('Compute:\n\\[\nx = \\frac{1}{2');
    expect(p.snapshot().steps[0]!.body).toBe('Compute:');
    p.push('}\n\\]\n');
    expect(p.snapshot().steps[0]!.body).toBe('Compute:\n$$\nx = \\frac{1}{2}\n$$');
  });

  it('unclosed-environment-mid-stream', () => {
    const p = createSolutionParser();
    p.push('So:\n\\begin{align*}\na &= b \\\\\n');
    expect(p.snapshot().steps[0]!.body).toBe('So:');
    p.push('\\end{align*}\nDone.');
    p.end();
    expect(p.snapshot().steps[0]!.body).toBe('So:\n$$\n\\begin{align*}\na &= b \\\\\n\\end{align*}\n$$\nDone.');
  });

  it('unclosed-brace-held-back', () => {
    const p = createSolutionParser();
    p.push('Thus \\boxed{x = ');
    expect(p.snapshot().steps[0]!.body.trimEnd()).toBe('Thus');
    expect(p.snapshot().answer).toBeNull();
    p.push('3}');
    p.end();
    expect(p.snapshot().steps[0]!.body).toBe('Thus $\\boxed{x = 3}$');
    expect(p.snapshot().answer?.text).toBe('x = 3');
  });

  it('held-text-is-exposed-as-pending', () => {
    const p = createSolutionParser();
    p.push('Compute:\n\\[\nx = \\frac{1}{2');
    expect(p.snapshot().steps[0]!.pending).toBe('x = \\frac{1}{2');
    p.push('}\n\\]\nso');
    expect(p.snapshot().steps[0]!.pending).toBe('so');
    p.end();
    expect(p.snapshot().steps[0]!.pending).toBeUndefined();
  });

  it('unclosed-at-end-of-stream-is-emitted', () => {
    const s = parseSolution('Cut off \\[ x = 1');
    expect(s.steps[0]!.body).toBe('Cut off\n$$\nx = 1\n$$');
  });

  it('possible-heading-line-held-until-complete', () => {
    const p = createSolutionParser();
    p.push('## Step 1: A\ntext\n## Ste');
    expect(p.snapshot().steps.map((s) => s.body)).toEqual(['text']);
  });

  it('chunked-equals-one-shot', () => {
    const text = lines('Intro $5 costs.', '', '## Step 1: Set up', 'Let \\(x\\) be:', '\\[', 'x = \\frac{1}{2}', '\\]', '## Answer', '\\(\\boxed{\\tfrac12}\\)');
    const one = parseSolution(text);
    for (const size of [1, 2, 5, 17]) expect(stream(text, size).final).toEqual(one);
  });
});
