// @vitest-environment jsdom
/**
 * The direct renderer must give exactly react-markdown's markup for every block it accepts: checked on named
 * cases and on every block of every answer in the dev corpus (parsed as the app parses it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseSolution } from '../../core/solution/parse-solution.ts';
import { FullMarkdownBlock, MarkdownBlock } from './math-markdown.tsx';
import { simpleBlock } from './simple-block.ts';
import { splitBlocks } from './split-blocks.ts';

const same = (text: string) =>
  expect(renderToStaticMarkup(<MarkdownBlock text={text} />), text).toBe(renderToStaticMarkup(<FullMarkdownBlock text={text} />));

describe('simpleBlock', () => {
  it('takes plain paragraphs, tight lists and display formulas', () => {
    expect(simpleBlock('So $x = 2$ and\nthen $y$.')?.kind).toBe('paragraph');
    expect(simpleBlock('- $a$\n- b')).toMatchObject({ kind: 'list', ordered: false });
    expect(simpleBlock('3. one\n4. two')).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(simpleBlock('$$\nx^2\n$$')).toEqual({ kind: 'display', tex: 'x^2' });
  });

  it('leaves everything else to react-markdown', () => {
    for (const text of [
      '**Bold** text',
      'a_b outside math',
      'a `code` span',
      'a [link](x)',
      'price \\$5',
      'an unclosed $x',
      'inline $$x$$ pair',
      '# Heading',
      'text\n===',
      'para\n- item',
      '- a\n  continued',
      '- a\n* b',
      '1. a\n2) b',
      '    indented code',
      'hard  \nbreak',
      '> quote',
      '- - nested',
      '$$\nx\n$$ trailing',
      'a &amp; b',
    ]) {
      expect(simpleBlock(text), text).toBeNull();
    }
  });

  it('renders exactly as react-markdown on named cases', () => {
    for (const text of [
      'So $x = 2$ and\nthen $y$.',
      '  leading spaces and trailing  ',
      'inline $ x + 1 $ with spaces',
      '- $a$\n- b c',
      '1. one\n2. two $z$',
      '7. seven',
      '- a $x$\n-',
      '1. a\n2.',
      '$$\nx^2\n\n+ 1\n$$',
      '$a$',
    ]) {
      expect(simpleBlock(text), text).not.toBeNull();
      same(text);
    }
  });

  it('renders every accepted block of the dev corpus exactly as react-markdown', () => {
    const corpus = resolve(import.meta.dirname, '../../../../shared/corpus/dev.jsonl');
    let accepted = 0;
    let total = 0;
    for (const line of readFileSync(corpus, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const s = parseSolution((JSON.parse(line) as { response: string }).response);
      for (const text of [s.preamble?.text ?? '', ...s.steps.map((st) => st.body)]) {
        for (const block of splitBlocks(text)) {
          total++;
          if (simpleBlock(block) === null) continue;
          accepted++;
          same(block);
        }
      }
    }
    console.log(`simple blocks: ${accepted} of ${total} corpus blocks rendered directly`);
    expect(accepted).toBeGreaterThan(total / 3);
  }, 120_000);
});
