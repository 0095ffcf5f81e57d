/**
 * axe-core on every screen, in light and dark, on a desktop and a phone: 0 violations. axe runs inside the page
 * (its source injected as a script); every rule it runs by default is kept. A failure lists each screen with the
 * rule, the element and axe's message, so one run shows everything to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, openPage, scenarioURL, useModelServer } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = appWithFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 400 });

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeResult {
  violations: { id: string; nodes: AxeNode[] }[];
}

/** Runs axe on the page as it is now; returns one line per violating element ('' for none). */
async function axeViolations(page: Page): Promise<string[]> {
  // Let the reveal animation (0.22 s) end: axe measures colours, and a fading element has none yet.
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe.run(document));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Collects the violations of each named screen; the test compares the whole record with {}. */
function screens(page: Page) {
  const found: Record<string, string[]> = {};
  return {
    found,
    async check(name: string) {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name] = violations;
    },
  };
}

async function solveWithBuiltIn(page: Page, problem: string): Promise<void> {
  await ask(page, problem);
  await page.getByRole('region', { name: 'Solution' }).getByRole('button', { name: 'Reveal all' }).waitFor();
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe, ${colorScheme}`, () => {
    it('the tutor: welcome, paste, a solved problem, Settings, saving, sharing, history', { timeout: 180_000 }, async () => {
      const { page, context, errors } = await openPage(env.app, { colorScheme });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.app.url).origin });
      const { found, check } = screens(page);
      await check('welcome');
      await page.getByRole('tab', { name: 'Paste an answer' }).click();
      await check('paste mode');
      // A pasted answer with a picture from another host: it waits behind its "Load image from …" button.
      await page.getByRole('textbox', { name: 'Problem' }).fill('Solve $3(x-2) = 12$');
      await page
        .getByRole('textbox', { name: "Model's answer" })
        .fill('Step 1: Expand\n\n$3x - 6 = 12$\n\n![the graph](https://example.com/graph.png)\n\nStep 2: Solve\n\n$x = 6$\n\nFinal answer: $x = 6$');
      await page.getByRole('button', { name: 'Show steps' }).click();
      await page.getByRole('region', { name: 'Solution' }).getByRole('button', { name: 'Reveal all' }).click();
      await page.getByRole('button', { name: /^Load image from example\.com/ }).waitFor();
      await check('a pasted answer with an outside image, all shown');
      await page.getByRole('tab', { name: 'Ask' }).click();

      await solveWithBuiltIn(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await solution.getByRole('button', { name: 'Next step' }).click();
      await check('built-in solution, one step revealed');
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await solution.getByRole('region', { name: 'Final answer' }).waitFor();
      await check('built-in solution, steps and answer shown');
      // A problem the solver cannot do: "Needs a model", in the run and in history.
      await ask(page, 'Write a poem about integrals');
      await page.getByRole('navigation', { name: 'History' }).getByRole('button', { name: /^Write a poem about integrals/ }).waitFor();
      await check('history list, a problem out of the solver’s reach');

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('region', { name: 'Settings' }).waitFor();
      await check('Settings, built-in solver');
      const settings = page.getByRole('region', { name: 'Settings' });
      await settings.getByRole('radio', { name: /A model server/ }).check();
      await settings.getByRole('textbox', { name: 'Base URL' }).fill(env.server.url);
      await settings.getByRole('textbox', { name: 'Model' }).fill('fake-mdoel');
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await settings.getByRole('list', { name: 'Models on the server' }).waitFor();
      await check('Settings, connection tested');
      await settings.getByRole('textbox', { name: 'Base URL' }).fill(scenarioURL(env.server.url, 'unauthorized'));
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await settings.getByRole('alert').waitFor();
      await check('Settings, connection refused');
      await settings.getByRole('radio', { name: /Built-in solver/ }).check();
      await settings.getByRole('button', { name: 'Done' }).click();

      await solveWithBuiltIn(page, 'Solve 2x + 3 = 11');
      await solution.getByRole('button', { name: 'Save to library' }).click();
      await solution.getByRole('form', { name: 'Save to library' }).waitFor();
      await check('Save to library form');
      await solution.getByRole('button', { name: 'Cancel' }).click();
      await solution.getByRole('button', { name: 'Share link' }).click();
      await solution.getByRole('textbox', { name: 'Share link' }).waitFor();
      await check('share link made');
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a streamed model solution: while streaming, its thinking, a failure', { timeout: 180_000 }, async () => {
      const { page, context, errors } = await openPage(env.app, { colorScheme });
      const { found, check } = screens(page);
      await useModelServer(page, scenarioURL(env.server.url, 'reasoning', 'qwen25math-0004'));
      env.server.configure({ chunksPerSecond: 40 });
      await ask(page, 'Compute $\\frac{1}{31} \\div \\frac{1}{93}$.');
      const solution = page.getByRole('region', { name: 'Solution' });
      const next = solution.getByRole('button', { name: 'Next step' });
      await expect.poll(() => next.isEnabled(), { timeout: 20_000 }).toBe(true);
      await next.click();
      expect(await solution.getAttribute('aria-busy')).toBe('true');
      await check('model solution while streaming, a step revealed');
      env.server.configure({ chunksPerSecond: 400 });
      await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await solution.getByRole('region', { name: 'Final answer' }).waitFor();
      await solution.getByText("Model's thinking").click();
      await check('model solution done, thinking open, all shown');

      await useModelServer(page, scenarioURL(env.server.url, 'server-error'));
      await ask(page, 'Solve 3x = 12');
      await solution.getByRole('alert').first().waitFor({ timeout: 20_000 });
      await check('a failed model request');
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });

    it('the teacher pages: library, a set, the editor, the handout, a shared link', { timeout: 180_000 }, async () => {
      const { page, context, errors } = await openPage(env.app, { colorScheme });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.app.url).origin });
      const { found, check } = screens(page);
      await solveWithBuiltIn(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await solution.getByRole('button', { name: 'Save to library' }).click();
      await solution.getByRole('textbox', { name: 'New set name' }).fill('Week 1');
      await solution.getByRole('button', { name: 'Save', exact: true }).click();
      await solution.getByRole('link', { name: 'Week 1' }).waitFor();
      await solution.getByRole('button', { name: 'Share link' }).click();
      const link = await solution.getByRole('textbox', { name: 'Share link' }).inputValue();

      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByRole('heading', { name: 'Week 1' }).waitFor();
      await check('library');
      await page.getByRole('link', { name: 'Week 1' }).first().click();
      await page.getByRole('list', { name: 'Problems in this set' }).waitFor();
      await check('a set page');
      await page.getByRole('button', { name: 'Edit problem 1' }).click();
      await page.getByRole('textbox', { name: 'Step 1 title' }).waitFor();
      await check('the editor');
      const setId = await page.evaluate(() => decodeURIComponent(location.hash.split('/')[2] ?? ''));
      await page.goto(`${env.app.url}#/handout/${encodeURIComponent(setId)}`);
      await page.getByRole('region', { name: 'Handout options' }).waitFor();
      await expect.poll(() => page.getByRole('region', { name: 'Preview' }).locator('.katex').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await check('the handout page');
      await page.goto(link);
      const shared = page.getByRole('region', { name: 'Solution' });
      await shared.getByRole('button', { name: 'Reveal all' }).click();
      await shared.getByRole('region', { name: 'Final answer' }).waitFor();
      await check('a share link view');
      await page.goto(`${env.app.url}#/share/1.900.AbCdEf`);
      await page.getByRole('heading', { name: /can’t be shown/ }).waitFor();
      await check('a damaged share link');
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });

    it('on a phone (390 × 844): welcome, a solution, Settings', { timeout: 120_000 }, async () => {
      const { page, context, errors } = await openPage(env.app, { colorScheme, width: 390, height: 844 });
      const { found, check } = screens(page);
      await check('phone: welcome');
      await solveWithBuiltIn(page, 'Solve 2x + 3 = 11');
      const solution = page.getByRole('region', { name: 'Solution' });
      await solution.getByRole('button', { name: 'Next step' }).click();
      await solution.getByRole('button', { name: 'Reveal all' }).click();
      await solution.getByRole('region', { name: 'Final answer' }).waitFor();
      await check('phone: solution shown');
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('region', { name: 'Settings' }).waitFor();
      await check('phone: Settings');
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
