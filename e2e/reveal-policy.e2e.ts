/**
 * A teacher's reveal policy carried by a share link, in the real app with no model: "Hints only, answer at the
 * end" leaves the student to write each step (Next step and Reveal all off, the Your turn box there), while a
 * link made without a policy behaves as links always did (the student's own "Try each step first").
 */
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, openPage, startApp, type AppUnderTest } from './harness.ts';

let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const steps = (page: Page) => page.getByRole('list', { name: 'Steps' }).locator(':scope > li');

/** The JSON a link carries, decoded here in Node (independently of the app's own reader). */
function linkJson(link: string): Record<string, unknown> {
  const m = /#\/share\/1\.(\d+)\.([\w-]+)$/.exec(link);
  if (!m) throw new Error(`not a share link: ${link}`);
  expect(m[2]!.length).toBe(Number(m[1]));
  return JSON.parse(inflateRawSync(Buffer.from(m[2]!, 'base64url')).toString('utf8')) as Record<string, unknown>;
}

/** Solves "2x + 3 = 11" with the built-in solver and makes a share link under `policy` (a label of the control). */
async function makeLink(policy: string): Promise<string> {
  const { page, context, errors } = await openPage(app);
  await ask(page, '2x + 3 = 11');
  const solution = page.getByRole('region', { name: 'Solution' });
  const control = solution.getByRole('combobox', { name: 'Reveal policy' });
  expect(await control.locator('option:checked').textContent()).toBe("Student's choice");
  await control.selectOption({ label: policy });
  await solution.getByRole('button', { name: 'Share link' }).click();
  const field = solution.getByRole('textbox', { name: 'Share link' });
  await field.waitFor();
  const link = await field.inputValue();
  expect(errors).toEqual([]);
  await context.close();
  return link;
}

/** Opens `link` in a fresh browser context (no storage, default settings) on a phone-sized screen. */
async function openLink(link: string) {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  const solution = page.getByRole('region', { name: 'Solution' });
  await solution.waitFor();
  expect(await solution.locator('.problem-text').textContent()).toContain('2x + 3 = 11');
  return { page, context, errors, solution };
}

describe('reveal policy in a share link', () => {
  it('"Hints only, answer at the end": the student writes each step, checked; Next step and Reveal all are off', async () => {
    const link = await makeLink('Hints only, answer at the end');
    expect(linkJson(link)).toMatchObject({ v: 1, r: 'h', p: '2x + 3 = 11' });

    const { page, context, errors, solution } = await openLink(link);
    const next = solution.getByRole('button', { name: 'Next step' });
    await next.waitFor();
    expect(await next.isDisabled()).toBe(true);
    expect(await solution.getByRole('button', { name: 'Reveal all' }).isDisabled()).toBe(true);
    expect(await steps(page).count()).toBe(0);

    const box = page.getByRole('textbox', { name: 'Your next step' });
    await box.waitFor();
    await box.fill('2x = 8');
    await box.press('Enter');
    const verdict = page.getByRole('status', { name: 'Check result' });
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toMatch(/^Correct/);
    await expect.poll(() => steps(page).count()).toBe(1);
    expect(await steps(page).first().textContent()).toContain('Done by you');
    // Still the teacher's rule for the rest of the steps.
    expect(await next.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link made without a policy (as every older link) follows the student\'s own setting: Next step asks first', async () => {
    const link = await makeLink("Student's choice");
    const json = linkJson(link);
    // Exactly the fields links had before policies existed.
    expect(Object.keys(json).sort()).toEqual(['m', 'p', 's', 'v']);

    const { page, context, errors, solution } = await openLink(link);
    const next = solution.getByRole('button', { name: 'Next step' });
    await next.waitFor();
    expect(await next.isDisabled()).toBe(false);
    await next.click();
    await solution.getByText('Try it or get a hint first?').waitFor();
    expect(await steps(page).count()).toBe(0);
    await solution.getByRole('button', { name: 'Show me anyway' }).click();
    await expect.poll(() => steps(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
