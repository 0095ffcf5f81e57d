/** Paste mode, history across reloads (IndexedDB), a stream cut off by closing the tab, and phone width. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, scenarioURL, startApp, useModelServer, type AppUnderTest, storedEntries } from './harness.ts';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

const PASTED = `Sure! Let's solve it step by step.

**Step 1: Expand the left side**

\\[ 3(x - 2) = 3x - 6 \\]

**Step 2: Collect terms**

Adding \\(6\\) to both sides gives \\(3x = 18\\).

**Step 3: Divide**

\\[ x = \\frac{18}{3} = 6 \\]

**Final answer:** \\( \\boxed{x = 6} \\)`;

describe('paste mode', () => {
  it('shows a pasted answer step by step and saves it, with no model', async () => {
    const { page, context, errors } = await openPage(app, { tryFirst: false });
    const before = server.requests.length;
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).fill('Solve $3(x-2) = 12$');
    await page.getByRole('textbox', { name: "Model's answer" }).fill(PASTED);
    await page.getByRole('button', { name: 'Show steps' }).click();
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.waitFor();
    expect(await solution.getByText('Pasted answer', { exact: true }).count()).toBeGreaterThan(0);
    const next = solution.getByRole('button', { name: 'Next step' });
    for (let k = 1; k <= 3; k++) await next.click();
    expect(await solution.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Expand the left side'),
      expect.stringContaining('Collect terms'),
      expect.stringContaining('Divide'),
    ]);
    await next.click();
    const answer = solution.getByRole('region', { name: 'Final answer' });
    expect(await answer.locator('annotation').textContent()).toBe('x = 6');
    expect(await solution.locator('.math-error').count()).toBe(0);
    const history = page.getByRole('navigation', { name: 'History' });
    expect(await history.getByRole('button', { name: /^Solve 3\(x-2\) = 12 · .*pasted$/ }).count()).toBe(1);
    expect(server.requests.length).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('history', () => {
  it('survives a reload, with each solution\'s reveal state', async () => {
    const { page, context } = await openPage(app, { tryFirst: false });
    // Built-in solver (offline).
    await ask(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Next step' }).click();
    await solution.getByRole('list', { name: 'Steps' }).waitFor();
    await expect.poll(async () => (await page.evaluate(storedEntries)).find((e) => e.problem === '2x + 3 = 11')?.reveal.shown, { timeout: 5_000 }).toBe(1);
    // A model's answer.
    await useModelServer(page, server.url);
    await ask(page, 'Solve $5x - 1 = 9$');
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    // Reveal state is saved within 400 ms; reload once it is stored, not after a guessed delay.
    const reveal = async (problem: string) => (await page.evaluate(storedEntries)).find((e) => e.problem === problem)?.reveal;
    await expect.poll(async () => (await reveal('Solve $5x - 1 = 9$'))?.all, { timeout: 5_000 }).toBe(true);
    await expect.poll(async () => (await reveal('2x + 3 = 11'))?.shown, { timeout: 5_000 }).toBe(1);

    await page.reload();
    const history = page.getByRole('navigation', { name: 'History' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
    const items = history.getByRole('listitem');
    expect(await items.nth(0).getByRole('button', { name: /^Solve 5x - 1 = 9 · / }).count()).toBe(1);
    expect(await items.nth(1).getByRole('button', { name: /^2x \+ 3 = 11 · .*built-in/ }).count()).toBe(1);
    await history.getByRole('button', { name: /^2x \+ 3 = 11/ }).click();
    expect(await solution.getByRole('listitem').count()).toBe(1);
    expect(await solution.getByText(/^Step 1 of \d+$/).count()).toBe(1);
    await history.getByRole('button', { name: /^Solve 5x - 1 = 9/ }).click();
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();

    // Deleting is permanent across reloads.
    await history.getByRole('button', { name: /^Delete “2x \+ 3 = 11”/ }).click();
    // Reload once the deletion is stored (a reload can abort an IndexedDB write still in flight).
    await expect.poll(async () => (await page.evaluate(storedEntries)).length, { timeout: 5_000 }).toBe(1);
    await page.reload();
    await expect.poll(() => history.getByRole('listitem').count()).toBe(1);
    await context.close();
  });

  it('keeps a stream cut off by closing the tab, with the steps that had arrived', async () => {
    server.configure({ chunksPerSecond: 12 });
    const { page, context } = await openPage(app);
    await useModelServer(page, scenarioURL(server.url, 'ok'));
    await ask(page, 'Solve $2x + 3 = 11$');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getByText(/writing step 2/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Partial answers are saved every 500 ms: close the tab once the steps so far are stored.
    const stored = async () => (await page.evaluate(storedEntries)).find((e) => e.problem === 'Solve $2x + 3 = 11$')?.answer ?? '';
    await expect.poll(async () => (await stored()).includes('Step 2'), { timeout: 5_000 }).toBe(true);
    await page.close();

    const again = await context.newPage();
    await again.goto(app.url);
    const history = again.getByRole('navigation', { name: 'History' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(1);
    expect(await history.getByRole('button', { name: /^Solve 2x \+ 3 = 11 · .*cut off$/ }).count()).toBe(1);
    await history.getByRole('button', { name: /^Solve 2x \+ 3 = 11/ }).click();
    const reopened = again.getByRole('region', { name: 'Solution' });
    expect(await reopened.getByRole('alert').textContent()).toMatch(/cut off.*Everything received before that is kept/);
    await reopened.getByRole('button', { name: 'Reveal all' }).click();
    expect(await reopened.getByRole('listitem').first().textContent()).toContain('Move the constant term');
    server.configure({ chunksPerSecond: 100 });
    await context.close();
  });
});

describe('layout', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`fits a 390-px phone screen (${colorScheme})`, async () => {
      const { page, context } = await openPage(app, { width: 390, height: 844, colorScheme });
      await page.getByRole('textbox', { name: 'Problem' }).fill('Solve $x^2 + 2x - 15 = 0$');
      await page.getByRole('button', { name: 'Solve', exact: true }).click();
      const solution = page.getByRole('region', { name: 'Solution' });
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await solution.getByRole('region', { name: 'Final answer' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(14, 16, 22)' : 'rgb(245, 246, 250)');
      await context.close();
    });
  }
});
