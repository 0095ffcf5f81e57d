/**
 * The Content-Security-Policy the README gives schools works with the built app. The policy is read from the
 * README's "Deploying for a school" section (so the two cannot drift), sent as a response header by a small
 * static server over the built app, and the app must load, solve "2x + 3 = 11" with the built-in solver, typeset
 * it with KaTeX (stylesheet and fonts), show a pasted answer with a data: image, open the teacher pages — and the
 * browser must report no violation of the policy.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, DIST_DIR, ROOT_DIR } from './harness.ts';

/** The one line of the README section that starts with the header's name. */
function readmePolicy(): string {
  const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
  const section = /^## Deploying for a school\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const line = /^Content-Security-Policy: (.+)$/m.exec(section)?.[1];
  if (!line) throw new Error('README.md has no "Content-Security-Policy: …" line in "## Deploying for a school"');
  return line.trim();
}

const POLICY = readmePolicy();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** Serves the built app as a school's web server would, with the policy on every response. */
function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(DIST_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    const headers = { 'Content-Security-Policy': POLICY, 'X-Content-Type-Options': 'nosniff' };
    if (!file.startsWith(normalize(DIST_DIR))) {
      res.writeHead(403, headers).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404, headers).end('not found'),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })),
  );
}

const PNG_DATA = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// \Bigg and a tall \left( use KaTeX's Size fonts, the smallest of which a build could inline as a data: URL.
const PASTED = String.raw`## Step 1: Subtract 3
\[ \Biggl( \biggl( 2x + 3 \biggr) \Biggr) - 3 = \left( \frac{\frac{11}{1}}{\frac{1}{1}} \right) - 3 \]
![a dot](${PNG_DATA})

## Step 2: Divide by 2
\[ x = \frac{8}{2} = 4 \]

## Answer
\[ \boxed{x = 4} \]`;

let browser: Browser;
let site: { url: string; server: Server };

beforeAll(async () => {
  [site, browser] = await Promise.all([
    serveDist(),
    chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], headless: true }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.server.close(resolve));
});

describe("the README's Content-Security-Policy", () => {
  it('is strict: no inline or eval script, fonts only from the site, connect-src limited to model servers', () => {
    expect(POLICY).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
    expect(POLICY).toMatch(/(?:^|; )font-src 'self'(?:;|$)/);
    expect(POLICY).toMatch(/(?:^|; )img-src 'self' data:(?:;|$)/);
    expect(POLICY).toMatch(/(?:^|; )connect-src [^;]+/);
    expect(POLICY).not.toMatch(/unsafe-eval|\*/);
    // The build gives the browser nothing inline to refuse.
    const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\son[a-z]+=/i);
  });

  it('lets the built app load, solve, typeset and open every page with no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Init scripts come from the browser, not the page, so the policy does not stop this one.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(site.url);
    expect(response?.headers()['content-security-policy']).toBe(POLICY);

    // Built-in solver, offline.
    await page.getByRole('textbox', { name: 'Problem' }).fill('2x + 3 = 11');
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    const solution = page.getByRole('region', { name: 'Solution' });
    await solution.getByRole('button', { name: 'Reveal all' }).click({ timeout: 20_000 });
    const answer = solution.getByRole('region', { name: 'Final answer' });
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.locator('annotation').textContent()).toBe('x = 4');
    expect(await solution.locator('.katex').count()).toBeGreaterThan(0);
    expect(await solution.locator('.math-error').count()).toBe(0);
    // KaTeX's stylesheet applied and its fonts loaded from the site.
    await expect
      .poll(() => answer.locator('.katex').first().evaluate((el) => getComputedStyle(el).fontFamily), { timeout: 10_000 })
      .toContain('KaTeX_Main');
    await expect.poll(() => page.evaluate(() => document.fonts.check('20px KaTeX_Main')), { timeout: 10_000 }).toBe(true);

    // A pasted answer: big delimiters (KaTeX_Size fonts) and a data: image.
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).fill('Solve 2x + 3 = 11');
    await page.getByRole('textbox', { name: "Model's answer" }).fill(PASTED);
    await page.getByRole('button', { name: 'Show steps' }).click();
    await solution.getByRole('button', { name: 'Reveal all' }).click();
    await solution.getByRole('region', { name: 'Final answer' }).waitFor();
    const dot = solution.getByRole('img', { name: 'a dot' });
    await expect.poll(() => dot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1);
    const fonts = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status !== 'unloaded').map((f) => `${f.family} ${f.status}`);
      });
    await expect.poll(fonts, { timeout: 10_000 }).toEqual(expect.arrayContaining(['KaTeX_Size3 loaded', 'KaTeX_Size4 loaded']));
    expect((await fonts()).filter((f) => !f.endsWith(' loaded'))).toEqual([]);

    // Settings, and the teacher pages (their code and styles load on first visit).
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${site.url}#/library`);
    await page.locator('#library-heading').waitFor({ timeout: 20_000 });

    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
