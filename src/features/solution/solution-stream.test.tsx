// @vitest-environment jsdom
/** The solution view while a real stream arrives (fake OpenAI-compatible server over HTTP, real adapter). */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REASONING, startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { revealAll, solve, useRunStore } from '../../stores/run-store.ts';
import { SolutionView } from './solution-view.tsx';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer({ idleTimeoutMs: 30_000 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.configure({ scenario: 'ok', chunksPerSecond: 60 });
  resetStoresForTest({ solver: 'model', baseURL: server.url, model: 'fake-model' });
});
afterEach(cleanup);

describe('SolutionView while streaming', () => {
  it('is busy, says what it is writing, and leaves completed steps untouched', async () => {
    render(<SolutionView />);
    let done!: Promise<void>;
    act(() => {
      done = solve('Solve 2x + 3 = 11');
    });
    const region = await screen.findByRole('region', { name: 'Solution' });
    act(() => revealAll());
    await waitFor(() => expect(region.getAttribute('aria-busy')).toBe('true'));
    // The status line (the other status region is "Your turn"'s check result, empty while nothing was checked).
    await waitFor(() => expect(within(region).getAllByRole('status')[0]?.textContent).toMatch(/writing step 2…/), { timeout: 5000 });
    expect(within(region).getByRole('button', { name: 'Stop' })).toBeTruthy();

    // The step being written shows its text as it arrives (painted straight from the store, no React render).
    await waitFor(
      () => {
        const writing = region.querySelector('.step--writing');
        expect(writing?.querySelector('.streaming-tail')?.textContent ?? '').toMatch(/\w/);
        expect(region.getAttribute('aria-busy')).toBe('true');
      },
      { timeout: 5000, interval: 5 },
    );

    // Step 1 is complete now: nothing in it may change while the rest streams in.
    const first = within(region).getAllByRole('listitem')[0]!;
    await waitFor(() => expect(first.querySelector('.katex')).not.toBeNull());
    const observer = new MutationObserver(() => undefined);
    observer.observe(first, { subtree: true, childList: true, characterData: true, attributes: true });
    await act(() => done);
    const mutations = observer.takeRecords();
    observer.disconnect();
    expect(mutations).toEqual([]);

    expect(region.getAttribute('aria-busy')).toBe('false');
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
    expect(within(region).getByRole('region', { name: 'Final answer' })).toBeTruthy();
  });

  it('puts reasoning in a collapsed "Model\'s thinking" panel, never in the steps', async () => {
    const user = userEvent.setup();
    server.configure({ scenario: 'reasoning', chunksPerSecond: 0 });
    render(<SolutionView />);
    await act(() => solve('Solve 2x + 3 = 11'));
    const panel = screen.getByText("Model's thinking").closest('details')!;
    expect(panel.open).toBe(false);
    await user.click(screen.getByText("Model's thinking"));
    expect(panel.textContent).toContain(DEFAULT_REASONING);
    act(() => revealAll());
    const steps = screen.getByRole('list', { name: 'Steps' });
    expect(steps.textContent).not.toContain('The student wants');
  });

  it('Stop keeps the steps received and says so', async () => {
    const user = userEvent.setup();
    server.configure({ chunksPerSecond: 30 });
    render(<SolutionView />);
    let done!: Promise<void>;
    act(() => {
      done = solve('Solve 2x + 3 = 11');
    });
    await waitFor(() => expect(useRunStore.getState().solution.steps.length).toBeGreaterThan(0), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await act(() => done);
    expect(screen.getByRole('region', { name: 'Solution' }).textContent).toContain('Stopped');
    expect(screen.getByText(/steps received so far are kept/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(useRunStore.getState().solution.steps.length).toBeGreaterThan(0);
  });
});
