// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHandoutOptions, layoutHandout, type HandoutOptions, type HandoutSource } from '../../core/handout/handout.ts';
import type { Solution } from '../../core/solution/solution.ts';
import { HandoutPrint } from './handout-print.tsx';
import { pageCss } from './page-css.ts';

afterEach(cleanup);

const solution = (answer: string | null): Solution => ({
  preamble: null,
  steps: [
    { title: 'Subtract $3$', body: 'We get\n\n$$\n2x = 4\n$$', source: [0, 0], complete: true },
    { title: 'Divide', body: 'So $x = 2$.', source: [0, 0], complete: true },
  ],
  answer: answer === null ? null : { text: answer, source: [0, 0] },
  thinking: null,
});

const sources: HandoutSource[] = [
  { id: 'a', problem: 'Solve \\(2x + 3 = 7\\)', solution: solution('x = 2') },
  { id: 'b', problem: 'Solve $x + 1 = 0$', solution: solution(null) },
];

const show = (o: Partial<HandoutOptions>, paper: 'a4' | 'letter' = 'a4') =>
  render(<HandoutPrint doc={layoutHandout(sources, { ...defaultHandoutOptions(), title: 'Quiz 1', ...o })} paper={paper} />);

describe('HandoutPrint', () => {
  it('worksheet: title, name and date line, numbered problems with lines, answer key on a new page', async () => {
    const { container } = show({ mode: 'problems', workLines: 5 });
    expect(screen.getByRole('heading', { level: 1, name: 'Quiz 1' })).toBeTruthy();
    expect(container.textContent).toContain('Name:');
    const problems = screen.getByRole('region', { name: 'Problems' });
    expect([...problems.querySelectorAll('.handout-problem')].map((p) => p.getAttribute('data-number'))).toEqual(['1', '2']);
    expect(problems.querySelectorAll('.handout-line')).toHaveLength(10);
    expect(problems.textContent).not.toContain('Subtract');
    const key = screen.getByRole('region', { name: 'Answer key' });
    expect(key.classList.contains('handout__section--break')).toBe(true);
    expect(within(key).getByText('(no final answer)')).toBeTruthy();
    // Typeset once the lazy renderer loads: the problem's \( \) math becomes KaTeX, not raw LaTeX.
    await waitFor(() => expect(problems.querySelector('.katex')).not.toBeNull());
    expect(problems.textContent).not.toContain('\\(');
  });

  it('worked mode: every step with its label, kept together, and the answer', async () => {
    const { container } = show({ mode: 'worked', answerKey: 'none' });
    const steps = container.querySelectorAll('.handout-step');
    expect(steps).toHaveLength(4);
    expect([...steps].every((s) => s.classList.contains('handout-block'))).toBe(true);
    expect(steps[1]!.textContent).toContain('Step 2: Divide');
    expect(container.querySelectorAll('.handout-answer')).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'Answer key' })).toBeNull();
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
  });

  it('faded mode: shown steps, then labelled lined space for the rest', () => {
    const { container } = show({ mode: 'faded', fadedSteps: 1, answerKey: 'after' });
    const first = container.querySelector('.handout-problem')!;
    expect(first.querySelectorAll('.handout-step')).toHaveLength(1);
    expect(first.querySelector('.handout-lines')!.textContent).toBe('Step 2');
    expect(screen.getByRole('region', { name: 'Answer key' }).classList.contains('handout__section--break')).toBe(false);
  });

  it('two columns, font size, and the paper size in @page', () => {
    const { container } = show({ columns: 2, fontSize: 12 }, 'letter');
    const root = container.querySelector<HTMLElement>('.handout')!;
    expect(root.style.getPropertyValue('--handout-font-size')).toBe('12pt');
    expect(container.querySelector('.handout__section--cols-2')).not.toBeNull();
    expect(container.querySelector('style')!.textContent).toBe(pageCss('letter'));
  });
});

it('pageCss sets the paper size and a page-number footer', () => {
  expect(pageCss('a4')).toContain('size: A4;');
  expect(pageCss('letter')).toContain('size: letter;');
  expect(pageCss('a4')).toContain('counter(page)');
});
