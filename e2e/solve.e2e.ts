/**
 * Asking a model: stream → reveal one by one → final answer, by mouse and keyboard; the model's thinking;
 * "Test connection". Real Chromium, the built app, the fake OpenAI-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REASONING, startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, scenarioURL, startApp, useModelServer, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 100 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

describe('ask → stream → reveal', () => {
  it('streams a real answer, then reveals it one step at a time, the final answer last', async () => {
    const { page, context, errors } = await openPage(app, { tryFirst: false });
    server.configure({ chunksPerSecond: 60 });
    await useModelServer(page, scenarioURL(server.url, 'ok', 'qwen25math-0004'));
    await ask(page, 'Compute $\\frac{1}{31} \\div \\frac{1}{93}$.');

    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => solution.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/writing step \d…|thinking…/);
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    server.configure({ chunksPerSecond: 100 });

    // The problem is shown, typeset; no step before the student asks for one.
    expect(await solution.locator('.problem-text .katex').count()).toBeGreaterThan(0);
    expect(await solution.getByRole('listitem').count()).toBe(0);
    const next = solution.getByRole('button', { name: 'Next step' });
    for (let k = 1; k <= 4; k++) {
      await next.click();
      expect(await solution.getByRole('listitem').count()).toBe(k);
      expect(await solution.getByText(`Step ${k} of 4`).count()).toBe(1);
      expect(await solution.getByRole('region', { name: 'Final answer' }).count()).toBe(0);
    }
    await next.click();
    const answer = solution.getByRole('region', { name: 'Final answer' });
    await answer.waitFor();
    expect(await answer.locator('annotation').textContent()).toBe('3');
    expect(await next.isDisabled()).toBe(true);
    // Highlighted: it stands apart from the steps.
    const background = await answer.evaluate((el) => getComputedStyle(el).backgroundColor);
    const stepBackground = await solution.getByRole('listitem').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe(stepBackground);
    // No KaTeX error and no raw LaTeX on screen.
    expect(await solution.locator('.math-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reveals with → and Space; a revealed step folds and unfolds', async () => {
    const { page, context } = await openPage(app, { tryFirst: false });
    await useModelServer(page, server.url);
    await ask(page, 'Solve 2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    expect(await solution.getByText('Step 1 of 2').count()).toBe(1);
    await page.keyboard.press('Space');
    expect(await solution.getByText('Step 2 of 2').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();

    const toggle = solution.getByRole('button', { name: /Step 1\s*Move the constant term/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await solution.getByText('Subtract', { exact: false }).count()).toBe(0);
    await toggle.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // Typing in the problem box never reveals anything.
    await solution.getByRole('button', { name: 'Hide all' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).press('ArrowRight');
    await page.getByRole('textbox', { name: 'Problem' }).press('Space');
    expect(await solution.getByRole('listitem').count()).toBe(0);
    await context.close();
  });

  it('shows thinking in a collapsed "Model\'s thinking" panel, from reasoning fields and <think> tags', async () => {
    for (const scenario of ['reasoning', 'think-tags']) {
      const { page, context } = await openPage(app);
      await useModelServer(page, scenarioURL(server.url, scenario));
      await ask(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
      const details = solution.locator('details', { hasText: "Model's thinking" });
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await details.getByText("Model's thinking").click();
      await expect.poll(() => details.textContent()).toContain(DEFAULT_REASONING.slice(0, 40));
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      const steps = solution.getByRole('list', { name: 'Steps' });
      expect(await steps.textContent()).not.toContain('The student wants');
      expect(await solution.getByRole('listitem').count()).toBe(2);
      await context.close();
    }
  });

  it('"Reveal all" during streaming shows steps as they arrive', async () => {
    const { page, context } = await openPage(app);
    server.configure({ chunksPerSecond: 40 });
    await useModelServer(page, scenarioURL(server.url, 'ok', 'qwen25math-0004'));
    await ask(page, 'Compute $\\frac{1}{31} \\div \\frac{1}{93}$.');
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    await expect.poll(() => solution.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await solution.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    expect(await solution.getByRole('listitem').count()).toBe(4);
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();
    server.configure({ chunksPerSecond: 100 });
    await context.close();
  });

  it('"Test connection" lists the server\'s models', async () => {
    const { page, context } = await openPage(app);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('textbox', { name: 'Base URL' }).fill(server.url);
    await settings.getByRole('button', { name: 'Test connection' }).click();
    const models = settings.getByRole('list', { name: 'Models on the server' });
    await models.waitFor();
    expect(await models.getByRole('button').allTextContents()).toContain('fake-model');
    await models.getByRole('button', { name: 'fake-model', exact: true }).click();
    expect(await settings.getByRole('textbox', { name: 'Model' }).inputValue()).toBe('fake-model');
    await context.close();
  });
});
