/**
 * "Your turn" in the real app: the student writes each next step, the engine checks it, hints come before the
 * reveal; progress is kept with the solution. First with no model (the built-in solver), then on a model's
 * answer replayed by the fake server.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, openPage, scenarioURL, storedEntries, useModelServer } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer();

const box = (page: Page) => page.getByRole('textbox', { name: 'Your next step' });
const verdict = (page: Page) => page.getByRole('status', { name: 'Check result' });
const steps = (page: Page) => page.getByRole('list', { name: 'Steps' }).locator(':scope > li');

/** Checks `line` and returns the verdict once it has come (the same words twice in a row: the steps shown change). */
async function check(page: Page, line: string): Promise<string> {
  const before = await verdict(page).textContent();
  const shown = await steps(page).count();
  await box(page).fill(line);
  await box(page).press('Enter');
  await expect.poll(async () => {
    const now = await verdict(page).textContent();
    if (now === 'Checking…') return null;
    return now !== before || (await steps(page).count()) !== shown || (await page.getByRole('region', { name: 'Final answer' }).count()) > 0 ? now : null;
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

describe('Your turn by keyboard', () => {
  it('reaches the box, Check and Hint with Tab, and checks with Enter', async () => {
    const { page, context } = await openPage(env.app);
    await ask(page, '2x + 3 = 11');
    await box(page).waitFor();
    // From the solution (where focus goes after solving), Tab walks to the box.
    const names: string[] = [];
    for (let i = 0; i < 12 && !names.includes('Your next step'); i++) {
      await page.keyboard.press('Tab');
      names.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el?.textContent?.trim() ?? '';
      }));
    }
    expect(names).toContain('Your next step');
    await page.keyboard.type('2x = 8');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hint');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict(page).textContent(), { timeout: 10_000 }).toMatch(/^Correct/);
    await context.close();
  });
});

describe('Your turn on a model answer', () => {
  it("checks the student's lines against the steps of a real model answer (corpus alpacaeval-0061)", async () => {
    const { page, context, errors } = await openPage(env.app);
    await useModelServer(page, scenarioURL(env.server.url, 'ok', 'alpacaeval-0061'));
    await ask(page, 'Solve for x in the equation 3x + 10 = 5(x - 2).');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    // Step 1 expands the right side: a wrong distribution is caught, the right one is the step.
    expect(await check(page, '3x + 10 = 5x - 2')).toMatch(/^Not quite/);
    expect(await check(page, '3x + 10 = 5x - 10')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(1);
    // Step 2 ends at 20 = 2x, written the other way round.
    expect(await check(page, '2x = 20')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(2);
    // The last step's result (this answer has no separate final answer): every step is the student's now.
    expect(await check(page, 'x = 10')).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(3);
    expect(await steps(page).allTextContents()).toEqual([expect.stringContaining('Done by you'), expect.stringContaining('Done by you'), expect.stringContaining('Done by you')]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks the model for the hints of a step (once: they are saved with the solution)', async () => {
    const { page, context, errors } = await openPage(env.app);
    await useModelServer(page, env.server.url);
    await ask(page, 'Solve 2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    const before = env.server.requests.filter((r) => r.method === 'POST').length;
    env.server.configure({ text: 'Hint: Undo the $+3$ first: subtract it from both sides.\nShape: $2x = \\square$' });
    try {
      const hint = solution.getByRole('button', { name: 'Hint', exact: true });
      await hint.click();
      const hints = solution.getByRole('list', { name: 'Hints' });
      await expect.poll(() => hints.textContent(), { timeout: 10_000 }).toContain('subtract it from both sides');
      expect(await hints.textContent()).toContain('(from the model)');
      await hint.click();
      await expect.poll(() => hints.locator('li').nth(1).locator('annotation').textContent()).toMatch(/2x\s*=\s*\\square/);
    } finally {
      env.server.configure({ text: undefined });
    }
    expect(env.server.requests.filter((r) => r.method === 'POST').length).toBe(before + 1);
    const lastBody = env.server.requests.filter((r) => r.method === 'POST').at(-1)?.body as { messages: { content: string }[] };
    expect(lastBody.messages[0]?.content).toMatch(/Never give the step's result/);
    // Saved with the solution, so it is never asked for again.
    const stored = async () => ((await page.evaluate(storedEntries))[0] as unknown as { tutor?: { modelHints: Record<string, { shape: string }> } }).tutor;
    await expect.poll(async () => (await stored())?.modelHints['0']?.shape, { timeout: 5_000 }).toBe('2x = \\square');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with no model, a pasted answer gets its hints from the step itself', async () => {
    const { page, context } = await openPage(env.app);
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('textbox', { name: 'Problem' }).fill('Solve 3(x - 2) = 12');
    await panel.getByRole('textbox', { name: "Model's answer" }).fill(
      '**Step 1: Expand the left side**\n\n\\[ 3x - 6 = 12 \\]\n\n**Step 2: Add 6 to both sides**\n\n\\[ 3x = 18 \\]\n\n**Step 3: Divide by 3**\n\n\\[ x = 6 \\]\n\n**Final answer:** \\(x = 6\\)',
    );
    await panel.getByRole('button', { name: 'Show steps' }).click();
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Hint', exact: true }).click();
    await expect.poll(() => solution.getByRole('list', { name: 'Hints' }).textContent()).toContain('Expand the left side');
    expect(await check(page, '3x - 6 = 12')).toMatch(/^Correct/);
    await context.close();
  });
});
