import { describe, expect, it } from 'vitest';
import { findFormulas } from './find-formulas.ts';

const texts = (body: string) => findFormulas(body).map((f) => `${f.display ? 'D' : 'I'}:${f.tex}`);

describe('findFormulas', () => {
  it('finds inline and display math in reading order', () => {
    expect(texts('Let $x = 1$ and\n\n$$\n\\frac{a}{b}\n$$\n\nthen $y$.')).toEqual(['I:x = 1', 'D:\\frac{a}{b}', 'I:y']);
    expect(findFormulas('a $x$')[0]!.at).toBe(2);
  });

  it('skips escaped dollars, code spans and fenced code, and unclosed math', () => {
    expect(texts('It costs \\$5 and \\$10; `$not$` math')).toEqual([]);
    expect(texts('```\n$a$\n```\n$b$')).toEqual(['I:b']);
    expect(texts('$x = \\$3$ ok')).toEqual(['I:x = \\$3']);
    expect(texts('an open $x + 1 here\n\nand $y$')).toEqual(['I:y']);
    expect(texts('$$ x')).toEqual([]);
    expect(texts('$ $ and $$ $$')).toEqual([]);
  });
});
