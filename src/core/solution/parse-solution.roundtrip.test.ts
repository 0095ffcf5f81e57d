/**
 * The canonical body round-trips: every formula the parser wrote into a part's Markdown is exactly the formula
 * remark-math (what the app renders with) reads back, nothing more and nothing less — for random markup,
 * mutated real answers and every answer of the dev corpus. And a second reader (markdown-it + texmath) reads
 * the same formulas from the corpus bodies, but for the disagreements listed below, each with its reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSolution } from './parse-solution.ts';
import { StepSplitter, type RawPart } from './step-splitter.ts';
import type { WrittenFormula } from './body-writer.ts';
import { loadCorpus, splitMarkdown } from './test-support/corpus-metrics.ts';
import { markdownItFormulas } from './test-support/markdown-it-math.ts';

const SEED = 20_261_202;

/** Markup that stresses how math is written back: delimiters, escapes, code spans, links, quotes, `\text{}`. */
const PIECES = [
  '$', '$', '$$', '\\$', '\\\\', '\\(', '\\)', '\\[', '\\]', '`', '``', '[', ']', '](', '(', ')', 'https://x.org/a?',
  '\\text{', '\\raisebox{1pt}{', '{', '}', '_', '^', '#', '%', '&', '|', '*', '> ', '- ', '1. ', '## Step 1: ',
  '\\begin{aligned}', '\\end{aligned}', '\\frac{1}{2}', '\\boxed{', '\\alpha', 'x', 'y', '2', '5', ' = ', ' ', ' ',
  'costs', 'node_domain', '\n', '\n', '\n\n', '\t', 'é', '中',
] as const;
const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));

const corpus = loadCorpus().map((r) => r.response);
const mutated = fc
  .tuple(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES)), { maxLength: 5 }), fc.nat())
  .map(([i, inserts, cut]) => {
    let t = corpus[i]!;
    for (const [at, piece] of inserts) {
      const k = at % (t.length + 1);
      t = t.slice(0, k) + piece + t.slice(k);
    }
    return cut % 4 === 0 ? t.slice(0, cut % (t.length + 1)) : t; // a quarter of them cut short, as a stopped stream
  });

function parts(text: string): RawPart[] {
  const s = new StepSplitter();
  s.push(text);
  s.end();
  return [s.preamblePart, ...s.completedSteps, s.openPart].filter((p): p is RawPart => p !== null);
}

/** Differences between what was written and what remark-math reads back from `body`. */
function roundTripErrors(body: string, written: readonly WrittenFormula[]): string[] {
  const got = splitMarkdown(body).math;
  const same = got.length === written.length && got.every((f, i) => f.tex === written[i]!.tex && f.display === written[i]!.display);
  return same ? [] : [`wrote ${JSON.stringify(written)}\nread  ${JSON.stringify(got)}\nbody  ${JSON.stringify(body)}`];
}

function expectRoundTrip(text: string): void {
  for (const p of parts(text)) {
    const errors = roundTripErrors(p.body, p.formulas);
    if (errors.length > 0) throw new Error(`${errors.join('\n')}\ninput ${JSON.stringify(text)}`);
  }
}

describe('canonical bodies round-trip through remark-math', { timeout: 120_000 }, () => {
  it('random markup: the formulas read back are exactly the ones written', () => {
    fc.assert(fc.property(markup, expectRoundTrip), { seed: SEED, numRuns: 4000 });
  });

  it('mutated and cut real answers: the formulas read back are exactly the ones written', () => {
    fc.assert(fc.property(mutated, expectRoundTrip), { seed: SEED, numRuns: 600 });
  });

  it('every dev-corpus answer: the formulas read back are exactly the ones written', () => {
    let formulas = 0;
    for (const text of corpus) {
      expectRoundTrip(text);
      for (const p of parts(text)) formulas += p.formulas.length;
    }
    expect(formulas).toBeGreaterThan(3800); // 3,848 formulas in the bodies on 2026-12-02
  });

  it('the check itself catches a body remark-math misreads', () => {
    expect(roundTripErrors('Cost $$\\$$$ here', [{ tex: '\\$', display: false }])).not.toEqual([]);
    expect(roundTripErrors('a $x$ and `$y` $', [{ tex: 'x', display: false }])).toEqual([]);
    expect(roundTripErrors('a $x$ and $y` $', [{ tex: 'x', display: false }])).not.toEqual([]);
    expect(roundTripErrors('> $$\n> > x\n> $$', [{ tex: 'x', display: true }])).not.toEqual([]);
  });
});

/**
 * Corpus bodies on which markdown-it + texmath (`dollars` rules) reads other formulas than remark-math, keyed
 * by record id, each with its reason. The list must be exact: a new disagreement, or one that went away, fails.
 */
const READER_DISAGREEMENTS: Record<string, string> = {
  'alpacaeval-0001':
    'a display formula holds an escaped price, \\text{(… the \\$25 stated)}: texmath\'s `$$` rule allows no `$` ' +
    'inside a formula, so it reads none there; remark-math reads the `$$` block whole, and KaTeX renders it',
};

describe('a second reader agrees', { timeout: 120_000 }, () => {
  it('markdown-it + texmath reads the same formulas from every dev-corpus body, but for the listed reasons', () => {
    const records = loadCorpus();
    const disagree = new Map<string, string[]>();
    let bodies = 0;
    for (const r of records) {
      const s = parseSolution(r.response);
      for (const body of [s.preamble?.text, ...s.steps.map((x) => x.body)]) {
        if (body === undefined || body === '') continue;
        bodies++;
        const key = (f: { tex: string; display: boolean }) => `${f.display ? 'display' : 'inline'}: ${f.tex.trim()}`;
        const a = splitMarkdown(body).math.map(key);
        const b = markdownItFormulas(body).map(key);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          disagree.set(r.id, [...(disagree.get(r.id) ?? []), `remark-math only: ${JSON.stringify(a.filter((x) => !b.includes(x)))}; markdown-it only: ${JSON.stringify(b.filter((x) => !a.includes(x)))}`]);
        }
      }
    }
    expect(bodies).toBeGreaterThan(2000);
    const unexplained = [...disagree].filter(([id]) => !(id in READER_DISAGREEMENTS));
    expect(unexplained, 'disagreements without a reason in READER_DISAGREEMENTS').toEqual([]);
    expect(Object.keys(READER_DISAGREEMENTS).filter((id) => !disagree.has(id)), 'listed disagreements that no longer occur').toEqual([]);
  });
});
