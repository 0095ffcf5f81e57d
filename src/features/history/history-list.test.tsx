// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { newEntry } from '../../core/history/history-entry.ts';
import { initHistory, useHistoryStore } from '../../stores/history-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useRunStore } from '../../stores/run-store.ts';
import { HistoryList } from './history-list.tsx';

afterEach(cleanup);

const saved = [
  newEntry({ id: 'a', now: Date.parse('2025-01-02T10:00:00Z'), problem: 'Solve $x+1=2$', source: 'paste', answer: '## Step 1: A\nx = 1', status: 'done' }),
  { ...newEntry({ id: 'b', now: Date.parse('2025-01-03T10:00:00Z'), problem: 'Differentiate $x^2$', source: 'model', model: 'gpt-4o', answer: '## Step 1: Power rule\n$2x$', status: 'streaming' }) },
  { id: 'broken' },
];

async function setup() {
  const backend = resetStoresForTest({}, saved);
  useHistoryStore.setState({ status: 'loading' });
  await act(() => initHistory());
  render(<HistoryList />);
  return backend;
}

describe('HistoryList', () => {
  it('lists saved problems newest first and reports what it could not read', async () => {
    await setup();
    const nav = screen.getByRole('navigation', { name: 'History' });
    const items = within(nav).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // jsdom's name computation trims the separator's spaces; a browser keeps them (see e2e/history.e2e.ts).
    expect(within(items[0]!).getAllByRole('button', { name: /^Differentiate x\^2\s*·\s*\S/ })).toHaveLength(1);
    expect(within(items[1]!).getAllByRole('button', { name: /^Solve x\+1=2\s*·\s*\S/ })).toHaveLength(1);
    // Saved mid-stream: shown as cut off, with what arrived.
    expect(items[0]!.textContent).toContain('cut off');
    // Formulas in titles are typeset.
    await waitFor(() => expect(items[0]!.querySelector('.katex')).not.toBeNull());
    expect(within(nav).getByText(/1 saved problem could not be read/)).toBeTruthy();
  });

  it('opens an entry', async () => {
    const user = userEvent.setup();
    await setup();
    await user.click(screen.getByRole('button', { name: /^Solve x\+1=2/ }));
    expect(useRunStore.getState()).toMatchObject({ entryId: 'a', problem: 'Solve $x+1=2$', phase: 'done' });
    expect(screen.getByRole('button', { name: /^Solve x\+1=2/ }).getAttribute('aria-current')).toBe('true');
  });

  it('deletes an entry, from storage too, with Undo', async () => {
    const user = userEvent.setup();
    const backend = await setup();
    await user.click(screen.getByRole('button', { name: /^Solve x\+1=2/ }));
    await user.click(screen.getByRole('button', { name: 'Delete “Solve x+1=2”' }));
    expect(screen.queryByRole('button', { name: /^Solve x\+1=2/ })).toBeNull();
    expect(useRunStore.getState().entryId).toBeNull();
    expect(((await backend.getAll()) as { id: string }[]).map((r) => r.id).sort()).toEqual(['b', 'broken']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: /^Solve x\+1=2/ })).toBeTruthy();
    expect(((await backend.getAll()) as { id: string }[]).map((r) => r.id).sort()).toEqual(['a', 'b', 'broken']);
  });
});
