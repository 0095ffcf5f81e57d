// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEntry } from '../../stores/history-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { solve, useRunStore } from '../../stores/run-store.ts';
import { SolutionView } from './solution-view.tsx';

beforeEach(() => {
  resetStoresForTest();
});
afterEach(cleanup);

async function solved() {
  const user = userEvent.setup();
  render(<SolutionView />);
  await act(() => solve('2x + 3 = 11'));
  return { user, region: screen.getByRole('region', { name: 'Solution' }) };
}

const result = () => screen.getByRole('status', { name: 'Check result' });

describe('Your turn', () => {
  it('checks a line with the engine: a wrong one is "Not quite", the next step is "Correct" and counts as done', async () => {
    const { user, region } = await solved();
    const box = within(region).getByRole('textbox', { name: 'Your next step' });
    await user.type(box, '2x = 14{Enter}');
    await waitFor(() => expect(result().textContent).toMatch(/^Not quite/));
    expect(within(region).queryByRole('list', { name: 'Steps' })).toBeNull();

    await user.clear(within(region).getByRole('textbox', { name: 'Your next step' }));
    await user.type(within(region).getByRole('textbox', { name: 'Your next step' }), '2x = 8{Enter}');
    await waitFor(() => expect(result().textContent).toMatch(/^Correct/));
    const steps = within(region).getByRole('list', { name: 'Steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(1);
    expect(within(steps).getByText('Done by you')).toBeTruthy();
    // Saved with the entry: two attempts on step 1, done by the student.
    const id = useRunStore.getState().entryId!;
    await waitFor(() => expect(getEntry(id)?.tutor).toMatchObject({ outcomes: ['self'], attempts: [2] }));
  });

  it('"Next step" asks "Try it or get a hint first?" once; "Show me anyway" shows it', async () => {
    const { user, region } = await solved();
    await user.click(within(region).getByRole('button', { name: 'Next step' }));
    expect(within(region).getByText('Try it or get a hint first?')).toBeTruthy();
    expect(within(region).queryByRole('list', { name: 'Steps' })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Show me anyway' }));
    expect(within(within(region).getByRole('list', { name: 'Steps' })).getAllByRole('listitem')).toHaveLength(1);
    expect(useRunStore.getState().tutor.outcomes).toEqual(['revealed']);
  });

  it('gives the rule, then the shape, then the step, one Hint press at a time', async () => {
    const { user, region } = await solved();
    const hint = within(region).getByRole('button', { name: 'Hint' });
    await user.click(hint);
    const hints = await within(region).findByRole('list', { name: 'Hints' });
    expect(hints.textContent).toContain('Subtract');
    await user.click(hint);
    await waitFor(() => expect(within(hints).getAllByRole('listitem')).toHaveLength(2));
    await user.click(hint);
    await waitFor(() => expect(within(region).getByRole('list', { name: 'Steps' })).toBeTruthy());
    expect(useRunStore.getState().tutor.outcomes).toEqual(['tried']);
  });
});

describe('Your turn under "hints only, answer at the end"', () => {
  it('keeps steps for the student to write, with hints, and shows the answer at the end', async () => {
    const { user, region } = await solved();
    useRunStore.setState({ policy: 'hints-only' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Next step' })).toHaveProperty('disabled', true));
    expect(within(region).getByRole('button', { name: 'Reveal all' })).toHaveProperty('disabled', true);
    // Hints stop at the shape: a third press does not show the step.
    const hint = within(region).getByRole('button', { name: 'Hint' });
    for (let i = 0; i < 3; i++) await user.click(hint);
    await waitFor(() => expect(within(within(region).getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(2));
    expect(within(region).queryByRole('list', { name: 'Steps' })).toBeNull();
    for (const line of ['2x = 8', 'x = 4']) {
      await user.clear(within(region).getByRole('textbox', { name: 'Your next step' }));
      await user.type(within(region).getByRole('textbox', { name: 'Your next step' }), `${line}{Enter}`);
      await waitFor(() => expect(result().textContent).toMatch(/^Correct/));
    }
    await waitFor(() => expect(within(region).getByRole('region', { name: 'Final answer' })).toBeTruthy());
  });
});
