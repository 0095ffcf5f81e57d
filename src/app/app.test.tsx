// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStoresForTest } from '../stores/reset-stores.ts';
import { App } from './app.tsx';

beforeEach(() => {
  resetStoresForTest({ solver: 'builtin' });
});
afterEach(cleanup);

describe('App', () => {
  it('asks, solves offline, reveals, and lists the problem in history', async () => {
    const user = userEvent.setup();
    await act(async () => {
      render(<App />);
    });
    await user.type(screen.getByRole('textbox', { name: 'Problem' }), '2x + 3 = 11');
    await user.click(screen.getByRole('button', { name: 'Solve' }));
    const region = await screen.findByRole('region', { name: 'Solution' });
    await user.click(within(region).getByRole('button', { name: 'Reveal all' }));
    await waitFor(() => expect(within(region).getByRole('region', { name: 'Final answer' }).querySelector('.katex')).not.toBeNull());
    const history = screen.getByRole('navigation', { name: 'History' });
    expect(within(history).getByRole('button', { name: /^2x \+ 3 = 11/ })).toBeTruthy();
  });

  it('switches between asking and pasting, and opens settings', async () => {
    const user = userEvent.setup();
    await act(async () => {
      render(<App />);
    });
    await user.click(screen.getByRole('tab', { name: 'Paste an answer' }));
    expect(screen.getByRole('textbox', { name: "Model's answer" })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Settings/ }));
    expect(screen.getByRole('region', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Base URL' })).toBeTruthy();
  });
});
