// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handoutToLatex } from '../../core/export/handout-latex.ts';
import { handoutToMarkdown } from '../../core/export/handout-markdown.ts';
import { defaultHandoutOptions, layoutHandout, type HandoutOptions } from '../../core/handout/handout.ts';
import type { LibrarySet } from '../../core/library/library.ts';
import { toStored } from '../../core/library/stored-set.ts';
import { sampleItem } from '../../core/library/test-support/sample-item.ts';
import { createLibraryStorage, memoryLibrary } from '../../services/storage/index.ts';
import { useHandoutOptionsStore } from '../../stores/handout-options-store.ts';
import { resetLibraryForTest } from '../../stores/library-store.ts';
import { HandoutPage } from './handout-page.tsx';

const set: LibrarySet = {
  id: 'set-1',
  name: 'Week 3: Equations',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  items: [sampleItem('a', 'Solve $x + 1 = 2$.', 2), sampleItem('b', 'Solve $3x = 9$.', 3), sampleItem('c', 'Factor $x^2 - 1$.', 1)],
};

let downloads: { name: string; text: Promise<string> }[];

beforeEach(() => {
  localStorage.clear();
  useHandoutOptionsStore.setState({ setId: null });
  resetLibraryForTest(createLibraryStorage(memoryLibrary([toStored(set, 0)])));
  downloads = [];
  // jsdom has no object URLs; capture what would be downloaded, and the link's file name.
  let blob: Blob | null = null;
  URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), 'blob:test');
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: blob!.text() });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function open(setId = 'set-1') {
  await act(async () => {
    render(<HandoutPage setId={setId} />);
  });
  return { user: userEvent.setup(), controls: screen.getByRole('region', { name: 'Handout options' }), preview: screen.getByRole('region', { name: 'Preview' }) };
}

const numbers = (preview: HTMLElement) => [...preview.querySelectorAll('.handout__section--problems .handout-problem')].map((p) => p.textContent!.slice(0, 40));

describe('HandoutPage', () => {
  it('lists the set’s problems, all chosen, and the preview follows the choice in the set’s order', async () => {
    const { user, controls, preview } = await open();
    const boxes = within(controls).getAllByRole('checkbox', { name: /^Include problem/ });
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(preview.querySelectorAll('.handout__section--problems .handout-problem')).toHaveLength(3);

    await user.click(within(controls).getByRole('checkbox', { name: 'Include problem 2' }));
    const left = numbers(preview);
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/x ?\+ ?1 ?= ?2/);
    expect(left[1]).toMatch(/x\^?2 ?[-−] ?1/);

    await user.click(within(controls).getByRole('button', { name: 'Select none' }));
    expect(preview.querySelectorAll('.handout-problem')).toHaveLength(0);
    expect((within(controls).getByRole('button', { name: 'Download Markdown' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(controls).getByText('Pick at least one problem to print or download.')).toBeTruthy();
    await user.click(within(controls).getByRole('button', { name: 'Select all' }));
    expect(numbers(preview)).toHaveLength(3);
  });

  it('options change the preview: title, mode, faded steps, key, columns, font size, paper', async () => {
    const { user, controls, preview } = await open();
    const title = within(controls).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Quiz 7');
    expect(within(preview).getByRole('heading', { level: 1, name: 'Quiz 7' })).toBeTruthy();
    // Problems mode (the default): 8 work lines each, no steps.
    expect(preview.querySelectorAll('.handout__section--problems .handout-line')).toHaveLength(24);
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Mode' }), 'worked');
    expect(preview.querySelectorAll('.handout-step')).toHaveLength(6);
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Mode' }), 'faded');
    const shown = within(controls).getByRole('spinbutton', { name: 'Steps shown' });
    await user.clear(shown);
    await user.type(shown, '2');
    expect(preview.querySelectorAll('.handout-step')).toHaveLength(5);
    expect(preview.querySelectorAll('.handout-lines')).toHaveLength(1);
    expect(within(preview).getByRole('region', { name: 'Answer key' }).classList.contains('handout__section--break')).toBe(true);
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Answer key' }), 'none');
    expect(within(preview).queryByRole('region', { name: 'Answer key' })).toBeNull();
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Columns' }), '2');
    expect(preview.querySelector('.handout__section--cols-2')).not.toBeNull();
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Font size' }), '14');
    expect(preview.querySelector<HTMLElement>('.handout')!.style.getPropertyValue('--handout-font-size')).toBe('14pt');
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Paper' }), 'letter');
    expect(preview.querySelector('style')!.textContent).toContain('size: letter;');
    await user.click(within(controls).getByRole('checkbox', { name: 'Name and date line' }));
    expect(preview.textContent).not.toContain('Name:');
  });

  it('downloads Markdown and LaTeX: the exporters’ text for the chosen problems and options', async () => {
    const { user, controls } = await open();
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Mode' }), 'worked');
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Paper' }), 'letter');
    await user.click(within(controls).getByRole('checkbox', { name: 'Include problem 1' }));
    const options: HandoutOptions = { ...defaultHandoutOptions(), mode: 'worked' };
    const doc = layoutHandout(set.items.slice(1).map((i) => ({ id: i.id, problem: i.problem, solution: i.solution })), options);

    await user.click(within(controls).getByRole('button', { name: 'Download Markdown' }));
    await user.click(within(controls).getByRole('button', { name: 'Download LaTeX' }));
    expect(downloads.map((d) => d.name)).toEqual(['week-3-equations-handout.md', 'week-3-equations-handout.tex']);
    expect(await downloads[0]!.text).toBe(handoutToMarkdown(doc));
    expect(await downloads[1]!.text).toBe(handoutToLatex(doc, { paper: 'letter' }));
    expect(await downloads[1]!.text).toContain('\\documentclass[11pt,letterpaper]{exam}');
  });

  it('prints through the browser', async () => {
    const print = vi.fn();
    window.print = print;
    const { user, controls } = await open();
    await user.click(within(controls).getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('remembers the options per set, and reports damaged saved options', async () => {
    const { user, controls } = await open();
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Mode' }), 'key');
    cleanup();
    useHandoutOptionsStore.setState({ setId: null });
    const again = await open();
    expect((within(again.controls).getByRole('combobox', { name: 'Mode' }) as HTMLSelectElement).value).toBe('key');

    cleanup();
    localStorage.setItem('stepwise.handout.set-1', '{"options": {"mode": "poster"}, "paper": "a4"}');
    useHandoutOptionsStore.setState({ setId: null });
    const damaged = await open();
    expect((within(damaged.controls).getByRole('combobox', { name: 'Mode' }) as HTMLSelectElement).value).toBe('problems');
    expect(within(damaged.controls).getByRole('status').textContent).toMatch(/could not be read and were reset \(title, .*mode/);
  });

  it('an unknown set gets a clear message and a way back', async () => {
    await act(async () => {
      render(<HandoutPage setId="gone" />);
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This set does not exist');
    expect(within(alert).getByRole('link', { name: 'Library' }).getAttribute('href')).toBe('#/library');
  });
});
