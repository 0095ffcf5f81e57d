/**
 * Keyboard only, and what a screen reader is told: focus never falls to <body> (Settings, solving, revealing,
 * the Save form), the skip link comes first, and the live region outside the busy solution says each revealed
 * step's title and text and the final answer. Real Chromium, the built app, the fake server.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, scenarioURL, useModelServer } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 400 });

/** What has focus: its role-ish description, for readable failures. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`.trim();
  });
}

/** The live region that announces reveals; its text, and whether anything around it is busy. */
function announcer(page: Page): Promise<{ text: string; insideBusy: boolean }> {
  return page.evaluate(() => {
    const region = document.querySelector('.reveal-announcer');
    if (!region) return { text: '', insideBusy: false };
    return {
      text: region.textContent ?? '',
      insideBusy: region.closest('[aria-busy="true"]') !== null || region.getAttribute('aria-live') !== 'polite',
    };
  });
}

/** Types the problem and solves it with Ctrl+Enter, as a keyboard user would; returns the solution region. */
async function solveByKeyboard(page: Page, problem: string): Promise<Locator> {
  const box = page.getByRole('textbox', { name: 'Problem' });
  await box.fill(problem);
  await box.press('Control+Enter');
  return page.getByRole('region', { name: 'Solution' });
}

describe('keyboard', () => {
  it('the skip link is the first stop and moves focus to the main content', async () => {
    const { page, context } = await openPage(env.app);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a Skip to main content');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^main#main/);
    // The link moves focus itself: the address (a hash route) is left alone, so a teacher page stays showing.
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.goto(`${env.app.url}#/library`);
    await page.reload();
    await page.getByRole('heading', { name: 'Library' }).first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#/library');
    expect(await focused(page)).toMatch(/^main#main/);
    await context.close();
  });

  it('Escape or Done in Settings returns focus to the Settings button', async () => {
    const { page, context } = await openPage(env.app);
    const button = page.getByRole('button', { name: 'Settings', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.waitFor();
    // The panel takes focus when it opens.
    expect(await settings.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await settings.getByRole('textbox', { name: 'Base URL' }).focus();
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^button .*Settings/);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await settings.getByRole('button', { name: 'Done' }).focus();
    await page.keyboard.press('Enter');
    await settings.waitFor({ state: 'detached' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('Ctrl+Enter moves focus to the solution; → reveals, says each step, and the last reveal focuses the answer', async () => {
    const { page, context, errors } = await openPage(env.app, { tryFirst: false });
    const solution = await solveByKeyboard(page, 'Solve 2x + 3 = 11');
    await solution.getByRole('button', { name: 'Next step' }).waitFor();
    await expect.poll(() => solution.evaluate((el) => el === document.activeElement)).toBe(true);

    const total = Number((await solution.getByText(/^\d+ steps? — try the first one yourself$/).textContent())?.match(/^\d+/)?.[0]);
    expect(total).toBeGreaterThanOrEqual(2);
    for (let k = 1; k <= total; k++) {
      await page.keyboard.press('ArrowRight');
      expect(await solution.getByText(`Step ${k} of ${total}`).count()).toBe(1);
      const step = solution.getByRole('listitem').nth(k - 1);
      const title = (await step.locator('.step__title').textContent()) ?? '';
      const said = await announcer(page);
      expect(said.insideBusy).toBe(false);
      expect(said.text.startsWith(`Step ${k} of ${total}.`)).toBe(true);
      // Its title and text, formulas in words: not just the count.
      if (title.trim() !== '' && !(await step.locator('.step__title .katex').count())) expect(said.text).toContain(title.trim());
      expect(said.text.length).toBeGreaterThan(`Step ${k} of ${total}. ${title}`.length + 5);
      expect(said.text).not.toMatch(/\$|\\[a-z]+/);
      expect(await focused(page)).not.toBe('body');
    }
    expect(await announcer(page).then((a) => a.text)).toMatch(/equals/);
    await page.keyboard.press('ArrowRight');
    const answer = solution.getByRole('region', { name: 'Final answer' });
    await answer.waitFor();
    expect(await answer.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await announcer(page)).text).toBe('Final answer: x equals 4.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pressing the bar’s buttons by keyboard never drops focus to <body>', async () => {
    const { page, context } = await openPage(env.app);
    const solution = await solveByKeyboard(page, 'Solve 2x + 3 = 11');
    const next = solution.getByRole('button', { name: 'Next step' });
    await next.waitFor();
    await next.focus();
    while (await next.isEnabled()) {
      await page.keyboard.press('Enter');
      expect(await focused(page)).not.toBe('body');
    }
    // The last press revealed the answer and disabled the button: focus is on the answer.
    expect(await solution.getByRole('region', { name: 'Final answer' }).evaluate((el) => el === document.activeElement)).toBe(true);

    const hide = solution.getByRole('button', { name: 'Hide all' });
    await hide.focus();
    await page.keyboard.press('Enter');
    expect(await hide.isDisabled()).toBe(true);
    expect(await focused(page)).toMatch(/^button Next step/);
    expect((await announcer(page)).text).toBe('Steps hidden.');
    const all = solution.getByRole('button', { name: 'Reveal all' });
    await all.focus();
    await page.keyboard.press('Enter');
    expect(await all.isDisabled()).toBe(true);
    expect(await focused(page)).toMatch(/^button Hide all/);
    expect((await announcer(page)).text).toMatch(/^All \d+ steps and the final answer shown\.$/);
    await context.close();
  });

  it('the Save to library form takes focus and closes on Escape, focus back on its button', async () => {
    const { page, context } = await openPage(env.app);
    const solution = await solveByKeyboard(page, 'Solve 2x + 3 = 11');
    const save = solution.getByRole('button', { name: 'Save to library' });
    await save.focus();
    await page.keyboard.press('Enter');
    const form = solution.getByRole('form', { name: 'Save to library' });
    await form.waitFor();
    await expect.poll(() => form.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await form.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await save.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('while a model answer streams, the announcement of a revealed step is outside the busy solution', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(env.app, { tryFirst: false });
    await useModelServer(page, scenarioURL(env.server.url, 'ok', 'qwen25math-0004'));
    env.server.configure({ chunksPerSecond: 30 });
    const solution = await solveByKeyboard(page, 'Compute $\\frac{1}{31} \\div \\frac{1}{93}$.');
    await expect.poll(() => solution.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    const next = solution.getByRole('button', { name: 'Next step' });
    await expect.poll(() => next.isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await solution.getAttribute('aria-busy')).toBe('true');
    const said = await announcer(page);
    expect(said.insideBusy).toBe(false);
    expect(said.text).toMatch(/^Step 1 of \d+ so far\. \S/);
    expect(said.text.length).toBeGreaterThan(40);
    env.server.configure({ chunksPerSecond: 400 });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });
});
