/**
 * Sharing a solution by link in the real app: the link opened in a fresh browser (no storage, no history)
 * shows the same steps, with nothing sent to any server; an oversized solution and a damaged link are
 * explained.
 */
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

/** Every request the page makes other than GETs of the app's own files. */
function watchRequests(page: Page): string[] {
  const origin = new URL(app.url).origin;
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) || r.method() !== 'GET' || ['fetch', 'xhr', 'websocket', 'eventsource'].includes(r.resourceType())) {
      outside.push(`${r.method()} ${r.url()}`);
    }
  });
  return outside;
}

/** `n` characters that barely compress. */
function noise(n: number): string {
  let seed = 7;
  return Array.from({ length: n }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return 'abcdefghijklmnopqrstuvwxyz0123456789'[(seed >>> 16) % 36];
  }).join('');
}

describe('share by link', () => {
  it('opens a shared solution in a fresh browser with every step and the final answer', async () => {
    const { page, context, errors } = await openPage(app);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await ask(page, '2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    const steps = await solution.getByRole('list', { name: 'Steps' }).locator(':scope > li .step__title').allTextContents();
    expect(steps.length).toBeGreaterThanOrEqual(2);

    await solution.getByRole('button', { name: 'Share link' }).click();
    const field = solution.getByRole('textbox', { name: 'Share link' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link.startsWith(`${app.url.replace(/\/$/, '')}/#/share/1.`)).toBe(true);
    expect(link.length).toBeLessThan(8000);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await solution.getByText(/^Copied\. The solution is inside the link itself/).count()).toBe(1);
    await context.close();

    // A new browser context: nothing stored, no history; the link alone carries the solution.
    const fresh = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const other = await fresh.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (e) => otherErrors.push(e.message));
    const outside = watchRequests(other);
    await other.goto(link);
    const shown = other.getByRole('region', { name: 'Solution' });
    await shown.waitFor();
    expect(await shown.locator('.problem-text').textContent()).toContain('2x + 3 = 11');
    await shown.getByRole('button', { name: 'Reveal all' }).click();
    expect(await shown.getByRole('list', { name: 'Steps' }).locator(':scope > li .step__title').allTextContents()).toEqual(steps);
    expect(await shown.getByRole('region', { name: 'Final answer' }).locator('annotation').textContent()).toBe('x = 4');
    // The address no longer holds the link (Back won't open it twice); the solution is in this browser's history.
    expect(other.url()).toMatch(/#\/$/);
    await other.getByRole('navigation', { name: 'History' }).getByRole('button', { name: /^2x \+ 3 = 11/ }).waitFor();
    expect(outside).toEqual([]);
    expect(otherErrors).toEqual([]);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('says an oversized solution is too long to share, and explains a damaged link', async () => {
    const { page, context, errors } = await openPage(app);
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).fill('Summarise this data');
    const answer = ['## Step 1: Data', noise(9000), '## Step 2: More data', noise(9000), '**Final answer:** $x = 1$'].join('\n\n');
    await page.getByRole('textbox', { name: "Model's answer" }).fill(answer);
    await page.getByRole('button', { name: 'Show steps' }).click();
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Share link' }).click();
    const alert = solution.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^This solution is too long to share as a link \([\d,]+ characters; the limit is 8,000\)\.Save it to a set and export the set file instead\.$/,
    );
    expect(await solution.getByRole('textbox', { name: 'Share link' }).count()).toBe(0);

    // A link cut short by a chat app.
    await page.goto(`${app.url}#/share/1.900.AbCdEf`);
    const cut = page.getByRole('alert');
    await cut.waitFor();
    expect(await cut.textContent()).toContain('This share link is cut short');
    await page.getByRole('link', { name: 'Go to the tutor' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
