/**
 * A very long answer: "Reveal all" builds only the steps near the screen, and scrolling anywhere shows real,
 * typeset steps (never an empty stand-in) — down to the final answer; "Hide all" clears it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longAnswer } from '../bench/reveal.bench.ts';
import { openPage } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer();

/** Pastes `answer` as a paste would land (Playwright's typing of 100 kB takes half a minute). */
async function pasteAnswer(page: Page, answer: string): Promise<void> {
  await page.getByRole('tab', { name: 'Paste an answer' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('textbox', { name: 'Problem' }).fill('A long one');
  await panel.getByRole('textbox', { name: "Model's answer" }).evaluate((el, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, answer);
  await panel.getByRole('button', { name: 'Show steps' }).click();
}

/** Step cards and stand-ins that overlap the viewport now. */
const onScreen = (page: Page) =>
  page.evaluate(() => {
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    };
    const cards = [...document.querySelectorAll('ol.steps > li.step')].filter(inView);
    return {
      cards: cards.length,
      typeset: cards.filter((c) => c.querySelector('.katex')).length,
      spacers: [...document.querySelectorAll('ol.steps > li.steps__spacer')].filter(inView).length,
    };
  });

describe('a 600-step answer', () => {
  it('reveals all at once, builds steps as they come into view, and hides them all', async () => {
    const { page, context, errors } = await openPage(env.app);
    await pasteAnswer(page, longAnswer(600, 1));
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();
    expect(await page.locator('ol.steps > li.step').count()).toBeLessThan(100);

    for (const fraction of [0.25, 0.5, 0.8, 1]) {
      await page.evaluate((f) => window.scrollTo(0, document.documentElement.scrollHeight * f - window.innerHeight), fraction);
      await expect.poll(() => onScreen(page), { timeout: 10_000 }).toMatchObject({ spacers: 0 });
      const seen = await onScreen(page);
      expect(seen.cards).toBeGreaterThan(0);
      expect(seen.typeset).toBe(seen.cards);
    }
    // The last steps and the answer are reachable and real.
    await solution.getByText('Step 600', { exact: true }).waitFor();
    expect(await solution.getByRole('region', { name: 'Final answer' }).locator('.katex').count()).toBeGreaterThan(0);

    await solution.getByRole('button', { name: 'Hide all' }).click();
    await expect.poll(() => page.locator('ol.steps > li').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
