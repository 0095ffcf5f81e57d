// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibrarySet } from '../../core/library/library.ts';
import { toStored } from '../../core/library/stored-set.ts';
import { ANSWER_FORMAT_EXAMPLE } from '../../core/solution/answer-format.ts';
import { parseSolution } from '../../core/solution/parse-solution.ts';
import type { Solution } from '../../core/solution/solution.ts';
import { createLibraryStorage, memoryLibrary } from '../../services/storage/index.ts';
import { useLayoutStore } from '../../stores/layout-store.ts';
import { resetLibraryForTest } from '../../stores/library-store.ts';
import { resetSettingsForTest } from '../../stores/settings-store.ts';
import { SolutionEditor } from './solution-editor.tsx';

const set: LibrarySet = {
  id: 'set1',
  name: 'Week 1',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  items: [{ id: 'item1', problem: 'Solve $2x + 3 = 11$', solution: parseSolution(ANSWER_FORMAT_EXAMPLE), answerText: ANSWER_FORMAT_EXAMPLE, source: 'model', model: 'm', addedAt: 1 }],
};

let backend: ReturnType<typeof memoryLibrary>;
const storedSolution = () => (backend.rows.get('set1') as LibrarySet).items[0]!.solution;
const titles = (s: Solution) => s.steps.map((st) => st.title);

beforeEach(() => {
  backend = memoryLibrary([toStored(set, 0)]);
  resetLibraryForTest(createLibraryStorage(backend));
  resetSettingsForTest({ solver: 'builtin' });
  useLayoutStore.setState({ settingsOpen: false });
});
afterEach(cleanup);

async function open() {
  render(<SolutionEditor setId="set1" itemId="item1" />);
  return screen.findByRole('textbox', { name: 'Step 1 title' });
}

describe('SolutionEditor', () => {
  it('shows each step with named fields, a preview and actions, and the final answer', async () => {
    await open();
    expect(document.querySelector('h2')?.textContent).toContain('Edit solution');
    expect((screen.getByRole('textbox', { name: 'Step 2 body' }) as HTMLTextAreaElement).value).toContain('Divide both sides');
    expect((screen.getByRole('textbox', { name: 'Final answer' }) as HTMLInputElement).value).toBe('x = 4');
    for (const name of ['Move step 1 up', 'Move step 2 down', 'Merge step 2 with next']) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    for (const name of ['Move step 1 down', 'Delete step 2', 'Split step 1 at cursor', 'Add step after step 2', 'Regenerate step 1']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false);
    }
    expect(screen.getByRole('link', { name: '← Back to set' }).getAttribute('href')).toBe('#/library/set1');
    // Queried by attribute: getByRole's name computation fails in jsdom inside KaTeX's markup.
    await waitFor(() => expect(document.querySelector('[aria-label="Step 2 preview"] .katex')).not.toBeNull());
  });

  it('does not say "All changes saved" while a later edit still waits for its save', async () => {
    await open();
    // The first save is held until released: the user types meanwhile.
    let release!: () => void;
    const write = backend.write.bind(backend);
    backend.write = (put, remove) => new Promise<void>((resolve) => (release = () => void write(put, remove).then(resolve)));
    fireEvent.click(screen.getByRole('button', { name: 'Move step 1 down' }));
    await waitFor(() => expect(release).toBeDefined());
    backend.write = write;
    fireEvent.change(screen.getByRole('textbox', { name: 'Final answer' }), { target: { value: 'x = 5' } });
    await act(async () => release());
    expect(document.querySelector('.editor__save')?.textContent).not.toMatch(/All changes saved/);
    await waitFor(() => expect(storedSolution().answer?.text).toBe('x = 5'), { timeout: 3000 });
    await waitFor(() => expect(document.querySelector('.editor__save')?.textContent).toMatch(/All changes saved/));
  });

  it('lists a broken formula under the body, never crashing, and clears it once fixed; the edit is saved', async () => {
    await open();
    const body = screen.getByRole('textbox', { name: 'Step 1 body' });
    fireEvent.change(body, { target: { value: 'Subtract: $x$ and $\\fracc{8}{2}$' } });
    const errors = screen.getByRole('list', { name: 'Formula errors in step 1' });
    expect(errors.textContent).toBe('Formula 2: Undefined control sequence: \\fracc');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(body, { target: { value: 'Subtract: $x$ and $\\frac{8}{2}$' } });
    expect(screen.queryByRole('list', { name: 'Formula errors in step 1' })).toBeNull();
    await waitFor(() => expect(storedSolution().steps[0]!.body).toBe('Subtract: $x$ and $\\frac{8}{2}$'));
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('All changes saved');
  });

  it('reorders, deletes, splits and merges steps; Undo and Ctrl+Z take edits back; everything is saved', async () => {
    await open();
    const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
    const value = (name: string) => (screen.getByRole('textbox', { name }) as HTMLInputElement).value;
    click('Move step 2 up');
    expect(value('Step 1 title')).toBe('Divide by the coefficient');
    await waitFor(() => expect(titles(storedSolution())).toEqual(['Divide by the coefficient', 'Move the constant term']));
    click('Undo');
    expect(value('Step 1 title')).toBe('Move the constant term');
    click('Redo');
    expect(value('Step 1 title')).toBe('Divide by the coefficient');
    act(() => void fireEvent.keyDown(window, { key: 'z', ctrlKey: true }));
    expect(value('Step 1 title')).toBe('Move the constant term');

    // Split step 1 where the cursor is (before the display formula), then merge it back.
    const body = screen.getByRole('textbox', { name: 'Step 1 body' }) as HTMLTextAreaElement;
    const at = body.value.indexOf('$$');
    body.setSelectionRange(at, at);
    click('Split step 1 at cursor');
    expect(value('Step 2 title')).toBe('Move the constant term (continued)');
    expect(value('Step 2 body').startsWith('$$')).toBe(true);
    expect(screen.getAllByRole('textbox', { name: /^Step \d title$/ })).toHaveLength(3);
    click('Merge step 1 with next');
    expect(screen.getAllByRole('textbox', { name: /^Step \d title$/ })).toHaveLength(2);

    click('Delete step 1');
    expect(value('Step 1 title')).toBe('Divide by the coefficient');
    click('Add step after step 1');
    expect(value('Step 2 title')).toBe('');
    await waitFor(() => expect(titles(storedSolution())).toEqual(['Divide by the coefficient', '']));
    act(() => void fireEvent.keyDown(window, { key: 'z', ctrlKey: true }));
    act(() => void fireEvent.keyDown(window, { key: 'z', ctrlKey: true }));
    expect(value('Step 1 title')).toBe('Move the constant term');
    act(() => void fireEvent.keyDown(window, { key: 'y', ctrlKey: true }));
    expect(value('Step 1 title')).toBe('Divide by the coefficient');
  });

  it('coalesces typing into one undo entry and edits the final answer', async () => {
    const title = await open();
    for (const text of ['M', 'Mo', 'Mov', 'Move']) fireEvent.change(title, { target: { value: text } });
    // Ctrl+Z in a field outside the editor (Settings) is left to that field.
    const outside = document.body.appendChild(document.createElement('input'));
    act(() => void fireEvent.keyDown(outside, { key: 'z', ctrlKey: true }));
    expect((title as HTMLInputElement).value).toBe('Move');
    outside.remove();
    // In the editor's own field it undoes the whole burst of typing at once.
    act(() => void fireEvent.keyDown(title, { key: 'z', ctrlKey: true }));
    expect((title as HTMLInputElement).value).toBe('Move the constant term');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect((title as HTMLInputElement).value).toBe('Move');
    const answer = screen.getByRole('textbox', { name: 'Final answer' });
    fireEvent.change(answer, { target: { value: 'x = \\frac{8}{2' } });
    expect(screen.getByRole('list', { name: 'Formula errors in the final answer' }).textContent).toMatch(/^Formula 1: /);
    fireEvent.change(answer, { target: { value: 'x = 4.0' } });
    await waitFor(() => expect(storedSolution().answer?.text).toBe('x = 4.0'));
  });

  it('regenerating without a model says so and offers Settings', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate step 2' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('needs a model');
    fireEvent.click(within(alert).getByRole('button', { name: 'Open settings' }));
    expect(useLayoutStore.getState().settingsOpen).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Step 2 title' }) as HTMLInputElement).value).toBe('Divide by the coefficient');
  });

  it('an unknown item or set gets a clear message and a link back', async () => {
    render(<SolutionEditor setId="set1" itemId="nope" />);
    expect((await screen.findByRole('alert')).textContent).toContain('not in “Week 1”');
    expect(screen.getByRole('link', { name: 'Back to set' }).getAttribute('href')).toBe('#/library/set1');
    cleanup();
    render(<SolutionEditor setId="gone" itemId="item1" />);
    expect((await screen.findByRole('alert')).textContent).toContain('This set is not in your library.');
    expect(screen.getByRole('link', { name: 'Back to the library' }).getAttribute('href')).toBe('#/library');
  });
});
