import { describe, expect, it } from 'vitest';
import { splitBlocks } from './split-blocks.ts';

describe('splitBlocks', () => {
  it('splits paragraphs and display math at blank lines', () => {
    expect(splitBlocks('First line\nsecond line\n\n$$\nx = 1\n$$\n\nLast')).toEqual(['First line\nsecond line', '$$\nx = 1\n$$', 'Last']);
  });

  it('does not split inside code fences or $$ blocks that contain blank lines', () => {
    const code = '```\na\n\nb\n```';
    const math = '$$\n\\begin{aligned}\na\n\nb\n\\end{aligned}\n$$';
    expect(splitBlocks(`${code}\n\nafter`)).toEqual([code, 'after']);
    expect(splitBlocks(`${math}\n\nafter`)).toEqual([math, 'after']);
  });

  it('keeps a loose list together, with its indented continuations', () => {
    const list = '1. one\n\n2. two\n\n   more about two\n\n3. three';
    expect(splitBlocks(`${list}\n\nAfter the list`)).toEqual([list, 'After the list']);
  });

  it('gives nothing for blank text', () => {
    expect(splitBlocks('\n\n  \n')).toEqual([]);
  });
});
