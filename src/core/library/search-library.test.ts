import { describe, expect, it } from 'vitest';
import type { Library, LibrarySet } from './library.ts';
import { searchLibrary } from './search-library.ts';
import { sampleItem } from './test-support/sample-item.ts';

const set = (id: string, name: string, tags: string[], problems: string[]): LibrarySet => ({
  id,
  name,
  tags,
  createdAt: 1,
  updatedAt: 1,
  items: problems.map((p, i) => sampleItem(`${id}-${i}`, p)),
});

const library: Library = {
  sets: [
    set('w3', 'Week 3 — linear equations', ['algebra', 'year 9'], ['Solve $2x + 3 = 11$.', 'Solve for x: 5x - 2 = 13']),
    set('calc', 'Derivatives quiz', ['calculus'], ['Find the derivative of $x^3 \\sin x$', 'd/dx (x^2 + 1)^5']),
    set('mix', 'Revision', ['algebra-review'], ['Factor x^2 - 5x + 6', 'Solve \\(3x = 12\\)']),
  ],
};
const ids = (q: string) => searchLibrary(library, q).map((m) => m.set.id);
const items = (q: string) => Object.fromEntries(searchLibrary(library, q).map((m) => [m.set.id, m.itemIds]));

describe('searchLibrary', () => {
  it('matches every set, none singled out, for an empty or blank query', () => {
    expect(searchLibrary(library, '   ')).toEqual(library.sets.map((s) => ({ set: s, itemIds: [] })));
    expect(ids('#')).toEqual(['w3', 'calc', 'mix']);
  });

  it('finds names and tags case-insensitively, keeping library order', () => {
    expect(ids('WEEK')).toEqual(['w3']);
    expect(ids('algebra')).toEqual(['w3', 'mix']);
    expect(items('quiz')).toEqual({ calc: [] });
  });

  it('takes #word as an exact tag', () => {
    expect(ids('#algebra')).toEqual(['w3']);
    expect(ids('#alg')).toEqual([]);
    expect(ids('#algebra-review')).toEqual(['mix']);
  });

  it('finds problem text and says which problems matched', () => {
    expect(items('sin')).toEqual({ calc: ['calc-0'] });
    // Matched by the set's name: no problem is singled out.
    expect(items('derivative')).toEqual({ calc: [] });
    expect(items('solve')).toEqual({ w3: ['w3-0', 'w3-1'], mix: ['mix-1'] });
  });

  it('matches math with or without spaces and delimiters', () => {
    expect(items('2x+3')).toEqual({ w3: ['w3-0'] });
    expect(items('$3x=12$')).toEqual({ mix: ['mix-1'] });
    expect(items('x^2')).toEqual({ calc: ['calc-1'], mix: ['mix-0'] });
  });

  it('needs every word, from the label or any problem', () => {
    expect(ids('week solve')).toEqual(['w3']);
    expect(items('week 5x')).toEqual({ w3: ['w3-1'] });
    expect(ids('calculus solve')).toEqual([]);
    // Words found in different problems of one set still match the set, with no single problem singled out.
    expect(items('find d/dx')).toEqual({ calc: [] });
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('does not glue words across spaces for plain words', () => {
    // "the x" squashed is "thex", but "ex" is a plain word and must not match it there.
    expect(ids('ex')).toEqual([]);
  });
});
