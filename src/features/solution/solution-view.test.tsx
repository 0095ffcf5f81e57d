// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { showPasted, solve, useRunStore } from '../../stores/run-store.ts';
import { useLayoutStore } from '../../stores/layout-store.ts';
import { resetSettingsForTest } from '../../stores/settings-store.ts';
import { SolutionView } from './solution-view.tsx';

const ANSWER = [
  '## Step 1: Move the constant term',
  'Subtract \\(3\\) from both sides:',
  '\\[ 2x = 8 \\]',
  '',
  '## Step 2: Divide by the coefficient',
  'Divide both sides by \\(2\\):',
  '\\[ x = 4 \\]',
  '',
  '## Answer',
  '\\[ \\boxed{x = 4} \\]',
].join('\n');

beforeEach(() => {
  // These tests are about revealing itself: a student who turned "Try each step first" off.
  resetStoresForTest({ tryFirst: false });
});
afterEach(cleanup);

async function showSolution() {
  render(<SolutionView />);
  await act(() => showPasted('Solve $2x + 3 = 11$', ANSWER));
  return screen.getByRole('region', { name: 'Solution' });
}

describe('SolutionView', () => {
  it('shows the problem and no step until one is revealed', async () => {
    const region = await showSolution();
    expect(region).toHaveProperty('ariaBusy', 'false');
    expect(within(region).getByText(/2 steps — try the first one yourself/)).toBeTruthy();
    expect(within(region).queryByRole('list', { name: 'Steps' })).toBeNull();
    expect(within(region).queryByRole('region', { name: 'Final answer' })).toBeNull();
  });

  it('reveals steps one at a time with "Next step", then the final answer last', async () => {
    const user = userEvent.setup();
    const region = await showSolution();
    const next = within(region).getByRole('button', { name: 'Next step' });
    await user.click(next);
    const steps = within(region).getByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(1);
    expect(within(region).getByText('Step 1 of 2')).toBeTruthy();
    expect(await within(steps).findByText('Move the constant term')).toBeTruthy();
    expect(within(steps).queryByText('Divide by the coefficient')).toBeNull();

    await user.click(next);
    expect(within(steps).getAllByRole('listitem')).toHaveLength(2);
    expect(within(region).queryByRole('region', { name: 'Final answer' })).toBeNull();
    expect(within(region).getByText('Next: the final answer')).toBeTruthy();

    await user.click(next);
    const answer = within(region).getByRole('region', { name: 'Final answer' });
    await waitFor(() => expect(answer.querySelector('.katex annotation')?.textContent).toBe('x = 4'));
    expect((next as HTMLButtonElement).disabled).toBe(true);
    // The answer comes after the steps.
    expect(steps.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('reveals with → and Space, but not while typing', async () => {
    const user = userEvent.setup();
    const region = await showSolution();
    await user.keyboard('{ArrowRight}');
    expect(within(region).getByText('Step 1 of 2')).toBeTruthy();
    await user.keyboard(' ');
    expect(within(region).getByText('Step 2 of 2')).toBeTruthy();

    const input = document.createElement('textarea');
    document.body.append(input);
    input.focus();
    await user.keyboard('{ArrowRight} ');
    expect(within(region).queryByRole('region', { name: 'Final answer' })).toBeNull();
    input.remove();
  });

  it('"Reveal all" and "Hide all"', async () => {
    const user = userEvent.setup();
    const region = await showSolution();
    await user.click(within(region).getByRole('button', { name: 'Reveal all' }));
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
    expect(within(region).getByRole('region', { name: 'Final answer' })).toBeTruthy();
    expect(within(region).getByText('Step 2 of 2 · answer shown')).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Hide all' }));
    expect(within(region).queryByRole('listitem')).toBeNull();
    expect(within(region).queryByRole('region', { name: 'Final answer' })).toBeNull();
  });

  it('a revealed step folds and unfolds, keeping its title', async () => {
    const user = userEvent.setup();
    const region = await showSolution();
    await user.click(within(region).getByRole('button', { name: 'Next step' }));
    const toggle = within(region).getByRole('button', { name: /Step 1\s*Move the constant term/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await within(region).findByText(/Subtract/)).toBeTruthy();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(region).queryByText(/Subtract/)).toBeNull();
    expect(within(region).getByText('Move the constant term')).toBeTruthy();
    await user.click(toggle);
    expect(within(region).getByText(/Subtract/)).toBeTruthy();
  });

  it('typesets math and shows a formula KaTeX cannot render as marked source', async () => {
    render(<SolutionView />);
    // Balanced but not valid TeX (a double superscript): unbalanced input such as $\frac{1}{$ is plain text.
    await act(() => showPasted('P', '## Step 1: Try\nGood $\\frac{1}{2}$ and bad $x^^2$ math.'));
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    const bad = await screen.findByText('$x^^2$');
    expect(bad.className).toBe('math-error');
    expect(bad.getAttribute('title')).toMatch(/KaTeX parse error/);
    expect(document.querySelector('.katex math')).not.toBeNull();
  });

  it('shows an error with its hint and a Retry, keeping problem and steps', async () => {
    render(<SolutionView />);
    await act(() => showPasted('Solve $x$', '## Step 1: First\nok'));
    act(() =>
      useRunStore.setState({
        phase: 'failed',
        error: { kind: 'dropped', message: 'The connection closed early.', hint: 'Ask again.' },
        reveal: { shown: 1, all: false, collapsed: [] },
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The connection closed early.');
    expect(alert.textContent).toContain('Ask again.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByText('First')).toBeTruthy();
  });

  it('waits out retry-after before Retry can be pressed', async () => {
    render(<SolutionView />);
    await act(() => showPasted('Solve $x$', '## Step 1: First\nok'));
    act(() =>
      useRunStore.setState({
        phase: 'failed',
        endedAt: Date.now(),
        error: { kind: 'rate-limited', message: 'Limited (429).', hint: 'Wait 7 s.', retryAfterSeconds: 7 },
      }),
    );
    const button = within(screen.getByRole('alert')).getByRole('button', { name: /Retry in [67] s/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('final answer note', () => {
  it('shows what the answer section says after the answer itself', async () => {
    render(<SolutionView />);
    await act(() => showPasted('P', '## Step 1: A\nx = 4\n\n## Answer\n\\[ \\boxed{x = 4} \\]\n\nCheck: $2 \\cdot 4 + 3 = 11$.'));
    fireEvent.click(screen.getByRole('button', { name: 'Reveal all' }));
    const answer = screen.getByRole('region', { name: 'Final answer' });
    await waitFor(() => expect(answer.textContent).toContain('Check'));
  });
});

describe("the built-in solver's check of the final answer", () => {
  async function pasteAndRevealAll(problem: string, answer: string) {
    render(<SolutionView />);
    await act(() => showPasted(problem, answer));
    fireEvent.click(screen.getByRole('button', { name: 'Reveal all' }));
    return screen.getByRole('region', { name: 'Final answer' });
  }

  it('says "Checked by the built-in solver" when it got the same answer', async () => {
    const answer = await pasteAndRevealAll('Solve $2x + 3 = 11$', ANSWER);
    expect(within(answer).getByText('Checked by the built-in solver')).toBeTruthy();
    expect(answer.textContent).not.toContain('got');
  });

  it("shows the solver's own answer, typeset, when they disagree", async () => {
    const answer = await pasteAndRevealAll('Solve $2x + 3 = 11$', ANSWER.replace('\\boxed{x = 4}', '\\boxed{x = 5}'));
    expect(answer.textContent).toMatch(/The built-in solver got .*check this step by step/);
    expect(answer.textContent).not.toContain('Checked by');
    await waitFor(() => {
      const typeset = [...answer.querySelectorAll('.final-answer__check .katex annotation')].map((a) => a.textContent);
      expect(typeset).toEqual(['x = 4']);
    });
  });

  it('shows no check when the solver cannot do the problem', async () => {
    const answer = await pasteAndRevealAll('Find the 100th prime', ANSWER);
    expect(answer.querySelector('.final-answer__check')).toBeNull();
  });
});

describe('when the built-in solver declines', () => {
  it('says so once and offers Settings and pasting an answer, not a pointless retry', async () => {
    resetSettingsForTest({ solver: 'builtin' });
    render(<SolutionView />);
    await act(() => solve('Write a poem about integrals'));
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.match(/can't do this one/g)).toHaveLength(1);
    expect(alert.textContent).not.toMatch(/cannot solve this problem/);
    expect(within(alert).queryByRole('button', { name: /Retry/ })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Paste an answer' }));
    expect(useLayoutStore.getState().tab).toBe('paste');
    fireEvent.click(within(alert).getByRole('button', { name: 'Open settings' }));
    expect(useLayoutStore.getState().settingsOpen).toBe(true);
  });
});
