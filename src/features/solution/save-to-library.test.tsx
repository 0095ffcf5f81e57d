// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readShareLink } from '../../services/share/share-link.ts';
import { createLibraryStorage, memoryLibrary } from '../../services/storage/index.ts';
import { resetLibraryForTest, useLibraryStore } from '../../stores/library-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { showPasted, useRunStore } from '../../stores/run-store.ts';
import { SolutionActions } from './save-to-library.tsx';

const ANSWER = '## Step 1: Subtract 3\n$$2x = 8$$\n\n## Step 2: Divide by 2\n$$x = 4$$\n\n**Final answer:** $\\boxed{x = 4}$';

let backend: ReturnType<typeof memoryLibrary>;

beforeEach(async () => {
  resetStoresForTest();
  backend = memoryLibrary();
  resetLibraryForTest(createLibraryStorage(backend));
  await act(() => showPasted('Solve $2x + 3 = 11$', ANSWER));
});
afterEach(cleanup);

const stored = async () => (await backend.getAll()) as { name: string; items: { problem: string; source: string; answerText: string; model: string }[] }[];

describe('SolutionActions', () => {
  it('is hidden with no solution and while one streams', () => {
    act(() => useRunStore.setState({ phase: 'streaming' }));
    const { container } = render(<SolutionActions />);
    expect(container.textContent).toBe('');
    act(() => useRunStore.setState({ entryId: null, phase: 'idle' }));
    expect(container.textContent).toBe('');
  });

  it('saves the solution on screen into a new set, then into an existing one', async () => {
    const user = userEvent.setup();
    render(<SolutionActions />);
    await user.click(screen.getByRole('button', { name: 'Save to library' }));
    const form = await screen.findByRole('form', { name: 'Save to library' });
    // No set yet: a new one, which needs a name.
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('A set needs a name');
    await user.type(within(form).getByRole('textbox', { name: 'New set name' }), 'Week 3');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const saved = await screen.findByText('Saved to');
    const id = useLibraryStore.getState().library.sets[0]!.id;
    expect(within(saved.closest('p')!).getByRole('link', { name: 'Week 3' }).getAttribute('href')).toBe(`#/library/${id}`);
    expect(await stored()).toMatchObject([{ name: 'Week 3', items: [{ problem: 'Solve $2x + 3 = 11$', source: 'pasted', answerText: ANSWER, model: '' }] }]);

    // Again: the existing set is offered first.
    await user.click(screen.getByRole('button', { name: 'Save to library' }));
    const again = await screen.findByRole('form', { name: 'Save to library' });
    expect(within(again).getByRole('combobox', { name: 'Set' }).textContent).toBe('Week 3New set…');
    expect(within(again).queryByRole('textbox', { name: 'New set name' })).toBeNull();
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored())[0]!.items).toHaveLength(2));
  });

  it('puts the chosen reveal policy into the link; a change of choice takes the old link away', async () => {
    const user = userEvent.setup();
    render(<SolutionActions />);
    const control = screen.getByRole('combobox', { name: 'Reveal policy' }) as HTMLSelectElement;
    expect(control.selectedOptions[0]!.textContent).toBe("Student's choice");
    const linkRead = async () => {
      const url = ((await screen.findByRole('textbox', { name: 'Share link' })) as HTMLInputElement).value;
      const read = await readShareLink(url.split('#/share/')[1]!);
      if (!read.ok) throw new Error(read.error.message);
      return read.value;
    };

    await user.click(screen.getByRole('button', { name: 'Share link' }));
    expect(await linkRead()).not.toHaveProperty('policy');
    expect(screen.getByText(/opening it sends nothing to any server\.$/)).toBeTruthy();

    await user.selectOptions(control, 'Hints only, answer at the end');
    expect(screen.queryByRole('textbox', { name: 'Share link' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Share link' }));
    expect(await linkRead()).toMatchObject({ problem: 'Solve $2x + 3 = 11$', policy: 'hints-only' });
    expect(screen.getByText(/Reveal policy: Hints only, answer at the end\.$/)).toBeTruthy();

    await user.selectOptions(control, 'Free reveal');
    await user.click(screen.getByRole('button', { name: 'Share link' }));
    expect((await linkRead()).policy).toBe('free');
  });

  it('offers the policy the solution came with when it is shared again', async () => {
    act(() => useRunStore.setState({ policy: 'try-first' }));
    render(<SolutionActions />);
    expect((screen.getByRole('combobox', { name: 'Reveal policy' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Try each step first');
  });

  it('makes a share link and shows it; a solution too long for a link says so', async () => {
    const user = userEvent.setup();
    render(<SolutionActions />);
    await user.click(screen.getByRole('button', { name: 'Share link' }));
    const field = await screen.findByRole('textbox', { name: 'Share link' });
    expect((field as HTMLInputElement).value).toMatch(/#\/share\/1\.\d+\.[\w-]+$/);

    cleanup();
    let seed = 1;
    const noise = Array.from({ length: 20000 }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648), 'abcdefghijklmnopqrstuvwxyz0123456789'[(seed >>> 16) % 36])).join('');
    await act(() => showPasted('Long one', `## Step 1: Data\n${noise}\n\n**Final answer:** $x = 1$`));
    render(<SolutionActions />);
    await user.click(screen.getByRole('button', { name: 'Share link' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^This solution is too long to share as a link \([\d,]+ characters; the limit is 8,000\)\./);
    expect(screen.queryByRole('textbox', { name: 'Share link' })).toBeNull();
  });
});
