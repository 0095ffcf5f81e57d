/**
 * The revealed step or final answer is seen: after each reveal, once the smooth scroll has settled, its box is
 * inside the window and overlaps neither the sticky top bar nor the sticky reveal bar (a step taller than the room
 * between them shows its top). Opening Settings while scrolled shows its heading below the top bar. Desktop
 * 1280 × 800 and phone 390 × 844, a long real answer from the fake server.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, scenarioURL, startApp, useModelServer, type AppUnderTest } from './harness.ts';

// Six steps, one of them far taller than a phone's screen.
const LONG_RECORD = 'arenahard-0032';

let app: AppUnderTest;
let server: FakeServer;

beforeAll(async () => {
  [app, server] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 2000 })]);
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

interface Box {
  top: number;
  bottom: number;
}

/** Waits until the page has stopped scrolling (and the element stopped moving), then returns its box. */
async function settledBox(page: Page, target: Locator): Promise<Box> {
  let last = '';
  let stable = 0;
  for (let i = 0; i < 60 && stable < 4; i++) {
    await page.waitForTimeout(100);
    const now = JSON.stringify([await page.evaluate(() => window.scrollY), await target.boundingBox()]);
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  const box = await target.boundingBox();
  if (!box) throw new Error('the revealed element has no box');
  return { top: box.y, bottom: box.y + box.height };
}

async function boxOf(target: Locator): Promise<Box> {
  const box = await target.boundingBox();
  if (!box) throw new Error('no box');
  return { top: box.y, bottom: box.y + box.height };
}

const overlaps = (a: Box, b: Box) => a.top < b.bottom && b.top < a.bottom;

/** Where `shown` stands against the bars and the window; a list of what is wrong ('' when seen). */
async function visibility(page: Page, shown: Locator): Promise<string[]> {
  const box = await settledBox(page, shown);
  const header = await boxOf(page.getByRole('banner'));
  const bar = await boxOf(page.getByRole('group', { name: 'Reveal steps' }));
  const height = page.viewportSize()?.height ?? 0;
  const problems: string[] = [];
  const room = bar.top - header.bottom;
  // A box taller than the room between the bars can only show its top part; that part must be clear.
  const seen: Box = box.bottom - box.top > room ? { top: box.top, bottom: Math.min(box.bottom, box.top + 40) } : box;
  if (overlaps(seen, header)) problems.push(`under the top bar (${JSON.stringify({ seen, header })})`);
  if (overlaps(seen, bar)) problems.push(`under the reveal bar (${JSON.stringify({ seen, bar })})`);
  if (seen.top < 0 || seen.bottom > height) problems.push(`outside the window (${JSON.stringify({ seen, height })})`);
  return problems;
}

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const) {
  describe(`reveal scroll, ${size.name} ${size.width} × ${size.height}`, () => {
    it('each revealed step and the final answer end up clear of both sticky bars', { timeout: 120_000 }, async () => {
      const { page, context, errors } = await openPage(app, { ...size, tryFirst: false });
      await useModelServer(page, scenarioURL(server.url, 'ok', LONG_RECORD));
      await ask(page, 'Write a Python function for the longest common subsequence and explain it.');
      const solution = page.getByRole('region', { name: 'Solution' });
      await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
      const next = solution.getByRole('button', { name: 'Next step' });
      const steps = solution.getByRole('list', { name: 'Steps' }).locator(':scope > li');
      const found: Record<string, string[]> = {};
      let k = 0;
      let tall = 0;
      while (await next.isEnabled()) {
        // Press it as a keyboard user would, from wherever the page is scrolled.
        await next.click();
        k++;
        const answer = solution.getByRole('region', { name: 'Final answer' });
        const shown = (await answer.count()) > 0 ? answer : steps.nth(k - 1);
        const box = await boxOf(shown);
        if (box.bottom - box.top > size.height / 2) tall++;
        const problems = await visibility(page, shown);
        if (problems.length > 0) found[(await answer.count()) > 0 ? 'final answer' : `step ${k}`] = problems;
      }
      expect(found).toEqual({});
      // The answer came last, and the test did meet a step too tall for the room between the bars.
      expect(await solution.getByRole('region', { name: 'Final answer' }).count()).toBe(1);
      expect(k).toBeGreaterThanOrEqual(6);
      expect(tall).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('Settings opened while scrolled down shows its heading below the top bar', { timeout: 60_000 }, async () => {
      const { page, context } = await openPage(app, size);
      await ask(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const heading = page.getByRole('region', { name: 'Settings' }).getByRole('heading', { name: 'Settings' });
      const box = await settledBox(page, heading);
      const header = await boxOf(page.getByRole('banner'));
      expect(box.top).toBeGreaterThanOrEqual(header.bottom);
      expect(box.bottom).toBeLessThanOrEqual(size.height);
      await context.close();
    });
  });
}
