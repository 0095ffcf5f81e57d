/**
 * Batch generation into a library set: a model through the fake server (a limit of 2 requests at once, one
 * problem failing, stop part-way and resume, leaving the page meanwhile, "Retry failed"), and the built-in
 * solver offline on a phone-sized dark screen. Real Chromium, the built app.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { openPage, seedLibrarySet, startApp, storedLibrarySets, useModelServer, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 100 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** Creates a set in storage and opens its library page, where the batch panel is. */
async function openSet(page: Page, id: string, name: string) {
  await page.evaluate(seedLibrarySet, { id, name });
  await page.evaluate((hash) => (location.hash = hash), `#/library/${id}`);
  const panel = page.getByRole('region', { name: 'Generate solutions' });
  await panel.waitFor();
  return panel;
}

const itemsOf = async (page: Page, id: string) => (await page.evaluate(storedLibrarySets)).find((s) => s.id === id)?.items ?? [];

describe('batch generation', () => {
  it('generates five problems with a model, two at a time, through a failure, a stop and a resume', async () => {
    const { page, context, errors } = await openPage(app);
    await useModelServer(page, server.url);
    const panel = await openSet(page, 'set-model', 'Week 3');
    expect(await panel.textContent()).toContain('fake-model');

    const problems = ['Solve $2x + 3 = 11$', 'Solve $5x = 20$', 'Factor $x^2 - 9$', 'Expand $(x + 1)^2$', 'Simplify $\\frac{6}{8}$'];
    await panel.getByRole('textbox', { name: 'Problems' }).fill(problems.map((p, i) => `${i + 1}. ${p}`).join('\n'));
    await panel.getByText('Understood as 5 problems (a numbered list)').waitFor();
    const preview = panel.getByRole('list', { name: 'Problems to generate' });
    expect(await preview.getByRole('listitem').count()).toBe(5);
    // Typeset (the math renderer loads on first use).
    await expect.poll(() => preview.locator('.katex').count()).toBe(5);
    await panel.getByRole('combobox', { name: 'Parallel requests' }).selectOption('2');

    // "Solve 5x = 20" fails on the server (500) until the marker is removed.
    server.configure({ chunksPerSecond: 25, problemScenarios: { '5x = 20': 'server-error' } });
    server.resetConcurrency();
    await panel.getByRole('button', { name: 'Generate 5 solutions' }).click();
    const status = panel.getByRole('status');
    const progressbar = panel.getByRole('progressbar', { name: 'Generation progress' });
    await progressbar.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^[1-3] of 5 done/);

    // Stop part-way: running requests end, finished solutions stay saved.
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => status.textContent()).toMatch(/stopped, [1-3] not done/);
    const doneAtStop = Number(/^(\d)/.exec((await status.textContent()) ?? '')?.[1]);
    await expect.poll(() => server.concurrency().active).toBe(0);
    const requestsAtStop = server.requests.length;
    expect(await panel.getByText('Stopped — runs on Resume').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await itemsOf(page, 'set-model')).length).toBe(doneAtStop);
    await page.waitForTimeout(400);
    expect(server.requests.length).toBe(requestsAtStop);
    expect(await status.textContent()).toMatch(new RegExp(`^${doneAtStop} of 5 done`));
    const failedRow = panel.getByRole('list', { name: 'Batch problems' }).getByRole('listitem').filter({ hasText: '5x = 20' });
    await expect.poll(() => failedRow.textContent()).toMatch(/Failed.*had an internal error \(500\)/);

    // Resume, and leave the page while it runs: the batch carries on.
    await panel.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).waitFor();
    await page.waitForTimeout(1000);
    await page.evaluate(() => (location.hash = '#/library/set-model'));
    await panel.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('4 of 5 done · 1 failed · finished');
    expect(await progressbar.getAttribute('value')).toBe('5');
    expect(await failedRow.textContent()).toContain('Try again in a moment');

    // The failure removed, "Retry failed" generates just that one.
    server.configure({ problemScenarios: {} });
    await panel.getByRole('button', { name: 'Retry failed' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('5 of 5 done · finished');
    expect(await failedRow.textContent()).toContain('Saved');

    expect(server.concurrency().max).toBe(2);
    const items = await itemsOf(page, 'set-model');
    expect(items.map((i) => i.problem)).toEqual(problems);
    for (const item of items) {
      expect(item).toMatchObject({ source: 'model', model: 'fake-model' });
      expect(item.solution.steps).toHaveLength(2);
      expect(item.solution.answer?.text).toBe('x = 4');
    }
    // After a reload the set still has all five (saved, not just in memory).
    await page.reload();
    expect((await itemsOf(page, 'set-model')).length).toBe(5);
    server.configure({ chunksPerSecond: 100 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('generates offline with the built-in solver on a phone-sized dark screen, reporting what it cannot do', async () => {
    const { page, context, errors } = await openPage(app, { width: 390, height: 800, colorScheme: 'dark' });
    const panel = await openSet(page, 'set-offline', 'Offline');
    await panel.getByText('No model is configured, so the built-in solver will be used.').waitFor();
    expect(await panel.textContent()).toContain('handles only algebra and calculus');

    await panel.getByRole('textbox', { name: 'Problems' }).fill('- Solve 2x + 3 = 7\n- Factor x^2 - 9\n- Write a poem about integrals');
    await panel.getByText('Understood as 3 problems (one per line)').waitFor();
    await panel.getByRole('button', { name: 'Generate 3 solutions' }).click();
    const status = panel.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('2 of 3 done · 1 failed · finished');
    const rows = panel.getByRole('list', { name: 'Batch problems' }).getByRole('listitem');
    expect(await rows.nth(2).textContent()).toMatch(/Failed.*can't do this one.*only algebra and calculus/);

    const items = await itemsOf(page, 'set-offline');
    expect(items.map((i) => [i.problem, i.source, i.model])).toEqual([
      ['Solve 2x + 3 = 7', 'solver', ''],
      ['Factor x^2 - 9', 'solver', ''],
    ]);
    expect(items[0]?.solution.answer?.text).toMatch(/x\s*=\s*2/);
    // Fits the phone screen: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
