/**
 * Every failure a student can meet (issue 3, point 9): each one is explained with what to do next, and the
 * problem and every step received stay on screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, scenarioURL, startApp, useModelServer, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});
beforeEach(() => {
  server.configure({ scenario: 'ok', chunksPerSecond: 100, failAfterChunks: 30, retryAfterSeconds: 3 });
});

const PROBLEM = 'Solve $2x + 3 = 11$';

async function expectProblemKept(page: Page) {
  const solution = page.getByRole('region', { name: 'Solution' });
  expect(await solution.locator('.problem-text').textContent()).toContain('2x+3=11');
  expect(await page.getByRole('textbox', { name: 'Problem' }).inputValue()).toBe(PROBLEM);
}

async function failWith(baseURL: string, options: { extra?: (page: Page) => Promise<void> } = {}) {
  const opened = await openPage(app);
  await useModelServer(opened.page, baseURL, 'fake-model', options.extra);
  await ask(opened.page, PROBLEM);
  const alert = opened.page.getByRole('region', { name: 'Solution' }).getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  return { ...opened, alert };
}

describe('failures are explained, and nothing is lost', () => {
  it('no endpoint configured', async () => {
    const { page, context } = await openPage(app);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /A model server/ }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    await ask(page, PROBLEM);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('No model server is set up.');
    expect(await alert.textContent()).toContain('built-in solver');
    await alert.getByRole('button', { name: 'Open settings' }).click();
    expect(await page.getByRole('region', { name: 'Settings' }).count()).toBe(1);
    await expectProblemKept(page);
    await context.close();
  });

  it('wrong key (401)', async () => {
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'unauthorized'));
    expect(await alert.textContent()).toMatch(/rejected the API key \(401\)/);
    expect(await alert.textContent()).toMatch(/Check the API key in Settings/);
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await expectProblemKept(page);
    await context.close();
  });

  it('model not found (404)', async () => {
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'model-not-found'));
    expect(await alert.textContent()).toMatch(/has no model "fake-model" \(404\)/);
    expect(await alert.textContent()).toMatch(/Test connection/);
    await expectProblemKept(page);
    await context.close();
  });

  it('rate limited (429), honouring retry-after', async () => {
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'rate-limited'));
    expect(await alert.textContent()).toMatch(/limiting how often you can ask \(429\)/);
    expect(await alert.textContent()).toMatch(/Wait 3 s/);
    const retry = alert.getByRole('button', { name: /Retry/ });
    expect(await retry.textContent()).toMatch(/Retry in [1-3] s/);
    expect(await retry.isDisabled()).toBe(true);
    await expect.poll(() => retry.textContent(), { timeout: 6000 }).toBe('Retry');
    expect(await retry.isEnabled()).toBe(true);
    await expectProblemKept(page);
    await context.close();
  });

  it('server error (5xx)', async () => {
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'server-error'));
    expect(await alert.textContent()).toMatch(/had an internal error \(500\)/);
    expect(await alert.textContent()).toMatch(/Try again/);
    await expectProblemKept(page);
    await context.close();
  });

  it('network or CORS failure, naming the server setting to change', async () => {
    const cors = await failWith(scenarioURL(server.url, 'cors-blocked'));
    expect(await cors.alert.textContent()).toMatch(/Could not reach 127\.0\.0\.1:\d+/);
    expect(await cors.alert.textContent()).toMatch(/CORS setting must allow the origin http:\/\/127\.0\.0\.1:\d+/);
    await expectProblemKept(cors.page);
    await cors.context.close();

    // Ollama's address with nothing answering: the advice names OLLAMA_ORIGINS.
    const ollama = await failWith('http://localhost:11434/v1');
    expect(await ollama.alert.textContent()).toMatch(/Could not reach localhost:11434/);
    expect(await ollama.alert.textContent()).toContain('OLLAMA_ORIGINS');
    await ollama.context.close();
  });

  it('connection dropped mid-stream: the steps received stay', async () => {
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'drop-mid-stream'));
    expect(await alert.textContent()).toMatch(/closed before the answer was finished/);
    expect(await alert.textContent()).toMatch(/steps received so far are kept/);
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    expect(await solution.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await solution.getByRole('listitem').first().textContent()).toContain('Move the constant term');
    await expectProblemKept(page);

    // Retry asks again; the cut-off attempt stays in history.
    server.configure({ failAfterChunks: 1000 });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => solution.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe('Solved');
    await expect.poll(() => page.getByRole('navigation', { name: 'History' }).getByRole('listitem').count()).toBe(2);
    await context.close();
  });

  it('stream stalled: stopped after the silence timeout, steps kept', async () => {
    const setTimeoutTo2s = async (page: Page) => {
      await page.getByText('Advanced').click();
      await page.getByRole('spinbutton', { name: 'Silence timeout (seconds)' }).fill('2');
    };
    const { page, context, alert } = await failWith(scenarioURL(server.url, 'stall'), { extra: setTimeoutTo2s });
    expect(await alert.textContent()).toMatch(/sent nothing for 2 seconds/);
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    expect(await solution.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await expectProblemKept(page);
    await context.close();
  });

  it('stopped by the user: everything received stays', async () => {
    server.configure({ chunksPerSecond: 15 });
    const { page, context } = await openPage(app);
    await useModelServer(page, server.url);
    await ask(page, PROBLEM);
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getByText(/2 steps so far|writing step 2/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await solution.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => solution.getAttribute('aria-busy')).toBe('false');
    const status = solution.locator('.notice');
    expect(await status.textContent()).toMatch(/Stopped\..*steps received so far are kept/);
    expect(await solution.getByRole('status').first().textContent()).toBe('Stopped');
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    expect(await solution.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await expectProblemKept(page);
    await context.close();
  });
});
