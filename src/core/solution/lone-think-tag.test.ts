import { describe, expect, it } from 'vitest';
import { ANSWER_FORMAT_EXAMPLE } from './answer-format.ts';
import { parseSolution, type ParserOptions } from './parse-solution.ts';
import { parseInChunks } from './test-support/parse-in-chunks.ts';
import type { Solution } from './solution.ts';
import { loadCorpus } from './test-support/corpus-metrics.ts';

const ONE_LINE = 'Okay, the student wants x from 2x + 3 = 11, so x = 4.';
const MANY_LINES = 'Okay, the student wants x from 2x + 3 = 11.\n\nSubtracting 3 gives 2x = 8.\nSo x = 4.';
const reply = (thought: string) => `${thought}\n</think>\n\n${ANSWER_FORMAT_EXAMPLE}`;
const titles = (s: Solution) => s.steps.map((x) => x.title);
const OPEN: ParserOptions = { openThinking: true };

const chunked = parseInChunks;

/** Every step complete in one snapshot is the same object in every later one. */
function completedStepsNeverChange(snaps: Solution[]): boolean {
  return snaps.every((s, i) => s.steps.filter((x) => x.complete).every((x, k) => snaps.slice(i + 1).every((later) => later.steps[k] === x)));
}

describe('lone-closing-think-tag', () => {
  it('the text before a lone </think> at the answer\'s start is thinking, not step 1, and the tag is no step', () => {
    const text = reply(ONE_LINE);
    const s = parseSolution(text);
    expect(s.thinking?.text).toBe(ONE_LINE);
    expect(s.thinking?.source).toEqual([0, ONE_LINE.length + '\n</think>'.length]);
    expect(s.preamble).toBeNull();
    expect(titles(s)).toEqual(['Move the constant term', 'Divide by the coefficient']);
    expect(s.answer?.text).toBe('x = 4');
    expect(JSON.stringify(s.steps)).not.toContain('think>');
    expect(text.slice(...s.steps[0]!.source).startsWith('## Step 1')).toBe(true);
  });

  it('chunked = one-shot for every chunk size (a tag cut between chunks too), completed steps never change', () => {
    for (const [thought, options] of [[ONE_LINE, {}], [MANY_LINES, OPEN], [ONE_LINE, OPEN]] as const) {
      const whole = parseSolution(reply(thought), options);
      for (const size of [1, 2, 3, 5, 7, 8, 13, 64]) {
        const { snaps, final } = chunked(reply(thought), size, options);
        expect(final, `chunks of ${size}`).toEqual(whole);
        expect(completedStepsNeverChange(snaps)).toBe(true);
      }
    }
  });

  it('without openThinking, a thought of several lines has complete steps before the tag comes, so they stay (the rule\'s limit)', () => {
    const s = parseSolution(reply(MANY_LINES));
    expect(s.thinking).toBeNull();
    expect(s.steps[0]?.body).toBe('Okay, the student wants x from 2x + 3 = 11.');
  });

  it('with openThinking, a thought of several lines is thinking, shown as thinking while it streams', () => {
    const text = reply(MANY_LINES);
    const s = parseSolution(text, OPEN);
    expect(s.thinking?.text).toBe(MANY_LINES);
    expect(titles(s)).toEqual(['Move the constant term', 'Divide by the coefficient']);
    const { snaps } = chunked(text, 4, OPEN);
    const tagAt = text.indexOf('</think>');
    const early = snaps.slice(1, Math.floor(tagAt / 4));
    expect(early.every((x) => x.steps.length === 0 && x.preamble === null && MANY_LINES.startsWith(x.thinking?.text ?? '?'))).toBe(true);
  });

  it('with openThinking, an answer with no tag is held as thinking until its first heading, then is the answer', () => {
    const text = `Let us solve it.\n${ANSWER_FORMAT_EXAMPLE}\n</think>`;
    const s = parseSolution(text, OPEN);
    expect(s.thinking).toBeNull();
    expect(s.preamble?.text).toBe('Let us solve it.');
    expect(titles(s)).toEqual(['Move the constant term', 'Divide by the coefficient']);
    const { snaps, final } = chunked(text, 3, OPEN);
    expect(final).toEqual(s);
    expect(snaps[2]?.thinking?.text).toBe('Let us so');
  });

  it('with openThinking, an answer with neither tag nor heading is the answer at the end', () => {
    const text = 'x = 4 because 2*4 + 3 = 11.\nSo the answer is 4.';
    const s = parseSolution(text, OPEN);
    expect(s.thinking).toBeNull();
    expect(s).toEqual(parseSolution(text));
  });

  it('after a completed step, a </think> is text: completed steps never change', () => {
    const text = `${ANSWER_FORMAT_EXAMPLE.split('\n## Answer')[0]}\n</think>\n\n## Answer\n\\[ \\boxed{x = 4} \\]`;
    const s = parseSolution(text);
    expect(s.thinking).toBeNull();
    expect(titles(s)).toEqual(['Move the constant term', 'Divide by the coefficient']);
    expect(chunked(text, 3).final).toEqual(s);
    expect(parseSolution(text, OPEN)).toEqual(s);
  });

  it('a </think> after a <think> block, or at the very start, is handled once', () => {
    const afterBlock = parseSolution(`<think>a</think>\n\nb\n</think>\n\n${ANSWER_FORMAT_EXAMPLE}`, OPEN);
    expect(afterBlock.thinking?.text).toBe('a');
    const atStart = parseSolution(`\n\n</think>\n\n${ANSWER_FORMAT_EXAMPLE}`);
    expect(atStart.thinking?.text).toBe('');
    expect(titles(atStart)).toEqual(['Move the constant term', 'Divide by the coefficient']);
  });

  it('an answer without the tag is unchanged', () => {
    const s = parseSolution(ANSWER_FORMAT_EXAMPLE);
    expect(s.thinking).toBeNull();
    expect(s).toEqual(parseSolution(ANSWER_FORMAT_EXAMPLE, OPEN));
  });
});

describe('lone-closing-think-tag over the dev corpus', () => {
  it('openThinking changes nothing for answers with no lone tag, chunked or not', { timeout: 60_000 }, () => {
    let checked = 0;
    for (const { response } of loadCorpus()) {
      if (response.includes('</think>')) continue;
      const plain = parseSolution(response);
      expect(parseSolution(response, OPEN)).toEqual(plain);
      expect(chunked(response, 1 + (checked % 17), OPEN).final).toEqual(plain);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('a corpus answer behind a lone tag: its thinking moves out, its steps are those of the answer alone', { timeout: 60_000 }, () => {
    for (const { response } of loadCorpus().slice(0, 40)) {
      const text = `${MANY_LINES}\n</think>\n\n${response}`;
      const s = parseSolution(text, OPEN);
      expect(s.thinking?.text).toBe(MANY_LINES);
      expect(s.steps.map((x) => x.body)).toEqual(parseSolution(response).steps.map((x) => x.body));
      expect(chunked(text, 7, OPEN).final).toEqual(s);
    }
  });
});

describe('lone-closing-think-tag, chunking', () => {
  it('decides by the text before the tag alone, so a stream in any chunks agrees with the one-shot parse', () => {
    // Found by the property test: two short lines, then the tag. When a step completes depends on the chunks;
    // the rule "at most one line before the tag" does not.
    for (const text of ['Answer:\n0</think>', 'Answer:\n0</think>\nx = 1', '0</think>', 'a\n</think>b']) {
      const one = parseSolution(text);
      for (const size of [1, 2, 3, 5]) expect(chunked(text, size).final, `${JSON.stringify(text)} in chunks of ${size}`).toEqual(one);
    }
    expect(parseSolution('Answer:\n0</think>').thinking).toBeNull();
    expect(parseSolution('0</think>').thinking?.text).toBe('0');
  });
});
