/**
 * Screenshots of the built app for review and the README: desktop and 390-px phone, light and dark.
 *   npm run build && tsx e2e/screenshots.ts [out-dir]     (default: ./screenshots)
 * Uses the fake OpenAI-compatible server, so no network or key is needed.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeServer } from './fake-server.ts';
import { ask, openPage, scenarioURL, startApp, useModelServer } from './harness.ts';

const outDir = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(outDir, { recursive: true });

const PROBLEM = 'Compute $\\frac{1}{31} \\div \\frac{1}{93}$.';

const app = await startApp();
const server = await startFakeServer({ idleTimeoutMs: 60_000, chunksPerSecond: 0 });
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 860],
    ['phone', 390, 844],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(app, { width, height, colorScheme });
      await solved(page, scenarioURL(server.url, 'reasoning', 'qwen25math-0004'));
      await page.screenshot({ path: `${outDir}/${name}-${colorScheme}.png` });
      await page.getByRole('region', { name: 'Solution' }).getByRole('button', { name: 'Reveal all' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/${name}-${colorScheme}-full.png`, fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByRole('list', { name: 'Models on the server' }).waitFor();
      await page.screenshot({ path: `${outDir}/${name}-${colorScheme}-settings.png` });
      await context.close();
    }
  }
  // An error, as the student sees it.
  const { page, context } = await openPage(app, { width: 1280, height: 860 });
  await useModelServer(page, scenarioURL(server.url, 'rate-limited'));
  await ask(page, PROBLEM);
  await page.getByRole('alert').waitFor();
  await page.screenshot({ path: `${outDir}/desktop-light-error.png` });
  await context.close();
  console.log(`screenshots in ${outDir}`);
} finally {
  await app.close();
  await server.close();
}

async function solved(page: Page, baseURL: string) {
  await useModelServer(page, baseURL);
  await ask(page, PROBLEM);
  const solution = page.getByRole('region', { name: 'Solution' });
  await solution.waitFor();
  while ((await solution.getAttribute('aria-busy')) === 'true') await page.waitForTimeout(50);
  const next = solution.getByRole('button', { name: 'Next step' });
  await next.click();
  await next.click();
  await page.waitForTimeout(400);
}
