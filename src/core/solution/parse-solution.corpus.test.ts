/**
 * The parser on every real answer of the dev corpus (../shared/corpus/dev.jsonl): what a student would see
 * must be right for each of them, one-shot and streamed.
 */
import { describe, expect, it } from 'vitest';
import { createSolutionParser, parseSolution } from './parse-solution.ts';
import type { Solution, Step } from './solution.ts';
import {
  RAW_LATEX_MARKERS,
  f1,
  goldBoundaries,
  lastBoxedIn,
  loadCorpus,
  parsedBoundaries,
  renderError,
  splitMarkdown,
  visibleMarkdown,
} from './test-support/corpus-metrics.ts';

const corpus = loadCorpus();

/**
 * Raw-LaTeX markers left in text on purpose, each with its reason. Keyed by record id and marker.
 * (KaTeX-unsupported constructs need no entry: the parser rewrites them — `\mbox` → `\text`, `eqnarray` →
 * `array`, `\label` dropped, `$` in `\text{}` escaped — so every formula renders.)
 */
const RAW_LATEX_EXCEPTIONS: Record<string, string> = {
  'prm800k-0016 ^{': 'the source has the literal garbage "[*^{*^}]", which is not LaTeX (no base, no closing math)',
};

function streamed(text: string, size: number): { final: Solution; changed: string[] } {
  const p = createSolutionParser();
  const changed: string[] = [];
  let prev: readonly Step[] = [];
  for (let i = 0; i < text.length; i += size) {
    p.push(text.slice(i, i + size));
    const snap = p.snapshot();
    prev.forEach((step, k) => {
      if (step.complete && snap.steps[k] !== step && JSON.stringify(snap.steps[k]) !== JSON.stringify(step)) {
        changed.push(`step ${k + 1} changed at offset ${i}`);
      }
    });
    prev = snap.steps;
  }
  p.end();
  return { final: p.snapshot(), changed };
}

// Every test here walks all 265 answers: seconds on a quiet machine, many more when its two cores are busy.
describe('dev corpus', { timeout: 120_000 }, () => {
  it('has the records the README describes', () => {
    expect(corpus.length).toBe(265);
  });

  const parsed = new Map<string, Solution>();
  for (const r of corpus) {
    it(`${r.id}: parses, and streams to the same result in chunks of 1, 3 and 64`, () => {
      const one = parseSolution(r.response);
      parsed.set(r.id, one);
      for (const size of [1, 3, 64]) {
        const { final, changed } = streamed(r.response, size);
        expect(changed, `chunks of ${size}`).toEqual([]);
        expect(final, `chunks of ${size}`).toEqual(one);
      }
    });
  }

  it('finds the gold step boundaries (mean F1 ≥ 0.9)', () => {
    const scores = corpus
      .filter((r) => r.gold_steps)
      .map((r) => f1(goldBoundaries(r), parsedBoundaries(r.response, parseSolution(r.response))));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    console.log(`step boundary F1 over ${scores.length} records with gold steps: mean ${mean.toFixed(3)}, min ${Math.min(...scores).toFixed(2)}`);
    expect(scores.length).toBe(57);
    expect(mean).toBeGreaterThanOrEqual(0.9);
  });

  it('renders every formula with KaTeX 0.16 + mhchem', () => {
    const failures: string[] = [];
    let count = 0;
    for (const r of corpus) {
      for (const md of visibleMarkdown(parseSolution(r.response))) {
        for (const seg of splitMarkdown(md).math) {
          count++;
          const err = renderError(seg);
          if (err) failures.push(`${r.id}: ${err} in ${seg.tex}`);
        }
      }
    }
    console.log(`formulas rendered: ${count - failures.length} of ${count}`);
    expect(count).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  });

  it('leaves no raw LaTeX in the text outside math and code', () => {
    const found: string[] = [];
    for (const r of corpus) {
      for (const md of visibleMarkdown(parseSolution(r.response))) {
        for (const t of splitMarkdown(md).text) {
          for (const marker of RAW_LATEX_MARKERS) {
            if (t.includes(marker) && !RAW_LATEX_EXCEPTIONS[`${r.id} ${marker}`]) found.push(`${r.id}: ${marker} in "${t}"`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('takes the answer from the last \\boxed{} where there is one', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const r of corpus) {
      const boxed = lastBoxedIn(r.response);
      if (boxed === null) continue;
      n++;
      const got = parseSolution(r.response).answer?.text;
      if (got !== boxed) wrong.push(`${r.id}: expected ${boxed}, got ${got}`);
    }
    expect(n).toBeGreaterThan(60);
    expect(wrong).toEqual([]);
  });

  it('keeps every span inside the input, in order', () => {
    for (const r of corpus) {
      const s = parseSolution(r.response);
      const parts = [s.preamble?.source, ...s.steps.map((x) => x.source)].filter((x) => x !== undefined);
      let last = s.thinking ? s.thinking.source[1] : 0;
      for (const [a, b] of parts) {
        expect(a, r.id).toBeGreaterThanOrEqual(last);
        expect(b, r.id).toBeGreaterThanOrEqual(a);
        expect(b, r.id).toBeLessThanOrEqual(r.response.length);
        last = b;
      }
    }
  });
});
