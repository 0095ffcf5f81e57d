/**
 * An answer can make the browser fetch nothing from any host but the Base URL. A listener on 127.0.0.1 (another
 * port than the app and the model server) is named in every way an answer could make a browser fetch: Markdown
 * and HTML images, srcset, picture/source, CSS url() in a style attribute, <link>, <iframe>, <video poster>,
 * KaTeX's \includegraphics, \href and \url, autolinks and links. Shown as a model's streamed answer and as a
 * pasted one, it must receive nothing — not even a connection — until the student presses "Load image from
 * 127.0.0.1", and then exactly that one image. The hostile TeX limits (\rule{100000em}…, a macro bomb) must leave
 * the page usable.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server.ts';
import { ask, openPage, startApp, useModelServer, type AppUnderTest } from './harness.ts';

/** A 1×1 PNG, so a loaded image really decodes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Listener {
  origin: string;
  connections: number;
  requests: { url: string; referer: string | undefined }[];
  server: Server;
}

async function startListener(): Promise<Listener> {
  const listener = { origin: '', connections: 0, requests: [] as Listener['requests'], server: createServer() };
  listener.server.on('connection', () => (listener.connections += 1));
  listener.server.on('request', (req, res) => {
    listener.requests.push({ url: req.url ?? '', referer: req.headers.referer });
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Content-Length': PNG.length });
    res.end(PNG);
  });
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  listener.origin = `http://127.0.0.1:${(listener.server.address() as AddressInfo).port}`;
  return listener;
}

/** Every fetching construct, each with its own path so a request would say which one leaked. */
function hostileAnswer(at: string): string {
  return String.raw`## Step 1: Look at the graph
Here is the line: ![graph of y = 2x + 3](${at}/markdown-image.png?problem=2x%2B3%3D11)

<img src="${at}/html-img.png" srcset="${at}/html-srcset.png 2x" alt="html image">

<picture><source srcset="${at}/picture-source.png"><img src="${at}/picture-img.png"></picture>

<span style="background-image: url(${at}/css-url.png)">styled</span> <div style="background:url('${at}/css-div.png')">box</div>

<link rel="stylesheet" href="${at}/link.css"> <link rel="prefetch" href="${at}/prefetch"> <iframe src="${at}/iframe"></iframe> <video poster="${at}/video-poster.png" src="${at}/video.mp4"></video>

## Step 2: Subtract 3 from both sides
Subtract \(3\): \[ 2x = 8 \] and see \( \includegraphics[height=1em]{${at}/includegraphics.png} \), \( \href{${at}/tex-href}{here} \) or \( \url{${at}/tex-url} \).

Autolink <${at}/autolink>, a [plain link](${at}/link-page) and a [script link](javascript:fetch('${at}/javascript')).

## Step 3: Divide by 2
\[ \rule{100000em}{1em} \]
\[ \def\a{\a\a}\a \]
\[ x = \frac{8}{2} = 4 \]

## Answer
\[ \boxed{x = 4} \]
`;
}

let app: AppUnderTest;
let server: FakeServer;
let listener: Listener;

beforeAll(async () => {
  [app, server, listener] = await Promise.all([startApp(), startFakeServer({ idleTimeoutMs: 120_000, chunksPerSecond: 400 }), startListener()]);
  server.configure({ text: hostileAnswer(listener.origin) });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
  await new Promise((resolve) => listener?.server.close(resolve));
});

/** Reveals everything, waits for anything the page might fetch late, and checks the page is still the app's. */
async function revealAllAndSettle(page: Page) {
  const solution = page.getByRole('region', { name: 'Solution' });
  await solution.getByRole('button', { name: 'Reveal all' }).click();
  await solution.getByRole('region', { name: 'Final answer' }).waitFor();
  // Images, frames and styles start loading within a frame or two of being inserted; give them ample time.
  await page.waitForTimeout(1_500);
  // The huge rule is capped and the macro bomb refused: nothing wider than the window, the app still answers.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await solution.locator('.math-error').count()).toBeGreaterThan(0);
  return solution;
}

async function expectOnlyOneImageAfterPress(page: Page) {
  const solution = page.getByRole('region', { name: 'Solution' });
  const buttons = solution.getByRole('button', { name: 'Load image from 127.0.0.1', exact: true });
  // The Markdown image gets a button; the alt text and the URL are there to read.
  expect(await buttons.count()).toBe(1);
  expect(await solution.getByText('graph of y = 2x + 3').count()).toBe(1);
  expect(await solution.getByText(`${listener.origin}/markdown-image.png?problem=2x%2B3%3D11`).count()).toBe(1);
  await buttons.click();
  const image = solution.getByRole('img', { name: 'graph of y = 2x + 3' });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1);
  await page.waitForTimeout(500);
  expect(listener.requests).toEqual([{ url: '/markdown-image.png?problem=2x%2B3%3D11', referer: undefined }]);
}

describe('no request to any host but the Base URL', () => {
  it("a model's streamed answer fetches nothing until the student loads one image", async () => {
    listener.requests.length = 0;
    listener.connections = 0;
    const { page, context, errors } = await openPage(app);
    await useModelServer(page, server.url);
    await ask(page, 'Solve 2x + 3 = 11');
    const solution = page.getByRole('region', { name: 'Solution' });
    await expect.poll(() => solution.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await revealAllAndSettle(page);
    expect(listener.requests).toEqual([]);
    expect(listener.connections).toBe(0);
    // Links stay links, safe ones only.
    const link = solution.getByRole('link', { name: 'plain link' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await solution.getByRole('link', { name: 'script link' }).count()).toBe(0);
    await expectOnlyOneImageAfterPress(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a pasted answer fetches nothing until the student loads one image', async () => {
    listener.requests.length = 0;
    listener.connections = 0;
    const { page, context, errors } = await openPage(app);
    const before = server.requests.length;
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    await page.getByRole('textbox', { name: 'Problem' }).fill('Solve 2x + 3 = 11');
    await page.getByRole('textbox', { name: "Model's answer" }).fill(hostileAnswer(listener.origin));
    await page.getByRole('button', { name: 'Show steps' }).click();
    await page.getByRole('region', { name: 'Solution' }).waitFor();
    await revealAllAndSettle(page);
    expect(listener.requests).toEqual([]);
    expect(listener.connections).toBe(0);
    expect(server.requests.length).toBe(before);
    await expectOnlyOneImageAfterPress(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
