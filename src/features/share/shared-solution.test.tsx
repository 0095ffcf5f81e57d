// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleItem } from '../../core/library/test-support/sample-item.ts';
import { makeShareLink } from '../../services/share/share-link.ts';
import { useHistoryStore } from '../../stores/history-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useRouteStore } from '../../stores/route-store.ts';
import { useRunStore } from '../../stores/run-store.ts';
import { SharedSolution } from './shared-solution.tsx';

beforeEach(() => {
  resetStoresForTest();
  useRouteStore.setState({ route: { name: 'share', payload: '' } });
});
afterEach(cleanup);

describe('SharedSolution', () => {
  it('shows a shared solution in the tutor and keeps it in history', async () => {
    const item = sampleItem('a', 'Solve $2x + 3 = 7$', 3);
    const made = await makeShareLink({ problem: item.problem, solution: item.solution, answer: '', model: 'gpt-4o' }, 'http://localhost/');
    if (!made.ok) throw new Error(made.error.message);
    render(<SharedSolution payload={made.value.split('#/share/')[1]!} />);
    expect(screen.getByRole('status').textContent).toBe('Opening the shared solution…');
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    const run = useRunStore.getState();
    expect(run).toMatchObject({ problem: 'Solve $2x + 3 = 7$', source: 'paste', model: 'gpt-4o', solution: item.solution });
    expect(useHistoryStore.getState().entries.map((e) => e.problem)).toEqual(['Solve $2x + 3 = 7$']);
    expect(location.hash).toBe('#/');
  });

  it('opens the solution under the reveal policy the link carries, and says which', async () => {
    const item = sampleItem('a', 'Solve $2x + 3 = 11$', 2);
    const made = await makeShareLink({ problem: item.problem, solution: item.solution, answer: '', model: '', policy: 'hints-only' }, 'http://localhost/');
    if (!made.ok) throw new Error(made.error.message);
    render(<SharedSolution payload={made.value.split('#/share/')[1]!} />);
    expect(await screen.findByText('Your teacher chose: Hints only, answer at the end.')).toBeTruthy();
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    expect(useRunStore.getState().policy).toBe('hints-only');
    expect(useHistoryStore.getState().entries[0]).toMatchObject({ problem: 'Solve $2x + 3 = 11$', policy: 'hints-only' });
  });

  it('a link without a policy leaves it to the student, and says nothing about it', async () => {
    const item = sampleItem('a', 'Solve $x + 1 = 2$', 2);
    const made = await makeShareLink({ problem: item.problem, solution: item.solution, answer: '', model: '' }, 'http://localhost/');
    if (!made.ok) throw new Error(made.error.message);
    const { container } = render(<SharedSolution payload={made.value.split('#/share/')[1]!} />);
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    expect(container.textContent).not.toContain('teacher');
    expect(useRunStore.getState().policy).toBeNull();
    expect(useHistoryStore.getState().entries[0]).not.toHaveProperty('policy');
  });

  it('explains a link it cannot read and changes nothing', async () => {
    render(<SharedSolution payload="1.40.abc" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This share link is cut short: 3 of its 40 characters arrived.');
    expect(screen.getByRole('link', { name: 'Go to the tutor' }).getAttribute('href')).toBe('#/');
    expect(useRunStore.getState().entryId).toBeNull();
    expect(useHistoryStore.getState().entries).toEqual([]);
  });
});
