// @vitest-environment jsdom
/**
 * Every real model answer in the dev corpus, rendered the way the app renders it (parsed into steps, each
 * body through MathMarkdown, the final answer through KaTeX): rendering block by block must give exactly the
 * markup of rendering each text whole, and we count answers with a KaTeX error or raw LaTeX left on screen.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseSolution } from '../../core/solution/parse-solution.ts';
import { Formula } from '../math/formula.tsx';
import { MarkdownBlock, MathMarkdown } from './math-markdown.tsx';
import { splitBlocks } from './split-blocks.ts';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/dev.jsonl');
const records = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; response: string });

/** LaTeX commands or math delimiters in text the reader sees (outside typeset formulas). */
const RAW_LATEX = /\\(?:[a-zA-Z]{2,}|[[\]()])|\$\$|(?<![\d\s])\$(?!\d)/;

function visibleText(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  div.querySelectorAll('.katex, code, pre').forEach((el) => el.remove());
  return div.textContent ?? '';
}

describe('dev corpus, rendered as the app shows it', () => {
  it('renders block by block exactly as whole, and counts clean answers', () => {
    let clean = 0;
    const dirty: string[] = [];
    for (const r of records) {
      const s = parseSolution(r.response);
      const texts = [s.preamble?.text ?? '', ...s.steps.map((st) => `${st.title}\n\n${st.body}`)];
      let html = '';
      for (const text of texts) {
        const split = renderToStaticMarkup(<MathMarkdown text={text} />);
        // One block is rendered whole anyway; only a real split needs comparing.
        if (splitBlocks(text).length > 1) {
          const whole = renderToStaticMarkup(<MarkdownBlock text={text} />);
          expect(split.replace(/\n/g, ''), r.id).toBe(whole.replace(/\n/g, ''));
        }
        html += split;
      }
      if (s.answer) html += renderToStaticMarkup(<Formula tex={s.answer.text} display />);
      const errors = (html.match(/class="math-error"/g) ?? []).length;
      const raw = RAW_LATEX.exec(visibleText(html));
      if (errors === 0 && !raw) clean++;
      else dirty.push(`${r.id}: ${errors} KaTeX errors${raw ? `, raw "${raw[0]}"` : ''}`);
    }
    console.log(`dev corpus: ${clean}/${records.length} answers render with no KaTeX error and no raw LaTeX`);
    if (dirty.length > 0) console.log(dirty.join('\n'));
    expect(records.length).toBeGreaterThan(0);
  }, 120_000);
});
