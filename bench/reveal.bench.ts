/**
 * Reveal benchmark, called by `npm run bench` (section "reveal"): how long "Reveal all" and "Hide all" keep the
 * main thread busy on very long solutions (500, 1,000 and 5,000 steps, and a 2 MB answer of 5,000 long steps),
 * in the built app (dist/, from `npm run build`) in headless Chromium.
 *
 * Each answer is pasted ("Paste an answer"), so no server is involved. Per press the figures are:
 *   - main-thread ms: CDP `Performance.getMetrics` TaskDuration from just before the click until the page has
 *     been idle for a while (every task the press caused, also slices run in later frames);
 *   - to paint: from the click to the end of the first frame painted after the DOM changed;
 *   - longest task: the longest task (PerformanceObserver 'longtask', > 50 ms) in that window, 0 when none.
 * Figures only, never asserted: they depend on the machine.
 */
import type { CDPSession, Page } from 'playwright-core';
import { openPage, startApp, type AppUnderTest } from '../e2e/harness.ts';
import { table } from './measure.ts';

/** Steps per answer; the last row's steps carry long bodies so the answer is about 2 MB. */
const CASES: readonly { steps: number; bodyRepeat: number }[] = [
  { steps: 500, bodyRepeat: 1 },
  { steps: 1_000, bodyRepeat: 1 },
  { steps: 5_000, bodyRepeat: 1 },
  { steps: 5_000, bodyRepeat: 4 },
];
const IDLE_MS = 400;

/** An answer in the app's own format: each step a sentence, an inline formula and a displayed one. */
export function longAnswer(steps: number, bodyRepeat: number): string {
  const parts: string[] = [];
  for (let k = 1; k <= steps; k++) {
    const sentence = `Add \\(${k}\\) to both sides of the equation, which keeps it balanced, and collect like terms. `;
    parts.push(`## Step ${k}: Add $${k}$\n${sentence.repeat(bodyRepeat)}\n\\[ x + ${k} = y_{${k}} + \\frac{${k}}{2} \\]\n`);
  }
  parts.push(`## Answer\n\\[ \\boxed{x = ${steps}} \\]\n`);
  return parts.join('\n');
}

interface Press {
  mainThreadMs: number;
  toPaintMs: number;
  longestMs: number;
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Clicks the button in page script and times the press until the page is idle again. */
async function press(page: Page, cdp: CDPSession, name: string): Promise<Press> {
  const before = await taskDuration(cdp);
  const toPaintMs = await page.evaluate(
    ({ name, idleMs }) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
        if (!button) return reject(new Error(`no button "${name}"`));
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
        let changed = false;
        let paintedAt = 0;
        const observer = new MutationObserver(() => (changed = true));
        observer.observe(document.body, { subtree: true, childList: true });
        const t0 = performance.now();
        const frame = () => {
          if (changed && paintedAt === 0) {
        
            const channel = new MessageChannel();
            channel.port1.onmessage = () => (paintedAt = performance.now());
            channel.port2.postMessage(0);
          }
          if (paintedAt === 0) requestAnimationFrame(frame);
          else {
            observer.disconnect();
            resolve(paintedAt - t0);
          }
        };
        requestAnimationFrame(frame);
        button.click();
        void idleMs;
      }),
    { name, idleMs: IDLE_MS },
  );
  // Slices rendered in later frames count too: wait until the main thread has been idle for a while.
  let last = await taskDuration(cdp);
  for (;;) {
    await page.waitForTimeout(IDLE_MS);
    const now = await taskDuration(cdp);
    if (now - last < 20) break;
    last = now;
  }
  const after = await taskDuration(cdp);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
  return { mainThreadMs: after - before, toPaintMs, longestMs: longest };
}

async function benchCase(app: AppUnderTest, steps: number, bodyRepeat: number): Promise<{ label: string; reveal: Press; hide: Press; shown: number }> {
  const answer = longAnswer(steps, bodyRepeat);
  const { page, context } = await openPage(app);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // tsx's keepNames wraps functions inside page.evaluate callbacks in `__name`, which the page lacks.
    await page.evaluate('window.__name = (f) => f');
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('textbox', { name: 'Problem' }).fill('Solve the long equation');
    // Playwright's fill() types through the editing pipeline: 35 s for 150 kB even in a bare <textarea>. Set the
    // value as a paste would end up, through the native setter, so React sees one input event.
    await panel.getByRole('textbox', { name: "Model's answer" }).evaluate((el, text) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, answer);
    await panel.getByRole('button', { name: 'Show steps' }).click();
    await page.getByRole('button', { name: 'Reveal all' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(IDLE_MS);
    const reveal = await press(page, cdp, 'Reveal all');
    const shown = await page.locator('ol.steps > li.step').count();
    const hide = await press(page, cdp, 'Hide all');
    const size = answer.length >= 1e6 ? `${(answer.length / 1e6).toFixed(1)} MB` : `${Math.round(answer.length / 1e3)} kB`;
    return { label: `${steps.toLocaleString('en-US')} steps (${size})`, reveal, hide, shown };
  } finally {
    await context.close();
  }
}

export async function benchReveal(): Promise<string[]> {
  const app = await startApp();
  const rows: string[][] = [['', 'Reveal all: main ms', 'to paint', 'longest task', 'Hide all: main ms', 'to paint', 'longest task', 'cards built']];
  try {
    for (const c of CASES) {
      const r = await benchCase(app, c.steps, c.bodyRepeat);
      const f = (x: number) => `${x.toFixed(0)} ms`;
      rows.push([r.label, f(r.reveal.mainThreadMs), f(r.reveal.toPaintMs), f(r.reveal.longestMs), f(r.hide.mainThreadMs), f(r.hide.toPaintMs), f(r.hide.longestMs), String(r.shown)]);
    }
  } finally {
    await app.close();
  }
  return [
    'Pasted answers of N steps (each: a sentence with an inline formula and a displayed one), all steps revealed',
    'with "Reveal all", then hidden with "Hide all". Main ms: all main-thread work the press caused, until idle.',
    'Target: ≤ 200 ms at 5,000 steps.',
    '',
    ...table(rows, [24, 20, 10, 13, 18, 10, 13]),
  ];
}
