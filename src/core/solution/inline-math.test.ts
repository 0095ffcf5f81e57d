import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineMathParts, inlinePlainText, type InlinePart } from './inline-math.ts';
import { problemToInline } from './problem-markdown.ts';

const text = (t: string): InlinePart => ({ kind: 'text', text: t });
const math = (tex: string): InlinePart => ({ kind: 'math', tex, display: false });

describe('inlineMathParts', () => {
  it('keeps prices as text by the parser’s dollar rule, typed or as canonical Markdown', () => {
    const shirt = 'A shirt costs $20 and a hat costs $15. How much for both?';
    for (const t of [shirt, problemToInline(shirt)]) expect(inlineMathParts(t)).toEqual([text(shirt)]);
    expect(inlineMathParts('$2bn to $4bn')).toEqual([text('$2bn to $4bn')]);
    expect(inlineMathParts('Pay $5, or $ 6 today')).toEqual([text('Pay $5, or $ 6 today')]);
  });

  it('typesets $…$, \\(…\\), a spaced $ … $ with a LaTeX command, and bare LaTeX', () => {
    expect(inlineMathParts('Isolate $x^2$')).toEqual([text('Isolate '), math('x^2')]);
    expect(inlineMathParts('costs $x$ each')).toEqual([text('costs '), math('x'), text(' each')]);
    expect(inlineMathParts('Compute $ \\frac{1}{31} \\div 3 $.')).toEqual([text('Compute '), math('\\frac{1}{31} \\div 3'), text('.')]);
    expect(inlineMathParts('Use \\(a\\) and \\frac{1}{2}')).toEqual([text('Use '), math('a'), text(' and '), math('\\frac{1}{2}')]);
  });

  it('typesets math typed without delimiters, Unicode included', () => {
    expect(inlineMathParts('Solve x² − 5x + 6 = 0')).toEqual([text('Solve '), math('x^{2} - 5x + 6 = 0')]);
    expect(inlineMathParts('Simplify √(x+1) · 2pi')).toEqual([text('Simplify '), math('\\sqrt{x+1} \\cdot 2\\pi')]);
    expect(inlineMathParts('Factor x^2 - 9')).toEqual([text('Factor '), math('x^{2} - 9')]);
  });

  it('reads Markdown escapes (as problemToInline writes them) and shows the characters', () => {
    expect(inlineMathParts(problemToInline('Is 3*y_1 the same?'))).toEqual([text('Is 3*y_1 the same?')]);
  });

  it('keeps a formula that renders only in display mode as display math', () => {
    expect(inlineMathParts('See \\begin{align*} a &= b \\end{align*}')).toEqual([
      text('See '),
      { kind: 'math', tex: '\\begin{align*} a &= b \\end{align*}', display: true },
    ]);
  });
});

describe('inlinePlainText', () => {
  it('keeps prices’ dollars and typed symbols; formulas give their LaTeX', () => {
    expect(inlinePlainText('A shirt costs $20 and a hat costs $15.')).toBe('A shirt costs $20 and a hat costs $15.');
    expect(inlinePlainText('Solve  \\(x^2 = 4\\)\nfor $x$')).toBe('Solve x^2 = 4 for x');
    expect(inlinePlainText('Solve x² − 5x + 6 = 0')).toBe('Solve x² − 5x + 6 = 0');
  });
});

describe('text without math', () => {
  // Words that look like math words or hold "pi", and letters of other scripts.
  const WORDS = ['pie', 'pilot', 'spin', 'pi', 'a', 'I', 'x', 'is', 'of', 'to', 'The', 'costs', 'café', '中文', 'sin', 'ln'];
  const word = fc.oneof(fc.constantFrom(...WORDS), fc.stringMatching(/^[A-Za-zéü]{1,8}$/));
  const sep = fc.constantFrom(' ', ' ', ', ', '. ', '? ', '! ', ': ', '; ', ' — ', '\n');
  const line = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 14 }).map((ws) => ws.flat().join('').trim());

  it('is returned unchanged: one text part, the same characters', () => {
    fc.assert(
      fc.property(line, (t) => {
        expect(inlineMathParts(t)).toEqual(t === '' ? [] : [text(t.replace(/\n/g, ' '))]);
        expect(inlinePlainText(t)).toBe(t.replace(/\s+/g, ' '));
      }),
      { seed: 20_261_124, numRuns: 400 },
    );
  }, 30_000);
});
