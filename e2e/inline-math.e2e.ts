/**
 * Math in one-line places — the history list and the problem above a solution: prices stay text with their
 * dollars (no formula, no KaTeX error, the accessible name keeps the `$`), and math typed with Unicode
 * symbols is typeset. No model is configured: the built-in solver answers or declines, either way the problem
 * is shown and listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, openPage, startApp, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const MATH_ERROR = '.katex-error, .math-error';

describe('math in titles and history', () => {
  it('shows a word problem with prices as text, dollars and all', async () => {
    const { page, context, errors } = await openPage(app);
    const problem = 'A shirt costs $20 and a hat costs $15. How much for both?';
    await ask(page, problem);

    const header = page.getByRole('region', { name: 'Solution' }).locator('.problem-text');
    await expect.poll(() => header.textContent(), { timeout: 15_000 }).toBe(problem);
    expect(await header.locator(`.katex, ${MATH_ERROR}`).count()).toBe(0);

    const history = page.getByRole('navigation', { name: 'History' });
    const entry = history.getByRole('button', { name: /^A shirt costs \$20 and a hat costs \$15\. How much for both\?/ });
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.locator('.history__title').textContent()).toBe(problem);
    expect(await history.locator(`.katex, ${MATH_ERROR}`).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('typesets math typed with Unicode symbols in the problem header and the history entry', async () => {
    const { page, context, errors } = await openPage(app);
    await ask(page, 'Solve x² − 5x + 6 = 0');

    const solution = page.getByRole('region', { name: 'Solution' });
    const header = solution.locator('.problem-text');
    await header.locator('.katex').first().waitFor({ timeout: 15_000 });
    // The formula's MathML carries the LaTeX it was typeset from: the typed symbols became LaTeX.
    expect(await header.locator('annotation').textContent()).toBe('x^{2} - 5x + 6 = 0');
    expect(await header.textContent()).toMatch(/^Solve /);

    const history = page.getByRole('navigation', { name: 'History' });
    // The entry is named by the problem as typed, not by the formula's MathML.
    const entry = history.getByRole('button', { name: /^Solve x² − 5x \+ 6 = 0 · / });
    await entry.locator('.history__title .katex').waitFor({ timeout: 15_000 });
    expect(await entry.locator('.history__title annotation').textContent()).toBe('x^{2} - 5x + 6 = 0');

    expect(await page.locator(MATH_ERROR).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
