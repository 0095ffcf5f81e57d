/**
 * End-to-end harness: serves the built app on 127.0.0.1 (vite preview on a free port) and drives Debian's
 * Chromium with playwright-core. Everything started here is closed in the test file's afterAll.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The built app; `STEPWISE_DIST_DIR` points elsewhere (the benchmark builds its own copy so other runs can't overwrite it). */
export const DIST_DIR = process.env.STEPWISE_DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppUnderTest {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startApp(): Promise<AppUnderTest> {
  const server: PreviewServer = await preview({
    root: ROOT_DIR,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: DIST_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a URL');
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /**
   * false: start as a student who turned "Try each step first" off in Settings, so "Next step" shows the step at
   * once (for tests about revealing itself). Default: the app's own default (on).
   */
  tryFirst?: boolean;
}

/** A fresh page with its own storage; browser errors fail the test instead of passing silently. */
export async function openPage(app: AppUnderTest, options: PageOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await app.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  if (options.tryFirst === false) {
    // As Settings would have saved it; only on the first load, so what the test changes later survives a reload.
    await context.addInitScript(() => {
      if (localStorage.getItem('stepwise.settings') === null) localStorage.setItem('stepwise.settings', JSON.stringify({ v: 1, tryFirst: false }));
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('textbox', { name: 'Problem' }).waitFor();
  return { page, context, errors };
}

/** Sets up a model server through the Settings panel, as a user would. */
export async function useModelServer(page: Page, baseURL: string, model = 'fake-model', extra?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByRole('radio', { name: /A model server/ }).check();
  await settings.getByRole('textbox', { name: 'Base URL' }).fill(baseURL);
  await settings.getByRole('textbox', { name: 'Model' }).fill(model);
  if (extra) await extra(page);
  await settings.getByRole('button', { name: 'Done' }).click();
}

export async function ask(page: Page, problem: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Problem' }).fill(problem);
  await page.getByRole('button', { name: 'Solve', exact: true }).click();
}

/** A fake-server base URL that produces `scenario` (and optionally replays corpus record `record`). */
export function scenarioURL(serverURL: string, scenario: string, record?: string): string {
  const base = serverURL.replace(/\/v1$/, '');
  return `${base}/scenario/${scenario}${record ? `/record/${encodeURIComponent(record)}` : ''}/v1`;
}

/** Every stored history entry, read straight from IndexedDB (pass to `page.evaluate`; runs in the page). */
export function storedEntries(): Promise<{ problem: string; answer: string; validated?: unknown; reveal: { shown: number; all: boolean } }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stepwise');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('entries', 'readonly').objectStore('entries').getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as never);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/**
 * Puts an empty library set straight into IndexedDB (pass to `page.evaluate`; runs in the page) — for tests that
 * need a set before the library page's own "New set" is used. Load the app's library after it (navigate or reload).
 */
export function seedLibrarySet(set: { id: string; name: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stepwise-library', 1);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains('sets')) open.result.createObjectStore('sets', { keyPath: 'id' });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const now = Date.now();
      const tx = open.result.transaction('sets', 'readwrite');
      tx.objectStore('sets').put({ ...set, tags: [], createdAt: now, updatedAt: now, items: [], v: 1, order: 0 });
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Every stored library set, read straight from IndexedDB (pass to `page.evaluate`; runs in the page). */
export function storedLibrarySets(): Promise<{ id: string; name: string; items: { problem: string; source: string; model: string; solution: { steps: unknown[]; answer: { text: string } | null } }[] }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stepwise-library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('sets', 'readonly').objectStore('sets').getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as never);
      };
      req.onerror = () => reject(req.error);
    };
  });
}
