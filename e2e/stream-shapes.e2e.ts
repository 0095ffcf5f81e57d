/**
 * The app against byte-for-byte replays of what real providers send (e2e/streams/*.sse, issue 12): what the
 * student sees for each stream shape — the steps, the "Model's thinking" panel, or a described error with
 * the text received kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, openPage, useModelServer } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 400 });

const STEP_TITLES = ['Move the constant term', 'Divide by the coefficient'];

/** Solves with the recording `name` as the server's reply and waits until the answer has settled. */
async function solveWith(name: string, model = 'any-model') {
  const opened = await openPage(env.app, { tryFirst: false });
  await useModelServer(opened.page, env.server.url.replace(/\/v1$/, `/replay/${name}/v1`), model);
  await ask(opened.page, 'Solve $2x + 3 = 11$');
  const solution = opened.page.getByRole('region', { name: 'Solution' });
  await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  return { ...opened, solution };
}

async function revealAll(solution: ReturnType<Page['getByRole']>) {
  const all = solution.getByRole('button', { name: 'Reveal all' });
  if ((await all.count()) > 0) await all.click();
  return (await solution.getByRole('list', { name: 'Steps' }).textContent()) ?? '';
}

async function thinkingText(solution: ReturnType<Page['getByRole']>) {
  const details = solution.locator('details', { hasText: "Model's thinking" });
  if ((await details.count()) === 0) return null;
  await details.getByText("Model's thinking").click();
  // The panel renders its text once open (a React update after the toggle event): wait for it.
  await details.locator('.thinking__text').waitFor();
  return details.textContent();
}

describe('stream shapes real servers send', { timeout: 60_000 }, () => {
  it.each([
    ['content-parts-array', 'any-model', 'The student wants x from 2x + 3 = 11.'],
    ['reasoning-details', 'any-model', 'The student wants x. Subtract 3, divide by 2. Summary: x = 4.'],
    ['lone-closing-think-tag', 'Qwen/Qwen3-8B', 'Okay, the student wants x from 2x + 3 = 11.'],
  ])('%s: the answer in steps, the thinking in its panel, no error', async (name, model, thought) => {
    const { context, solution } = await solveWith(name, model);
    expect(await solution.getByRole('alert').count()).toBe(0);
    const steps = await revealAll(solution);
    for (const title of STEP_TITLES) expect(steps).toContain(title);
    expect(await solution.getByRole('listitem').count()).toBe(2);
    expect(steps).not.toMatch(/object Object|think>|Okay, the student|Subtract 3, divide/);
    expect(await solution.getByRole('region', { name: 'Final answer' }).textContent()).toMatch(/x\s*=\s*4/);
    expect(await thinkingText(solution)).toContain(thought);
    await context.close();
  });

  it.each(['done-without-finish-reason', 'crlf-stream', 'sse-comments'])('%s: a complete answer, no error', async (name) => {
    const { context, solution } = await solveWith(name);
    expect(await solution.getByRole('alert').count()).toBe(0);
    const steps = await revealAll(solution);
    for (const title of STEP_TITLES) expect(steps).toContain(title);
    expect(await solution.getByRole('region', { name: 'Final answer' }).textContent()).toMatch(/x\s*=\s*4/);
    await context.close();
  });

  it('done-without-finish-reason: with no [DONE] either, the connection closed before the answer was finished', async () => {
    const { context, solution } = await solveWith('drop-without-done');
    expect(await solution.getByRole('alert').textContent()).toContain('closed before the answer was finished');
    expect(await revealAll(solution)).toContain(STEP_TITLES[0]);
    await context.close();
  });

  it('tool-calls-finish: the model tried to call a tool; another model or setting is suggested', async () => {
    const { context, solution } = await solveWith('tool-calls-finish');
    const alert = (await solution.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('The model tried to call a tool ("calculator")');
    expect(alert).toMatch(/another model/);
    expect(alert).not.toMatch(/token limit/);
    await context.close();
  });

  it('error-event-mid-stream: the server\'s message, and the step received kept', async () => {
    const { context, solution } = await solveWith('error-event-mid-stream');
    const alert = (await solution.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('reported an error in the middle of the answer');
    expect(alert).toContain('Provider disconnected unexpectedly');
    expect(await revealAll(solution)).toContain(STEP_TITLES[0]);
    await context.close();
  });

  it('refusal-delta: the model\'s refusal is shown as it wrote it', async () => {
    const { context, solution } = await solveWith('refusal-delta');
    expect(await solution.getByRole('alert').count()).toBe(0);
    await revealAll(solution);
    expect(await solution.textContent()).toContain("I'm sorry, I can't help with that request.");
    await context.close();
  });
});
