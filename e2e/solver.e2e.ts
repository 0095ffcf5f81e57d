/**
 * The built-in solver in the real app: with no model configured, problems typed in the problem box are solved
 * offline, step by step, without a single request to any server; and a model's answer that disagrees with
 * the solver says so on the final-answer card, also after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_ANSWER, startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, startApp, useModelServer, type AppUnderTest, storedEntries } from './harness.ts';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 0 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** Every request the page makes that is not for the app's own files. */
function watchRequests(page: Page, appURL: string): string[] {
  const origin = new URL(appURL).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    // The app's own static files are fine; anything else (a model server, a CDN, fetch/XHR at all) is not.
    if (!url.startsWith(origin) || request.method() !== 'GET' || ['fetch', 'xhr', 'eventsource', 'websocket'].includes(request.resourceType())) {
      outside.push(`${request.method()} ${url} (${request.resourceType()})`);
    }
  });
  return outside;
}

/** Reveals every step with "Next step", checking each appears in turn and the final answer comes last. */
async function revealEveryStep(page: Page): Promise<number> {
  const solution = page.getByRole('region', { name: 'Solution' });
  const next = solution.getByRole('button', { name: 'Next step' });
  await next.click();
  const counter = (await solution.getByText(/^Step 1 of \d+$/).textContent()) ?? '';
  const total = Number(/of (\d+)/.exec(counter)?.[1]);
  expect(total).toBeGreaterThanOrEqual(2);
  for (let k = 1; k <= total; k++) {
    if (k > 1) await next.click();
    // Steps themselves may contain lists: count the step cards only.
    expect(await solution.getByRole('list', { name: 'Steps' }).locator(':scope > li').count()).toBe(k);
    expect(await solution.getByText(`Step ${k} of ${total}`).count()).toBe(1);
    expect(await solution.getByRole('region', { name: 'Final answer' }).count()).toBe(0);
  }
  await next.click();
  await solution.getByRole('region', { name: 'Final answer' }).waitFor();
  expect(await next.isDisabled()).toBe(true);
  return total;
}

const finalAnswerTex = (page: Page) =>
  page.getByRole('region', { name: 'Final answer' }).locator('.final-answer__math annotation').textContent();

describe('built-in solver, no model configured', () => {
  it('solves a quadratic and a derivative from the problem box, step by step, with no request to any server', async () => {
    const { page, context, errors } = await openPage(app, { tryFirst: false });
    const outside = watchRequests(page, app.url);
    const solution = page.getByRole('region', { name: 'Solution' });

    await ask(page, 'x^2 - 5x + 6 = 0');
    await revealEveryStep(page);
    expect(await finalAnswerTex(page)).toBe('x = 3,\\quad x = 2');
    // The solver's own answer is not "checked" against itself.
    expect(await solution.locator('.final-answer__check').count()).toBe(0);
    expect(await solution.locator('.math-error').count()).toBe(0);

    await ask(page, 'Find the derivative of x^3 sin x');
    await expect.poll(() => solution.locator('.problem-text').textContent()).toContain('derivative');
    await revealEveryStep(page);
    expect(await finalAnswerTex(page)).toBe('x^{3} \\cos x + 3 x^{2} \\sin x');
    expect(await solution.locator('.math-error').count()).toBe(0);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('declines prose once, labelled "Needs a model" (not "Failed") with the ways forward, also in history', async () => {
    const { page, context } = await openPage(app);
    await ask(page, 'Write a poem about integrals');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/can't do this one/);
    expect((await alert.textContent())?.match(/can't do this one/g)).toHaveLength(1);
    expect(await alert.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'Paste an answer' }).count()).toBe(1);
    const solution = page.getByRole('region', { name: 'Solution' });
    expect(await solution.getByRole('status').filter({ hasText: 'Needs a model' }).count()).toBe(1);
    expect(await solution.getByText('Failed', { exact: true }).count()).toBe(0);
    const history = page.getByRole('navigation', { name: 'History' });
    const item = history.getByRole('button', { name: /^Write a poem about integrals/ });
    await expect.poll(() => item.textContent()).toMatch(/Needs a model$/);
    expect(await history.getByText(/failed/i).count()).toBe(0);
    await context.close();
  });

  it('solves every example offered on the first screen, as it comes (no "Failed" on a first click)', async () => {
    const { page, context, errors } = await openPage(app);
    const examples = page.getByRole('group', { name: 'Examples' }).getByRole('button');
    const labels = await examples.allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    // The word problem needs a model, so it is not offered until one is set up.
    expect(labels).not.toContain('Word problem');
    const solution = page.getByRole('region', { name: 'Solution' });
    for (const label of labels) {
      await page.getByRole('group', { name: 'Examples' }).getByRole('button', { name: label }).click();
      const typed = await page.getByRole('textbox', { name: 'Problem' }).inputValue();
      const before = (await solution.count()) > 0 ? await solution.locator('.problem-text').textContent() : null;
      await page.getByRole('button', { name: 'Solve', exact: true }).click();
      await expect.poll(() => solution.locator('.problem-text').textContent(), { timeout: 10_000 }).not.toBe(before);
      await expect.poll(() => solution.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe('Solved by the built-in solver');
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await solution.getByRole('region', { name: 'Final answer' }).waitFor();
      expect(await solution.locator('.math-error, .katex-error').count(), typed).toBe(0);
    }
    await useModelServer(page, server.url);
    expect(await page.getByRole('group', { name: 'Examples' }).getByRole('button', { name: 'Word problem' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("checking a model's answer", () => {
  it('says what the built-in solver got when the model disagrees, and still does after a reload', async () => {
    const { page, context, errors } = await openPage(app);
    server.configure({ text: DEFAULT_ANSWER.replace('\\boxed{x = 4}', '\\boxed{x = 5}') });
    try {
      await useModelServer(page, server.url);
      await ask(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    } finally {
      server.configure({ text: DEFAULT_ANSWER });
    }
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    const answer = solution.getByRole('region', { name: 'Final answer' });
    const check = answer.locator('.final-answer__check');
    await expect.poll(() => check.textContent(), { timeout: 10_000 }).toMatch(/The built-in solver got .*check this step by step/);
    expect(await finalAnswerTex(page)).toBe('x = 5');
    await expect.poll(() => check.locator('annotation').textContent()).toBe('x = 4');
    expect(await answer.getByText('Checked by the built-in solver').count()).toBe(0);

    // Stored with the solution: shown again after a reload, from history.
    // Reload once the verdict is stored (a reload can abort an IndexedDB write still in flight).
    const stored = async () => (await page.evaluate(storedEntries)).find((e) => e.problem === 'Solve 2x + 3 = 11');
    await expect.poll(async () => (await stored())?.validated, { timeout: 5_000 }).toEqual({ status: 'disagrees', solverAnswer: 'x = 4' });
    await expect.poll(async () => (await stored())?.reveal?.all, { timeout: 5_000 }).toBe(true);
    await page.reload();
    const history = page.getByRole('navigation', { name: 'History' });
    await history.getByRole('button', { name: /^Solve 2x \+ 3 = 11/ }).click();
    // Its reveal state was saved too: the answer is already shown.
    await expect.poll(() => answer.locator('.final-answer__check').textContent({ timeout: 1_000 }), { timeout: 5_000 }).toMatch(/The built-in solver got/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says "Checked by the built-in solver" when the model agrees', async () => {
    const { page, context } = await openPage(app);
    await useModelServer(page, server.url);
    await ask(page, 'Solve 2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    const answer = solution.getByRole('region', { name: 'Final answer' });
    await expect.poll(() => answer.locator('.final-answer__check').textContent(), { timeout: 10_000 }).toContain('Checked by the built-in solver');
    await context.close();
  });
});
