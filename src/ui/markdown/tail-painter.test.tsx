// @vitest-environment jsdom
/**
 * The painter must leave on screen what React would render for the same text: checked after every chunk while
 * streaming real corpus answers, and on named cases (growing text, formulas arriving, list items, switching shape).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createSolutionParser } from '../../core/solution/parse-solution.ts';
import { Formula } from '../math/formula.tsx';
import { formulaElement } from '../math/formula-element.ts';
import { MarkdownBlock } from './math-markdown.tsx';
import { simpleBlock } from './simple-block.ts';
import { splitTail } from './streaming-markdown.tsx';
import { createTailPainter } from './tail-painter.ts';

// React puts a newline between list items; the painter does not (it is not shown).
const norm = (html: string) => html.replace(/\n/g, '');
/** React's markup as the DOM serialises it (React escapes ' as &#x27;, innerHTML does not). */
function expected(tail: string): string {
  const div = document.createElement('div');
  div.innerHTML = renderToStaticMarkup(<MarkdownBlock text={tail} />);
  return norm(div.innerHTML);
}

describe('formulaElement', () => {
  it('builds exactly the markup of <Formula>, errors included', () => {
    for (const [tex, display] of [['x^2', false], ['\\frac{a}{b}', true], ['\\fracc{1}', false], ['\\fracc{1}', true]] as const) {
      expect(formulaElement(document, tex, display).outerHTML).toBe(renderToStaticMarkup(<Formula tex={tex} display={display} />));
    }
  });
});

describe('createTailPainter', () => {
  it('paints growing text, arriving formulas and items, and switches shape', () => {
    const box = document.createElement('div');
    const painter = createTailPainter(box, 'pending');
    for (const tail of ['So', 'So we', 'So we get $x', 'So we get $x = 2$', 'So we get $x = 2$ and $y$.', '- a', '- a\n-', '- a\n- b $z$', '1. one', '3. three', '$$\nx^2\n$$']) {
      const block = simpleBlock(tail);
      painter.paint(block, '');
      if (block) expect(norm(box.innerHTML), tail).toBe(expected(tail));
    }
    painter.paint(simpleBlock('text'), '$\\frac{1');
    expect(box.lastElementChild?.outerHTML).toBe('<p class="pending" aria-hidden="true">$\\frac{1</p>');
    painter.paint(null, '');
    expect(box.innerHTML).toBe('');
  });

  it('keeps the formulas already painted when text is added after them', () => {
    const box = document.createElement('div');
    const painter = createTailPainter(box, 'pending');
    painter.paint(simpleBlock('a $x$ b'), '');
    const formula = box.querySelector('.math-inline');
    painter.paint(simpleBlock('a $x$ b c'), '');
    expect(box.querySelector('.math-inline')).toBe(formula);
  });

  it('matches React after every chunk of real answers streamed through the parser', () => {
    const corpus = resolve(import.meta.dirname, '../../../../shared/corpus/dev.jsonl');
    const records = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; response: string });
    let checked = 0;
    // Every 5th record keeps the test quick; chunks of 7 characters, as a stream brings them.
    for (const r of records.filter((_, i) => i % 5 === 0)) {
      const parser = createSolutionParser();
      const box = document.createElement('div');
      const painter = createTailPainter(box, 'pending');
      let stepIndex = -1;
      for (let at = 0; at < r.response.length; at += 7) {
        parser.push(r.response.slice(at, at + 7));
        const steps = parser.snapshot().steps;
        const last = steps.length - 1;
        const step = steps[last];
        if (!step || step.complete) continue;
        if (last !== stepIndex) {
          stepIndex = last;
          painter.clear();
        }
        const { tail } = splitTail(step.body);
        const block = tail === '' ? null : simpleBlock(tail);
        painter.paint(block, '');
        if (!block) continue;
        expect(norm(box.innerHTML), `${r.id} at ${at}`).toBe(expected(tail));
        checked++;
      }
    }
    console.log(`tail painter: ${checked} streamed frames equal React's markup`);
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);
});
