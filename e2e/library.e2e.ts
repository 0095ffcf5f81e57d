/**
 * The library in the real app (Chromium, IndexedDB): a solution from the built-in solver saved into a new set,
 * then rename, tag, search, duplicate, delete + Undo, export (the real download) and import back, an invalid
 * file refused with its reason, and a reload that keeps it all. Also copying a step and a formula as LaTeX.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, openPage, startApp, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const setNames = (page: Page) => page.getByRole('list', { name: 'Sets' }).getByRole('heading').allTextContents();

async function solveAndWait(page: Page, problem: string): Promise<void> {
  await ask(page, problem);
  await page.getByRole('region', { name: 'Solution' }).getByRole('button', { name: 'Save to library' }).waitFor();
}

describe('library', () => {
  it('saves a solution to a new set and manages, exports and imports sets, across a reload', async () => {
    const { page, context, errors } = await openPage(app);
    await solveAndWait(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });

    // Save into a new set: with no sets yet, the form asks for a name.
    await solution.getByRole('button', { name: 'Save to library' }).click();
    expect(await solution.getByRole('combobox', { name: 'Set' }).inputValue()).toBe('');
    await solution.getByRole('textbox', { name: 'New set name' }).fill('Week 3');
    await solution.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = solution.getByRole('status').filter({ hasText: 'Saved to' });
    expect(await saved.textContent()).toBe('Saved to Week 3');

    // The confirmation links to the set, which holds the problem with its typeset answer.
    await saved.getByRole('link', { name: 'Week 3' }).click();
    await page.getByRole('heading', { name: 'Week 3', level: 2 }).waitFor();
    const items = page.getByRole('list', { name: 'Problems in this set' }).getByRole('listitem', { name: /^Problem \d/ });
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('aria-label')).toBe('Problem 1: 2x + 3 = 11');
    expect(await items.first().textContent()).toContain('Built-in solver');
    expect(await items.first().locator('.library-item__answer annotation').textContent()).toBe('x = 4');

    // Rename and tag on the set's page.
    await page.getByRole('button', { name: 'Rename “Week 3”' }).click();
    await page.getByRole('textbox', { name: 'Set name' }).fill('Week 3 — equations');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Week 3 — equations', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Edit tags of “Week 3 — equations”' }).click();
    await page.getByRole('textbox', { name: 'Tags' }).fill('Algebra, linear');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    expect(await page.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents()).toEqual(['algebra', 'linear']);

    // A second set from the list page, then search.
    await page.getByRole('link', { name: '← Back to library' }).click();
    await page.getByRole('textbox', { name: 'New set name' }).fill('Derivatives');
    await page.getByRole('button', { name: 'New set', exact: true }).click();
    await page.getByRole('heading', { name: 'Derivatives', level: 2 }).waitFor();
    await page.getByRole('link', { name: '← Back to library' }).click();
    await expect.poll(() => setNames(page)).toEqual(['Derivatives', 'Week 3 — equations']);
    const search = page.getByRole('searchbox', { name: 'Search library' });
    await search.fill('#algebra');
    expect(await setNames(page)).toEqual(['Week 3 — equations']);
    await search.fill('2x+3');
    expect(await setNames(page)).toEqual(['Week 3 — equations']);
    await search.fill('zebra');
    await page.getByText('No set matches “zebra”.').waitFor();
    await search.fill('');

    // Duplicate, delete the copy, undo.
    await page.getByRole('button', { name: 'Duplicate “Week 3 — equations”' }).click();
    await expect.poll(() => setNames(page)).toEqual(['Derivatives', 'Week 3 — equations', 'Week 3 — equations (copy)']);
    await page.getByRole('button', { name: 'Delete “Week 3 — equations (copy)”' }).click();
    await expect.poll(() => setNames(page)).toEqual(['Derivatives', 'Week 3 — equations']);
    await page.getByText('Deleted the set “Week 3 — equations (copy)”.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => setNames(page)).toEqual(['Derivatives', 'Week 3 — equations', 'Week 3 — equations (copy)']);

    // Export: a real download of the set file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export “Week 3 — equations”' }).click()]);
    expect(download.suggestedFilename()).toBe('week-3-equations.stepwise.json');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    const file = JSON.parse(text) as { format: string; version: number; set: { name: string; tags: string[]; items: { problem: string; source: string }[] } };
    expect(file).toMatchObject({ format: 'stepwise-set', version: 1, set: { name: 'Week 3 — equations', tags: ['algebra', 'linear'] } });
    expect(file.set.items.map((i) => [i.problem, i.source])).toEqual([['2x + 3 = 11', 'solver']]);

    // An invalid file is refused with its reason and changes nothing.
    const importInput = page.getByLabel('Import set file');
    await importInput.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"stepwise-set","version":99,"set":{}}') });
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('“future.json” was not imported. The set was exported by a newer version of Stepwise');
    await importInput.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('"steps"', '"stops"')) });
    await expect.poll(() => refused.textContent()).toContain('Solution 1 of 1 is damaged');
    expect(await setNames(page)).toEqual(['Derivatives', 'Week 3 — equations', 'Week 3 — equations (copy)']);

    // The exported file imports back as a new set.
    await importInput.setInputFiles(path);
    await page.getByText('Imported “Week 3 — equations” (1 problem).').waitFor();
    expect(await setNames(page)).toEqual(['Week 3 — equations', 'Derivatives', 'Week 3 — equations', 'Week 3 — equations (copy)']);

    // A reload keeps everything.
    await page.reload();
    await page.getByRole('list', { name: 'Sets' }).waitFor();
    expect(await setNames(page)).toEqual(['Week 3 — equations', 'Derivatives', 'Week 3 — equations', 'Week 3 — equations (copy)']);

    // Open a saved problem in the tutor: its steps, revealed one at a time.
    await page.getByRole('link', { name: 'Derivatives', exact: true }).click();
    await page.getByText('No problems in this set yet.', { exact: false }).waitFor();
    await page.getByRole('link', { name: '← Back to library' }).click();
    await page.getByRole('link', { name: 'Open “Week 3 — equations (copy)”' }).click();
    await page.getByRole('button', { name: 'Open problem 1 in the tutor' }).click();
    const reopened = page.getByRole('region', { name: 'Solution' });
    await reopened.waitFor();
    expect(await reopened.locator('.problem-text').textContent()).toContain('2x + 3 = 11');
    await reopened.getByRole('button', { name: 'Reveal all' }).click();
    expect(await reopened.getByRole('region', { name: 'Final answer' }).locator('annotation').textContent()).toBe('x = 4');
    expect(page.url()).toMatch(/#\/$/);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a phone-width screen in dark mode', async () => {
    const { page, context, errors } = await openPage(app, { width: 390, height: 844, colorScheme: 'dark' });
    await solveAndWait(page, '3x - 5 = 7');
    await page.getByRole('button', { name: 'Save to library' }).click();
    await page.getByRole('textbox', { name: 'New set name' }).fill('Phone set');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('link', { name: 'Phone set' }).click();
    await page.getByRole('heading', { name: 'Phone set', level: 2 }).waitFor();
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: '← Back to library' }).click();
    await page.getByRole('list', { name: 'Sets' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('copy as LaTeX', () => {
  it('copies a step, and a selected formula, as LaTeX', async () => {
    const { page, context, errors } = await openPage(app);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await solveAndWait(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();

    await solution.getByRole('button', { name: 'Copy step 1 as LaTeX' }).click();
    await solution.getByText('Copied', { exact: true }).waitFor();
    const step = await page.evaluate(() => navigator.clipboard.readText());
    expect(step).toMatch(/^\\paragraph\{Step 1/);
    // Text escaped for LaTeX, math kept as math.
    expect(step).toContain('Subtract $3$ from both sides');
    expect(step).toContain('\\[ 2 x = 8 \\]');
    expect(step).not.toContain('katex');

    // Select the first formula in step 2 (the whole of it, as a user's drag would) and copy: the text is its TeX.
    const tex = await page.evaluate(() => {
      const formula = document.querySelectorAll('.step')[1]!.querySelector('.katex')!;
      const range = document.createRange();
      range.selectNode(formula);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand('copy');
      return formula.querySelector('annotation')!.textContent;
    });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`$${tex}$`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
