// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibrarySet } from '../../core/library/library.ts';
import { exportSetFile } from '../../core/library/set-file.ts';
import { toStored } from '../../core/library/stored-set.ts';
import { sampleItem } from '../../core/library/test-support/sample-item.ts';
import { createLibraryStorage, memoryLibrary } from '../../services/storage/index.ts';
import { initLibrary, resetLibraryForTest, useLibraryStore } from '../../stores/library-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useRouteStore } from '../../stores/route-store.ts';
import { useRunStore } from '../../stores/run-store.ts';
import { useHistoryStore } from '../../stores/history-store.ts';
import { LibraryPage } from './library-page.tsx';

afterEach(cleanup);

const week3: LibrarySet = {
  id: 'w3',
  name: 'Week 3',
  tags: ['algebra'],
  createdAt: Date.parse('2026-11-01T10:00:00Z'),
  updatedAt: Date.parse('2026-11-02T10:00:00Z'),
  items: [sampleItem('i1', 'Solve $2x + 3 = 11$'), { ...sampleItem('i2', 'Factor x^2 - 5x + 6', 3), source: 'solver', model: '', answerText: '' }],
};
const calculus: LibrarySet = { ...week3, id: 'calc', name: 'Derivatives', tags: ['calculus'], items: [sampleItem('i3', 'Differentiate $x^3$')] };

let backend: ReturnType<typeof memoryLibrary>;

async function setup(setId: string | null = null, rows: unknown[] = [toStored(week3, 0), toStored(calculus, 1), { id: 'broken', v: 1 }]) {
  resetStoresForTest();
  backend = memoryLibrary(rows);
  let n = 0;
  resetLibraryForTest(createLibraryStorage(backend), { newId: () => `new${++n}`, now: () => Date.parse('2026-11-20T10:00:00Z') + n });
  await act(() => initLibrary());
  const view = render(<LibraryPage setId={setId} />);
  return { ...view, user: userEvent.setup() };
}

const sets = () => screen.getByRole('list', { name: 'Sets' });
const rowNames = () => within(sets()).queryAllByRole('heading').map((h) => h.textContent);
const storedNames = async () => ((await backend.getAll()) as { name?: string }[]).map((r) => r.name).filter(Boolean).sort();

describe('LibraryPage: all sets', () => {
  beforeEach(() => useRouteStore.setState({ route: { name: 'library', setId: null } }));

  it('lists every set with tags, problem count and date, and reports unreadable ones', async () => {
    const { user } = await setup();
    expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(rowNames()).toEqual(['Week 3', 'Derivatives']);
    const row = within(sets()).getAllByRole('listitem', { name: 'Week 3' })[0]!;
    expect(within(row).getByRole('link', { name: 'Week 3' }).getAttribute('href')).toBe('#/library/w3');
    expect(within(row).getByRole('list', { name: 'Tags' }).textContent).toBe('algebra');
    expect(row.textContent).toContain('2 problems');
    expect(row.textContent).not.toContain('Student');
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-02T10:00:00.000Z');
    const notice = screen.getByText(/1 saved set\(s\) are damaged/);
    await user.click(within(notice.closest('.notice') as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/are damaged/)).toBeNull();
  });

  it('names a set\'s reveal policy in its row', async () => {
    await setup(null, [toStored({ ...week3, policy: 'hints-only' }, 0), toStored(calculus, 1)]);
    expect(within(sets()).getAllByRole('listitem', { name: 'Week 3' })[0]!.querySelector('.set-row__meta')!.textContent).toMatch(
      /^2 problems · updated .+ · Hints only, answer at the end$/,
    );
    expect(within(sets()).getAllByRole('listitem', { name: 'Derivatives' })[0]!.querySelector('.set-row__meta')!.textContent).toMatch(/^1 problem · updated [^·]+$/);
  });

  it('searches names, tags and problems, and says when nothing matches', async () => {
    const { user } = await setup();
    const search = screen.getByRole('searchbox', { name: 'Search library' });
    await user.type(search, '#calculus');
    expect(rowNames()).toEqual(['Derivatives']);
    await user.clear(search);
    await user.type(search, '2x+3');
    expect(rowNames()).toEqual(['Week 3']);
    expect(within(sets()).getByRole('list', { name: 'Matching problems in “Week 3”' }).textContent).toContain('Solve');
    await user.type(search, ' zebra');
    expect(screen.queryByRole('list', { name: 'Sets' })).toBeNull();
    expect(screen.getByText('No set matches “2x+3 zebra”.')).toBeTruthy();
  });

  it('creates a set and opens it; an empty name is refused with the reason', async () => {
    const { user } = await setup();
    const name = screen.getByRole('textbox', { name: 'New set name' });
    await user.click(screen.getByRole('button', { name: 'New set' }));
    expect(screen.getByRole('alert').textContent).toContain('A set needs a name');
    await user.type(name, 'Quiz 1{Enter}');
    const quiz = useLibraryStore.getState().library.sets.find((x) => x.name === 'Quiz 1');
    expect(useRouteStore.getState().route).toEqual({ name: 'library', setId: quiz?.id });
    expect(await storedNames()).toEqual(['Derivatives', 'Quiz 1', 'Week 3']);
  });

  it('renames, tags, duplicates, and deletes with undo; every change is saved', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Rename “Week 3”' }));
    const field = screen.getByRole('textbox', { name: 'Set name' });
    await user.clear(field);
    await user.type(field, 'Week 3 — equations{Enter}');
    expect(rowNames()).toEqual(['Week 3 — equations', 'Derivatives']);

    await user.click(screen.getByRole('button', { name: 'Edit tags of “Derivatives”' }));
    const tags = screen.getByRole('textbox', { name: 'Tags' });
    await user.clear(tags);
    await user.type(tags, 'Calculus, quiz , year 11');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const calcRow = within(sets()).getByRole('listitem', { name: 'Derivatives' });
    expect(within(within(calcRow).getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((t) => t.textContent)).toEqual([
      'calculus',
      'quiz',
      'year 11',
    ]);

    await user.click(screen.getByRole('button', { name: 'Duplicate “Derivatives”' }));
    expect(rowNames()).toEqual(['Week 3 — equations', 'Derivatives', 'Derivatives (copy)']);
    expect(screen.getByText('Made a copy: “Derivatives (copy)”.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete “Week 3 — equations”' }));
    expect(rowNames()).toEqual(['Derivatives', 'Derivatives (copy)']);
    expect(await storedNames()).toEqual(['Derivatives', 'Derivatives (copy)']);
    expect(screen.getByText('Deleted the set “Week 3 — equations”.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(rowNames()).toEqual(['Week 3 — equations', 'Derivatives', 'Derivatives (copy)']);
    expect(await storedNames()).toEqual(['Derivatives', 'Derivatives (copy)', 'Week 3 — equations']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('imports a set file, and refuses a bad one with its reason without changing the library', async () => {
    const { user } = await setup();
    const input = screen.getByLabelText('Import set file');
    const before = useLibraryStore.getState().library;

    await user.upload(input, new File(['{"format":"stepwise-set","version":7}'], 'future.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“future.json” was not imported.');
    expect(alert.textContent).toContain('newer version of Stepwise');
    await user.upload(input, new File(['not json at all'], 'notes.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not valid JSON'));
    expect(useLibraryStore.getState().library).toBe(before);

    const file = exportSetFile(calculus, 5);
    await user.upload(input, new File([file], 'derivatives.stepwise.json', { type: 'application/json' }));
    await waitFor(() => expect(rowNames()).toEqual(['Derivatives', 'Week 3', 'Derivatives']));
    expect(screen.getByText('Imported “Derivatives” (1 problem).')).toBeTruthy();
  });
});

describe('LibraryPage: one set', () => {
  it('shows the problems in order with source, steps and answer typeset', async () => {
    await setup('w3');
    expect(screen.getByRole('heading', { name: 'Week 3' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Back to library' }).getAttribute('href')).toBe('#/library');
    const items = within(screen.getByRole('list', { name: 'Problems in this set' })).getAllByRole('listitem', { name: /^Problem \d/ });
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Problem 1: Solve 2x + 3 = 11', 'Problem 2: Factor x^2 - 5x + 6']);
    expect(items[0]!.textContent).toContain('Model: gpt-4o · 2 steps');
    expect(items[1]!.textContent).toContain('Built-in solver · 3 steps');
    await waitFor(() => expect(items[0]!.querySelector('.library-item__answer .katex annotation')?.textContent).toBe('x = 2'));
    await waitFor(() => expect(items[0]!.querySelector('.library-item__problem .katex')).not.toBeNull());
  });

  it('opens a problem in the tutor as a new history entry, and edits go to the editor', async () => {
    const { user } = await setup('w3');
    await user.click(screen.getByRole('button', { name: 'Edit problem 2' }));
    expect(useRouteStore.getState().route).toEqual({ name: 'edit', setId: 'w3', itemId: 'i2' });
    await user.click(screen.getByRole('button', { name: 'Open problem 2 in the tutor' }));
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    const run = useRunStore.getState();
    expect(run.problem).toBe('Factor x^2 - 5x + 6');
    expect(run.source).toBe('builtin');
    expect(run.solution).toEqual(week3.items[1]!.solution);
    expect(run.entryId).not.toBeNull();
    // No policy chosen for the set: the student's own setting applies.
    expect(run.policy).toBeNull();
  });

  it('a reveal policy chosen on the set page is saved and given to the problems opened from it', async () => {
    const { user } = await setup('w3');
    const control = screen.getByRole('combobox', { name: 'Reveal policy' }) as HTMLSelectElement;
    expect(within(control).getAllByRole('option').map((o) => o.textContent)).toEqual([
      "Student's choice",
      'Free reveal',
      'Try each step first',
      'Hints only, answer at the end',
    ]);
    expect(control.selectedOptions[0]!.textContent).toBe("Student's choice");
    await user.selectOptions(control, 'Hints only, answer at the end');
    await waitFor(async () => expect(((await backend.getAll()) as LibrarySet[]).find((r) => r.id === 'w3')?.policy).toBe('hints-only'));
    expect(control.selectedOptions[0]!.textContent).toBe('Hints only, answer at the end');

    await user.click(screen.getByRole('button', { name: 'Open problem 1 in the tutor' }));
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    expect(useRunStore.getState()).toMatchObject({ problem: 'Solve $2x + 3 = 11$', policy: 'hints-only' });
    expect(useHistoryStore.getState().entries[0]).toMatchObject({ problem: 'Solve $2x + 3 = 11$', policy: 'hints-only' });
  });

  it('back to the student\'s choice: the set has no policy, and what opens from it follows the student', async () => {
    const { user } = await setup('w3', [toStored({ ...week3, policy: 'free' }, 0)]);
    const control = screen.getByRole('combobox', { name: 'Reveal policy' }) as HTMLSelectElement;
    expect(control.selectedOptions[0]!.textContent).toBe('Free reveal');
    await user.selectOptions(control, "Student's choice");
    await waitFor(async () => expect(((await backend.getAll()) as LibrarySet[])[0]).not.toHaveProperty('policy'));
    await user.click(screen.getByRole('button', { name: 'Open problem 1 in the tutor' }));
    await waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'tutor' }));
    expect(useRunStore.getState().policy).toBeNull();
    expect(useHistoryStore.getState().entries[0]).not.toHaveProperty('policy');
  });

  it('removes a problem with undo, and goes to the handout page', async () => {
    const { user } = await setup('w3');
    await user.click(screen.getByRole('button', { name: 'Remove problem 1 from the set' }));
    const list = screen.getByRole('list', { name: 'Problems in this set' });
    expect(within(list).getAllByRole('listitem', { name: /^Problem \d/ }).length).toBe(1);
    expect(screen.getByText('Removed “Solve 2x + 3 = 11” from this set.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(list).getAllByRole('listitem', { name: /^Problem \d/ }).map((i) => i.getAttribute('aria-label'))[0]).toBe('Problem 1: Solve 2x + 3 = 11');
    await user.click(screen.getByRole('button', { name: 'Make handout' }));
    expect(useRouteStore.getState().route).toEqual({ name: 'handout', setId: 'w3' });
  });

  it('says when the set no longer exists, with a way back', async () => {
    await setup('gone');
    expect(screen.getByRole('alert').textContent).toContain('This set no longer exists');
    expect(screen.getAllByRole('link', { name: /Back to library/ }).length).toBeGreaterThan(0);
  });
});
