// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySolution } from '../../core/solution/solution.ts';
import { createLibraryStorage, memoryLibrary } from '../../services/storage/index.ts';
import { resetBatchForTest, type SolveOutcome } from '../../stores/batch-store.ts';
import { createLibrarySet, initLibrary, resetLibraryForTest } from '../../stores/library-store.ts';
import { resetSettingsForTest } from '../../stores/settings-store.ts';
import { BatchPanel } from './batch-panel.tsx';

afterEach(cleanup);

let setId: string;
beforeEach(async () => {
  let n = 0;
  resetLibraryForTest(createLibraryStorage(memoryLibrary()), { newId: () => `id${++n}`, now: () => 1000 + n });
  await initLibrary();
  const created = await createLibrarySet('Week 1');
  if (!created.ok) throw new Error(created.error);
  setId = created.value;
});

const ok = (problem: string): SolveOutcome => ({ ok: true, solution: emptySolution(), answerText: problem, source: 'model', model: 'm' });

describe('BatchPanel', () => {
  it('shows how the list was understood, then generates with progress, per-problem rows and Retry failed', async () => {
    let broken = true;
    resetBatchForTest({
      solve: async (p) =>
        p.includes('bad') && broken ? { ok: false, error: { kind: 'server-error', message: 'The server had an error (500).', hint: 'Try again in a moment.' } } : ok(p),
    });
    resetSettingsForTest({ solver: 'model', baseURL: 'http://127.0.0.1:9/v1', model: 'fake-model' });
    render(<BatchPanel setId={setId} />);
    const panel = screen.getByRole('region', { name: 'Generate solutions' });
    expect(within(panel).getByText(/fake-model/)).toBeTruthy();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Problems' }), {
      target: { value: 'Homework\n1. Solve $x+1=2$\n2. a bad one\n   over two lines\n3. Factor $x^2-1$' },
    });
    expect(within(panel).getByText(/Understood as 3 problems \(a numbered list\)/)).toBeTruthy();
    const preview = within(panel).getByRole('list', { name: 'Problems to generate' });
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Solve'),
      'a bad one over two lines',
      expect.stringContaining('Factor'),
    ]);
    expect(within(panel).getByText(/Not included.*Homework/)).toBeTruthy();
    expect(within(panel).getByRole('combobox', { name: 'Parallel requests' })).toHaveProperty('value', '2');

    fireEvent.click(within(panel).getByRole('button', { name: 'Generate 3 solutions' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('2 of 3 done · 1 failed · finished'));
    const bar = within(panel).getByRole('progressbar', { name: 'Generation progress' });
    expect(bar.getAttribute('value')).toBe('3');
    const rows = within(within(panel).getByRole('list', { name: 'Batch problems' })).getAllByRole('listitem');
    expect(rows[1]?.textContent).toContain('Failed');
    expect(rows[1]?.textContent).toContain('The server had an error (500).');
    expect(rows[1]?.textContent).toContain('Try again in a moment.');
    expect(rows[0]?.textContent).toContain('Saved');

    broken = false;
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('3 of 3 done · finished'));
    expect(within(panel).queryByRole('button', { name: 'Retry failed' })).toBeNull();
  });

  it('says the built-in solver will be used when no model is configured, and refuses an empty list', () => {
    resetBatchForTest();
    resetSettingsForTest({ solver: 'builtin' });
    render(<BatchPanel setId={setId} />);
    expect(screen.getByText('No model is configured, so the built-in solver will be used.')).toBeTruthy();
    expect(screen.getByText(/handles only algebra and calculus/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Generate 0 solutions' })).toHaveProperty('disabled', true);
  });
});
