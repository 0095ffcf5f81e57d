/**
 * Streaming UI benchmark, called by `npm run bench` (section "ui"): one long real answer streamed by the fake
 * OpenAI server at 100 chunks/s into headless Chromium, measured the same way for four renderers, one after
 * another in one run:
 *   - the app (dist/, built by `npm run build`), with "Reveal all" pressed so every step is on screen;
 *   - react-markdown + remark-math + rehype-katex re-rendering the whole answer once per frame (bench/anchors);
 *   - streamdown's <Streamdown> with the accumulated answer once per frame (bench/anchors);
 *   - the raw text in a <pre> once per frame: the floor, i.e. what reading the stream, a per-frame commit and this
 *     instrumentation cost without any Markdown or math (included alike in every row).
 *
 * How each figure is taken (identical instrumentation for every page, injected before any page script):
 *   - script time: CDP `Performance.getMetrics` ScriptDuration of the page, delta from just before the request
 *     starts to the end of the stream plus a short settle (so the last render counts);
 *   - long tasks: a `PerformanceObserver({type: 'longtask'})` (tasks > 50 ms) over the same window;
 *   - chunk-to-screen latency: `fetch` is wrapped so the SSE body is read through a pass-through stream that stamps
 *     each network read carrying answer text ("arrival": the moment page script could first see the chunk);
 *     chunks of only whitespace (≈ 6% of this stream) have nothing to show and are not timed, in any row.
 *     A MutationObserver on the rendered answer (app: the step list and final answer, not the status line;
 *     anchors: the markdown output) stamps each DOM change. A rAF loop marks every frame: its callback (the first
 *     rAF callback of the frame) posts a message, which runs once the frame's rendering (rAF callbacks, style,
 *     layout, paint) is done — "painted". A chunk's latency = the first "painted" mark after the first DOM change
 *     that follows its arrival, minus its arrival. Text a renderer holds back (a line kept whole until its end,
 *     an unclosed formula) counts until the change that shows it, unless some other part of the answer changes
 *     first, in which case the held chunk is credited early: a lower bound, with the same rule for every row.
 * The app is served from dist/ as built (run `npm run build` first; the build time is printed).
 * Figures only, never asserted: they depend on the machine.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { startFakeServer, loadCorpusAnswers, splitIntoChunks, type FakeServer } from '../e2e/fake-server.ts';
import { DIST_DIR, ask, openPage, startApp, useModelServer, type AppUnderTest } from '../e2e/harness.ts';
import { table } from './measure.ts';

/** Two real corpus answers joined: ≈ 3,900 chunks, ≈ 205 formulas (both anchors typeset 205 .katex). */
const RECORDS = 'arenahard-0028,processbench-0043';
const CHUNKS_PER_SECOND = 100;
const ANCHORS_DIR = fileURLToPath(new URL('./anchors', import.meta.url));
const SETTLE_MS = 500;
const SLOW_MS = 50;
const STREAM_TIMEOUT_MS = 150_000;

interface PageRecord {
  arrivals: { t: number; n: number }[];
  mutations: number[];
  painted: number[];
  longTasks: { start: number; duration: number }[];
}

/** Runs in the page before its own scripts; `contentSelector` selects the rendered answer. */
function instrument(contentSelector: string): void {
  const rec: PageRecord = { arrivals: [], mutations: [], painted: [], longTasks: [] };
  (window as unknown as { __bench: typeof rec }).__bench = rec;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // Content deltas in OpenAI SSE chunks; the opening role chunk carries "content":"" and is not counted, nor is
  // a delta of only whitespace (a space or line break between words): it has nothing to show, so no renderer can
  // show it, and timing it would time the next chunk instead.
  const CONTENT = /"delta":\{"content":"(?!(?:\\n|\\r|\\t| )*")/g;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await originalFetch(...args);
    if (!response.body || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) return response;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        const t = performance.now();
        const n = decoder.decode(value, { stream: true }).match(CONTENT)?.length ?? 0;
        if (n > 0) rec.arrivals.push({ t, n });
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    // Keep the original Response (url, redirected, type) and swap only its body.
    Object.defineProperty(response, 'body', { value: body });
    return response;
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      if (el?.closest(contentSelector) && !el.closest('[role="status"]')) {
        rec.mutations.push(performance.now());
        return;
      }
    }
  });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => rec.painted.push(performance.now());
  const frame = () => {
    requestAnimationFrame(frame);
    channel.port2.postMessage(0);
  };
  // The document itself: at this point <html> may not exist yet.
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  requestAnimationFrame(frame);
}

interface Result {
  name: string;
  scriptMs: number;
  longTasks: number;
  longestMs: number;
  latencies: number[];
  chunks: number;
  commits: number;
  /** Start of each long task, ms after the request started. */
  longAt: number[];
  /** When chunks took over SLOW_MS to reach the screen (ms since the measurement started; first 12). */
  slowAt: number[];
  streamMs: number;
  /** Top self-time entries when STEPWISE_BENCH_PROFILE=1. */
  profile: string[];
}

/** `STEPWISE_BENCH_PROFILE=1 npm run bench -- ui` adds each page's top self-time functions (CDP CPU profile). */
const PROFILE = process.env.STEPWISE_BENCH_PROFILE === '1';
/** With PROFILE, also write each page's raw `.cpuprofile` into this directory. */
const PROFILE_DIR = process.env.STEPWISE_BENCH_PROFILE_DIR;
/** `STEPWISE_BENCH_RENDERERS=app,plain` measures only those rows (quicker while working on one of them). */
const RENDERERS = (process.env.STEPWISE_BENCH_RENDERERS ?? 'app,react-markdown,streamdown,plain').split(',');

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function summarizeProfile(profile: CpuProfile): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    // Idle and "(program)" (browser work outside script) are not script time.
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url ? (frame.url.split('/').pop() ?? frame.url) : `(${frame.functionName || 'native'})`;
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
  return ['  self time by file:', ...top(byFile, 6).map((l) => `  ${l}`), '  top functions (self):', ...top(self, 12).map((l) => `  ${l}`)];
}

/** The init script: `instrument` as source; tsx's keepNames wraps inner functions in `__name`, defined here. */
const initScript = (contentSelector: string) => ({
  content: `(() => { const __name = (f) => f; (${instrument.toString()})(${JSON.stringify(contentSelector)}); })();`,
});

async function scriptDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Chunk latencies from the page's stamps (see the header comment). */
function latencies(rec: PageRecord, slow?: number[]): number[] {
  const out: number[] = [];
  let m = 0;
  let p = 0;
  for (const a of rec.arrivals) {
    while (m < rec.mutations.length && rec.mutations[m]! < a.t) m++;
    if (m >= rec.mutations.length) break;
    const mutation = rec.mutations[m]!;
    while (p < rec.painted.length && rec.painted[p]! <= mutation) p++;
    if (p >= rec.painted.length) break;
    for (let i = 0; i < a.n; i++) out.push(rec.painted[p]! - a.t);
    if (slow && rec.painted[p]! - a.t > SLOW_MS) slow.push(a.t);
  }
  return out;
}

/** Measures one page: `start` sends the request, `finished` resolves when the stream is over and shown. */
async function measurePage(
  name: string,
  page: Page,
  context: BrowserContext,
  start: () => Promise<void>,
  finished: () => Promise<void>,
): Promise<Result> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const windowStart = await page.evaluate(() => performance.now());
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before = await scriptDuration(cdp);
  const t0 = Date.now();
  await start();
  await finished();
  const streamMs = Date.now() - t0;
  await page.waitForTimeout(SETTLE_MS);
  const after = await scriptDuration(cdp);
  let profile: string[] = [];
  if (PROFILE) {
    const raw = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    profile = summarizeProfile(raw);
    // The whole profile, for Chrome DevTools' Performance panel or a script of your own.
    if (PROFILE_DIR) writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(raw));
  }
  const rec = await page.evaluate(() => (window as unknown as { __bench: PageRecord }).__bench);
  await cdp.detach();
  const long = rec.longTasks.filter((t) => t.start >= windowStart);
  const slowAt: number[] = [];
  const lat = latencies(rec, slowAt).sort((a, b) => a - b);
  return {
    name,
    scriptMs: after - before,
    longTasks: long.length,
    longestMs: Math.max(0, ...long.map((t) => t.duration)),
    latencies: lat,
    chunks: rec.arrivals.reduce((s, a) => s + a.n, 0),
    commits: rec.mutations.length,
    longAt: long.map((t) => t.start - windowStart).slice(0, 12),
    slowAt: slowAt.map((t) => t - windowStart).slice(0, 12),
    streamMs,
    profile,
  };
}

async function benchApp(app: AppUnderTest, server: FakeServer): Promise<Result> {
  const { page, context, errors } = await openPage(app);
  try {
    await context.addInitScript(initScript('.steps, .final-answer'));
    await page.reload();
    await page.getByRole('textbox', { name: 'Problem' }).waitFor();
    await useModelServer(page, server.url);
    const solution = page.getByRole('region', { name: 'Solution' });
    const result = await measurePage(
      'app',
      page,
      context,
      async () => {
        await ask(page, 'Explain and solve both problems step by step.');
        await solution.getByRole('button', { name: 'Reveal all' }).click();
      },
      async () => {
        await solution.getByRole('list', { name: 'Steps' }).waitFor({ timeout: STREAM_TIMEOUT_MS });
        await page.waitForFunction(
          () => document.querySelector('section[aria-label="Solution"]')?.getAttribute('aria-busy') === 'false',
          undefined,
          { timeout: STREAM_TIMEOUT_MS, polling: 250 },
        );
      },
    );
    if (errors.length > 0) throw new Error(`app page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function benchAnchor(app: AppUnderTest, anchorsURL: string, server: FakeServer, renderer: string): Promise<Result> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(initScript('main'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${anchorsURL}?renderer=${renderer}`);
    await page.waitForFunction(() => typeof (window as unknown as { __startStream?: unknown }).__startStream === 'function');
    const url = `${server.url}/chat/completions`;
    const result = await measurePage(
      renderer,
      page,
      context,
      async () => {
        await page.evaluate((u) => {
          void (window as unknown as { __startStream: (u: string) => Promise<void> }).__startStream(u);
        }, url);
      },
      async () => {
        await page.waitForFunction(() => (window as unknown as { __anchorDone?: boolean }).__anchorDone === true, undefined, {
          timeout: STREAM_TIMEOUT_MS,
          polling: 250,
        });
      },
    );
    if (errors.length > 0) throw new Error(`${renderer} page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Builds bench/anchors into a temporary directory and serves it on 127.0.0.1. */
async function startAnchors(outDir: string): Promise<PreviewServer> {
  await build({
    configFile: false,
    root: ANCHORS_DIR,
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000 },
  });
  return preview({
    root: ANCHORS_DIR,
    configFile: false,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
}

/** The app's initial JavaScript: the module scripts and modulepreloads dist/index.html references, gzipped. */
function initialJs(): { files: string[]; bytes: number; gzip: number } {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  let gzip = 0;
  for (const ref of refs) {
    const code = readFileSync(join(DIST_DIR, ref));
    bytes += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { files: refs, bytes, gzip };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

export async function benchUi(): Promise<string[]> {
  const answer = loadCorpusAnswers();
  const text = RECORDS.split(',').map((id) => answer.get(id) ?? '').join('\n\n');
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  // \( and \[ open a formula; $ and $$ come in pairs.
  const formulas = count(/\\\(/g) + count(/\\\[/g) + (count(/\$\$/g) + count(/(?<!\$)\$(?!\$)/g)) / 2;

  const loadBefore = loadavg()[0]!;
  const outDir = mkdtempSync(join(tmpdir(), 'stepwise-anchors-'));
  let app: AppUnderTest | undefined;
  let anchors: PreviewServer | undefined;
  let server: FakeServer | undefined;
  const results: Result[] = [];
  try {
    [app, anchors, server] = await Promise.all([
      startApp(),
      startAnchors(outDir),
      startFakeServer({ record: RECORDS, chunksPerSecond: CHUNKS_PER_SECOND, idleTimeoutMs: 300_000 }),
    ]);
    const anchorsURL = anchors.resolvedUrls?.local[0];
    if (!anchorsURL) throw new Error('vite preview did not report a URL for the anchors');
    if (RENDERERS.includes('app')) results.push(await benchApp(app, server));
    for (const anchor of ['react-markdown', 'streamdown', 'plain'] as const) {
      if (RENDERERS.includes(anchor)) results.push(await benchAnchor(app, anchorsURL, server, anchor));
    }
  } finally {
    await app?.close();
    await anchors?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  const rows = [
    ['', 'script ms', 'long tasks', 'longest ms', 'latency p50', 'latency p95', 'max', 'commits', 'chunks', 'stream s'],
    ...results.map((r) => [
      r.name === 'plain' ? 'plain (floor)' : r.name,
      ms(r.scriptMs),
      String(r.longTasks),
      ms(r.longestMs),
      ms(percentile(r.latencies, 50)),
      ms(percentile(r.latencies, 95)),
      ms(percentile(r.latencies, 100)),
      String(r.commits),
      String(r.chunks),
      (r.streamMs / 1000).toFixed(1),
    ]),
  ];
  const appResult = results.find((r) => r.name === 'app');
  const streamdown = results.find((r) => r.name === 'streamdown');
  const floor = results.find((r) => r.name === 'plain');
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
  const versus =
    appResult && streamdown && floor
      ? [
          `app script time: ${pct(appResult.scriptMs, streamdown.scriptMs)} of streamdown's (${pct(appResult.scriptMs - floor.scriptMs, streamdown.scriptMs - floor.scriptMs)} with the floor taken from both) — target ≤ 15%, no long task, latency p95 ≤ 16 ms`,
        ]
      : [];
  const js = initialJs();
  return [
    `stream: ${RECORDS} — ${splitIntoChunks(text).length} chunks, ≈ ${Math.round(formulas)} formulas, ${CHUNKS_PER_SECOND} chunks/s, headless Chromium, every step revealed`,
    ...table(rows, [15, 10, 11, 11, 12, 12, 7, 8, 7]),
    ...versus,
    `machine load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores: other work inflates script time and long tasks (see the floor row)`,
    ...results.filter((r) => r.longTasks > 0).map((r) => `${r.name} long tasks at s: ${r.longAt.map((t) => (t / 1000).toFixed(1)).join(', ')}`),
    ...results.filter((r) => r.slowAt.length > 0).map((r) => `${r.name} chunks slower than ${SLOW_MS} ms to screen, arriving at s: ${r.slowAt.map((t) => (t / 1000).toFixed(2)).join(', ')}`),
    'commits: content DOM changes seen; latency: chunk read by page script → end of the frame that paints the first content change after it',
    ...results.flatMap((r) => (r.profile.length > 0 ? [`profile — ${r.name}:`, ...r.profile] : [])),
    `app initial JS (${js.files.join(', ')}): ${(js.bytes / 1024).toFixed(1)} KiB, ${(js.gzip / 1024).toFixed(1)} KiB gzip — dist/ built ${statSync(join(DIST_DIR, 'index.html')).mtime.toISOString()}`,
  ];
}
