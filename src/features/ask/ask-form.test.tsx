// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDraftStore } from '../../stores/draft-store.ts';
import { useHistoryStore } from '../../stores/history-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useRunStore } from '../../stores/run-store.ts';
import { AskForm } from './ask-form.tsx';

beforeEach(() => {
  resetStoresForTest({ solver: 'builtin' });
  sessionStorage.clear();
});
afterEach(cleanup);

describe('AskForm', () => {
  it('has a problem box named "Problem" with a live typeset preview', async () => {
    const user = userEvent.setup();
    render(<AskForm />);
    const box = screen.getByRole('textbox', { name: 'Problem' });
    await user.type(box, 'Solve $x^2 = 9$');
    const preview = screen.getByRole('group', { name: 'Preview' });
    await waitFor(() => expect(preview.querySelector('.katex annotation')?.textContent).toBe('x^2 = 9'));
    expect(preview.textContent).toContain('Solve');
  });

  it('fills the box from an example, and keeps the draft across a reload of this tab', async () => {
    const user = userEvent.setup();
    render(<AskForm />);
    await user.click(screen.getByRole('button', { name: 'Quadratic' }));
    const box = screen.getByRole('textbox', { name: 'Problem' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Solve $x^2 + 2x - 15 = 0$');
    expect(JSON.parse(sessionStorage.getItem('stepwise.draft') ?? '{}').problem).toBe(box.value);
  });

  it('solves with the button, keeping the problem in the box', async () => {
    const user = userEvent.setup();
    render(<AskForm />);
    const solveButton = screen.getByRole('button', { name: 'Solve' });
    expect((solveButton as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Problem' }), '2x + 3 = 11');
    await user.click(solveButton);
    await waitFor(() => expect(useRunStore.getState().phase).toBe('done'));
    expect(useRunStore.getState().problem).toBe('2x + 3 = 11');
    expect(useDraftStore.getState().problem).toBe('2x + 3 = 11');
    expect(useHistoryStore.getState().entries).toHaveLength(1);
  });

  it('solves with Ctrl+Enter and Cmd+Enter; plain Enter adds a line', async () => {
    const user = userEvent.setup();
    render(<AskForm />);
    const box = screen.getByRole('textbox', { name: 'Problem' }) as HTMLTextAreaElement;
    await user.type(box, 'x + 1 = 3{Enter}');
    expect(box.value).toBe('x + 1 = 3\n');
    expect(useRunStore.getState().entryId).toBeNull();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(useRunStore.getState().phase).toBe('done'));
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    await waitFor(() => expect(useHistoryStore.getState().entries).toHaveLength(2));
  });
});
