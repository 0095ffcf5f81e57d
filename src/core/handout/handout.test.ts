import { describe, expect, it } from 'vitest';
import { defaultHandoutOptions, layoutHandout, linesForStep, nearestFontSize, type Block, type HandoutOptions, type HandoutSource } from './handout.ts';
import type { Solution } from '../solution/solution.ts';

function solution(steps: number, answer: string | null = 'x = 2'): Solution {
  return {
    preamble: null,
    steps: Array.from({ length: steps }, (_, i) => ({ title: `T${i + 1}`, body: `Body ${i + 1}`, source: [0, 0] as [number, number], complete: true })),
    answer: answer === null ? null : { text: answer, source: [0, 0] },
    thinking: null,
  };
}

const sources: HandoutSource[] = [
  { id: 'a', problem: 'Solve $2x = 4$', solution: solution(3) },
  { id: 'b', problem: 'Solve $x + 1 = 0$', solution: solution(2, 'x = -1') },
  { id: 'c', problem: 'Prove it', solution: solution(1, null) },
];

const layout = (o: Partial<HandoutOptions>) => layoutHandout(sources, { ...defaultHandoutOptions(), ...o });
const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);

describe('layoutHandout', () => {
  it('problems mode: numbered problems with work space, then the key on a new page', () => {
    const doc = layout({ mode: 'problems', workLines: 6, title: ' Quiz 1 ', instructions: 'No calculators.' });
    expect(doc).toMatchObject({ title: 'Quiz 1', instructions: 'No calculators.', nameDateLine: true, fontSize: 11 });
    const [problems, key] = doc.sections;
    expect(problems).toMatchObject({ kind: 'problems', pageBreakBefore: false });
    expect(problems!.problems.map((p) => [p.number, p.problem])).toEqual([[1, 'Solve $2x = 4$'], [2, 'Solve $x + 1 = 0$'], [3, 'Prove it']]);
    expect(problems!.problems[0]!.blocks).toEqual([{ kind: 'lines', count: 6, forStep: null, keepTogether: true }]);
    expect(key).toMatchObject({ kind: 'key', heading: 'Answer key', pageBreakBefore: true });
    expect(key!.problems.map((p) => [p.number, p.problem, p.blocks])).toEqual([
      [1, '', [{ kind: 'answer', latex: 'x = 2', keepTogether: true }]],
      [2, '', [{ kind: 'answer', latex: 'x = -1', keepTogether: true }]],
      [3, '', [{ kind: 'answer', latex: null, keepTogether: true }]],
    ]);
  });

  it('the key can follow without a page break, or be left out', () => {
    expect(layout({ answerKey: 'after' }).sections[1]!.pageBreakBefore).toBe(false);
    expect(layout({ answerKey: 'none' }).sections.map((s) => s.kind)).toEqual(['problems']);
  });

  it('worked mode: every step, then the answer', () => {
    const p = layout({ mode: 'worked', answerKey: 'none' }).sections[0]!.problems[0]!;
    expect(kinds(p.blocks)).toEqual(['step', 'step', 'step', 'answer']);
    expect(p.blocks[1]).toEqual({ kind: 'step', index: 1, title: 'T2', body: 'Body 2', keepTogether: true });
  });

  it('faded mode: the first k steps shown, the rest as lined space, no answer', () => {
    const doc = layout({ mode: 'faded', fadedSteps: 2 });
    const [a, b, c] = doc.sections[0]!.problems;
    expect(kinds(a!.blocks)).toEqual(['step', 'step', 'lines']);
    expect(a!.blocks[2]).toMatchObject({ kind: 'lines', forStep: 2, hidden: { title: 'T3', body: 'Body 3' } });
    expect(kinds(b!.blocks)).toEqual(['step', 'step']);
    expect(kinds(c!.blocks)).toEqual(['step']);
    expect(kinds(layout({ mode: 'faded', fadedSteps: 0 }).sections[0]!.problems[0]!.blocks)).toEqual(['lines', 'lines', 'lines']);
  });

  it('faded mode gives a solution without steps plain work space', () => {
    const doc = layoutHandout([{ id: 'z', problem: 'p', solution: solution(0) }], { ...defaultHandoutOptions(), mode: 'faded' });
    expect(kinds(doc.sections[0]!.problems[0]!.blocks)).toEqual(['lines']);
  });

  it('key mode: one section of problems with their answers, no separate key', () => {
    const doc = layout({ mode: 'key', answerKey: 'separate' });
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ kind: 'key', pageBreakBefore: false });
    expect(doc.sections[0]!.problems[1]).toMatchObject({ number: 2, problem: 'Solve $x + 1 = 0$', blocks: [{ kind: 'answer', latex: 'x = -1' }] });
  });

  it('numbering off, two columns, font size snapped', () => {
    const doc = layout({ numbering: false, columns: 2, fontSize: 13.5 });
    expect(doc.sections.every((s) => s.columns === 2)).toBe(true);
    expect(doc.sections.flatMap((s) => s.problems.map((p) => p.number))).toEqual([null, null, null, null, null, null]);
    expect(doc.fontSize).toBe(14);
    expect(nearestFontSize(3)).toBe(10);
  });

  it('every block is marked keep-together', () => {
    for (const mode of ['problems', 'worked', 'faded', 'key'] as const) {
      const blocks = layout({ mode }).sections.flatMap((s) => s.problems.flatMap((p) => p.blocks));
      expect(blocks.length).toBeGreaterThan(0);
      expect(blocks.every((b) => b.keepTogether)).toBe(true);
    }
  });
});

it('linesForStep grows with the step, within 2..8', () => {
  expect(linesForStep('one line')).toBe(2);
  expect(linesForStep('a\nb\n\n$$x$$\nc')).toBe(6);
  expect(linesForStep('x\n'.repeat(40))).toBe(8);
});
