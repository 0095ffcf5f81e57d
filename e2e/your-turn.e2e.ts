/**
 * "Your turn" in the real app: the student writes each next step, the engine checks it, hints come before the
 * reveal; progress is kept with the solution. First with no model (the built-in solver), then on a model's
 * answer replayed by the fake server.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, openPage, storedEntries, useModelServer, scenarioURL } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer();

const box = (page: Page) => page.getByRole('textbox', { name: 'Your next step' });
const verdict = (page: Page) => page.getByRole('status', { name: 'Check result' });
const steps = (page: Page) => page.getByRole('list', { name: 'Steps' }).locator(':scope > li');

async function check(page: Page, line: string): Promise<string> {
  const before = await verdict(page).textContent();
  await box(page).fill(line);
  await box(page).press('Enter');
  await expect.poll(async () => {
    const now = await verdict(page).textContent();
    return now !== before && now !== 'Checking…' ? now : null;
  }, { timeout: 10_000 }).not.toBeNull();
  return (await verdict(page).textContent()) ?? '';
}

describe('Your turn, no model', () => {
  it('checks each line, gives hints before the step, accepts the final answer, and keeps the progress', async () => {
    const { page, context, errors } = await openPage(env.app);
    await ask(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await box(page).waitFor();

    expect(await check(page, '2x = 14')).toMatch(/^Not quite/);
    expect(await steps(page).count()).toBe(0);
    expect(await check(page, '2x = 8')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(1);
    expect(await steps(page).first().textContent()).toContain('Done by you');

    // Three presses of Hint: what to do, the shape of the result, then the step itself.
    const hint = solution.getByRole('button', { name: 'Hint', exact: true });
    await hint.click();
    const hints = solution.getByRole('list', { name: 'Hints' });
    await expect.poll(() => hints.textContent()).toContain('Divide both sides by');
    await hint.click();
    await expect.poll(() => hints.locator('li').count()).toBe(2);
    expect(await hints.locator('li').nth(1).locator('annotation').textContent()).toMatch(/x\s*=\s*\\square/);
    await hint.click();
    await expect.poll(() => steps(page).count()).toBe(2);
    expect(await steps(page).nth(1).textContent()).toContain('Shown after you tried');

    // The final answer, typed as a student would.
    expect(await check(page, 'x = 4')).toMatch(/^Correct/);
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();
    await expect.poll(() => solution.getByRole('region', { name: 'Final answer' }).textContent()).toContain('You did 2 of 3 steps yourself');

    // Saved with the solution: a reload shows the same progress, in the step and in history.
    await expect.poll(async () => (await page.evaluate(storedEntries))[0]?.reveal.shown ?? 0, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    await page.reload();
    const history = page.getByRole('navigation', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain('You did 2 of 3 steps yourself');
    await history.getByRole('button', { name: /^2x \+ 3 = 11/ }).click();
    await expect.poll(() => steps(page).first().textContent()).toContain('Done by you');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('accepts the bare value as the final answer, and the same step written another way', async () => {
    const { page, context } = await openPage(env.app);
    await ask(page, '2x + 3 = 11');
    await box(page).waitFor();
    expect(await check(page, '8 = 2*x')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(1);
    expect(await check(page, '4')).toMatch(/^Correct/);
    await page.getByRole('region', { name: 'Final answer' }).waitFor();
    await context.close();
  });

  it('asks "Try it or get a hint first?" once per step, with "Show me anyway" one press away', async () => {
    const { page, context } = await openPage(env.app);
    await ask(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Next step' }).click();
    await solution.getByText('Try it or get a hint first?').waitFor();
    expect(await steps(page).count()).toBe(0);
    await solution.getByRole('button', { name: 'Show me anyway' }).click();
    await expect.poll(() => steps(page).count()).toBe(1);
    // Turned off in Settings, "Next step" shows the step at once.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Try each step first' }).uncheck();
    await page.getByRole('region', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();
    await solution.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => steps(page).count()).toBe(2);
    expect(await solution.getByText('Try it or get a hint first?').count()).toBe(0);
    await context.close();
  });
});

describe('Your turn on a model answer', () => {
  it("checks the student's lines against the steps of a model's answer", async () => {
    const { page, context, errors } = await openPage(env.app);
    await useModelServer(page, env.server.url);
    await ask(page, 'Solve 2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    expect(await check(page, '2x = 14')).toMatch(/^Not quite/);
    expect(await check(page, '2x = 8')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(1);
    expect(await check(page, 'x = 4')).toMatch(/^Correct/);
    expect(errors).toEqual([]);
    void scenarioURL;
    await context.close();
  });
});
