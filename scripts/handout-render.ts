/**
 * Renders a handout to PDF with the app's own print view (`#/print`): serves the built `dist/` on 127.0.0.1,
 * opens it in headless Chromium, hands in the document and prints once the math is typeset. Uses the e2e
 * harness's server and browser launch, so the CLI and the tests print the same way. Everything it starts is
 * closed before it returns.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { DIST_DIR, ROOT_DIR, startApp } from '../e2e/harness.ts';
import type { HandoutDocument } from '../src/core/handout/handout.ts';
import type { Paper } from '../src/core/handout/stored-options.ts';

const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** Builds `dist/` when it is missing or older than the sources, so the PDF always shows the current print view. */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  const built = (await stat(join(DIST_DIR, 'index.html')).catch(() => null))?.mtimeMs ?? 0;
  const sources = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(join(ROOT_DIR, s))))));
  if (built >= sources) return;
  log(built === 0 ? 'dist/ is missing; building the app first…' : 'dist/ is older than the sources; rebuilding the app first…');
  await build({ root: ROOT_DIR, logLevel: 'warn', build: { outDir: DIST_DIR, emptyOutDir: true } });
}

export async function renderHandoutPdf(job: { doc: HandoutDocument; paper: Paper }, log: (line: string) => void): Promise<Uint8Array> {
  await ensureBuilt(log);
  const app = await startApp();
  try {
    const page = await app.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((j) => {
      window.__stepwiseHandout = j;
    }, job);
    await page.goto(`${app.url}#/print`);
    await page
      .waitForFunction(() => document.body.dataset.handoutReady === 'true', null, { timeout: 60_000 })
      .catch((err: unknown) => {
        throw new Error(`the print view never became ready${errors.length ? ` (${errors.join('; ')})` : ''}: ${err instanceof Error ? err.message : String(err)}`);
      });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: job.paper === 'a4' ? 'A4' : 'Letter', printBackground: true, preferCSSPageSize: true });
  } finally {
    await app.close();
  }
}
