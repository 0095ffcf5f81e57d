/**
 * Parser benchmark: one-shot vs streaming parse of real answers, with what streamdown does per token on the
 * same input as an anchor. Prints figures; never asserts timings (they depend on the machine).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import remend from 'remend';
import { parseMarkdownIntoBlocks } from 'streamdown';
import { createSolutionParser, parseSolution } from '../src/core/solution/parse-solution.ts';
import { formatInt, formatMs, measure, median, now, table, type Timing } from './measure.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/dev.jsonl', import.meta.url));
const CHUNK = 4;
/** Incremental / one-shot must stay at or below this: streaming cost linear in the text, not quadratic. */
const RATIO_TARGET = 3;
/** Prefixes timed to estimate streamdown's cost on the concatenated corpus (a full run takes ~20 minutes). */
const STREAMDOWN_SAMPLES = 200;

interface Input {
  label: string;
  text: string;
  chunks: string[];
  /** Warm-up and timed runs for the parser; fewer for the big input. */
  plan: { warmup: number; runs: number };
  /** Time streamdown on every chunk, or estimate it from evenly spaced samples. */
  streamdownFull: boolean;
}

function loadResponses(): { id: string; response: string }[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; response: string });
}

function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function oneShot(text: string): number {
  const t0 = now();
  parseSolution(text);
  return now() - t0;
}

/** Push-only: what a consumer pays if it reads the result once, at the end. */
function pushOnly(chunks: readonly string[]): number {
  const t0 = now();
  const p = createSolutionParser();
  for (const c of chunks) p.push(c);
  p.end();
  p.snapshot();
  return now() - t0;
}

/**
 * A snapshot after every chunk: the most a streaming UI would ask for. Also times each quarter of the
 * chunks separately, to show whether the cost of a chunk grows with the text already parsed.
 */
function withSnapshots(chunks: readonly string[]): { total: number; quarters: number[] } {
  const quarters = [0, 0, 0, 0];
  const p = createSolutionParser();
  const bounds = [1, 2, 3, 4].map((q) => Math.round((chunks.length * q) / 4));
  let i = 0;
  for (let q = 0; q < 4; q++) {
    const t0 = now();
    for (; i < bounds[q]!; i++) {
      p.push(chunks[i]!);
      p.snapshot();
    }
    if (q === 3) {
      p.end();
      p.snapshot();
    }
    quarters[q] = now() - t0;
  }
  return { total: quarters.reduce((a, b) => a + b, 0), quarters };
}

/**
 * What streamdown does on every token: `remend` the whole text so far (close unfinished markup), then split
 * it into blocks. Its `<Streamdown>` component runs `parseMarkdownIntoBlocks(remend(children))` on each
 * render in streaming mode (node_modules/streamdown/dist/chunk-*.js: the `Streamdown` component's
 * `useMemo` calling the default `parseMarkdownIntoBlocksFn`), and streamdown exports that same function,
 * so it is imported rather than copied. The Markdown → React rendering of blocks is not counted.
 */
function streamdownStep(textSoFar: string): number {
  return parseMarkdownIntoBlocks(remend(textSoFar)).length;
}

function streamdownFull(chunks: readonly string[]): { total: number; quarters: number[] } {
  const quarters = [0, 0, 0, 0];
  const bounds = [1, 2, 3, 4].map((q) => Math.round((chunks.length * q) / 4));
  let soFar = '';
  let i = 0;
  for (let q = 0; q < 4; q++) {
    const t0 = now();
    for (; i < bounds[q]!; i++) {
      soFar += chunks[i]!;
      streamdownStep(soFar);
    }
    quarters[q] = now() - t0;
  }
  return { total: quarters.reduce((a, b) => a + b, 0), quarters };
}

/**
 * Estimates the full streaming cost from evenly spaced prefixes: the cost of a step depends on the length of
 * the text so far, so the mean over evenly spaced prefixes times the number of chunks estimates the total.
 */
function streamdownSampled(text: string, chunkCount: number): { total: number; quarters: number[]; samples: number } {
  const perQuarter: number[][] = [[], [], [], []];
  const all: number[] = [];
  for (let k = 0; k < STREAMDOWN_SAMPLES; k++) {
    const chunkIndex = Math.floor(((k + 0.5) * chunkCount) / STREAMDOWN_SAMPLES);
    const prefix = text.slice(0, Math.min(text.length, (chunkIndex + 1) * CHUNK));
    const t0 = now();
    streamdownStep(prefix);
    const t = now() - t0;
    all.push(t);
    perQuarter[Math.min(3, Math.floor((chunkIndex * 4) / chunkCount))]!.push(t);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    total: mean(all) * chunkCount,
    quarters: perQuarter.map((xs) => (mean(xs) * chunkCount) / 4),
    samples: STREAMDOWN_SAMPLES,
  };
}

interface Result {
  input: Input;
  oneShot: Timing;
  pushOnly: Timing;
  snapshots: Timing;
  /** Median time of each quarter of the chunks, snapshot after every chunk. */
  quarters: number[];
  streamdown: { total: number; quarters: number[]; note: string };
}

function run(input: Input, full: boolean): Result {
  const { text, chunks, plan } = input;
  const one = measure(() => oneShot(text), plan);
  const push = measure(() => pushOnly(chunks), plan);
  const quarterRuns: number[][] = [[], [], [], []];
  const snaps = measure(() => {
    const r = withSnapshots(chunks);
    r.quarters.forEach((t, q) => quarterRuns[q]!.push(t));
    return r.total;
  }, plan);
  // The warm-up calls also recorded quarters; keep only the timed runs.
  const quarters = quarterRuns.map((xs) => median(xs.slice(plan.warmup)));

  let streamdown: Result['streamdown'];
  if (input.streamdownFull || full) {
    const sdPlan = { warmup: 1, runs: input.streamdownFull ? 3 : 1 };
    const sdQuarters: number[][] = [[], [], [], []];
    const t = measure(() => {
      const r = streamdownFull(chunks);
      r.quarters.forEach((x, q) => sdQuarters[q]!.push(x));
      return r.total;
    }, input.streamdownFull ? sdPlan : { warmup: 0, runs: 1 });
    const skip = input.streamdownFull ? sdPlan.warmup : 0;
    streamdown = {
      total: t.median,
      quarters: sdQuarters.map((xs) => median(xs.slice(skip))),
      note: `every chunk, median of ${t.runs} run${t.runs === 1 ? '' : 's'}`,
    };
  } else {
    streamdownSampled(text, chunks.length); // warm-up
    const r = streamdownSampled(text, chunks.length);
    streamdown = { total: r.total, quarters: r.quarters, note: `estimated from ${r.samples} evenly spaced prefixes` };
  }
  return { input, oneShot: one, pushOnly: push, snapshots: snaps, quarters, streamdown };
}

const clip = (t: string) => (t.length > 40 ? `${t.slice(0, 37)}…` : t);
const perChunk = (ms: number, chunks: number) => formatMs(ms / chunks);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (r: number) => (r <= RATIO_TARGET ? `within target ≤ ${RATIO_TARGET}` : `ABOVE target ≤ ${RATIO_TARGET}`);

export async function benchParser(): Promise<string[]> {
  const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';
  const records = loadResponses();
  const longest = records.reduce((a, b) => (b.response.length > a.response.length ? b : a));
  const all = records.map((r) => r.response).join('\n\n');
  const inputs: Input[] = [
    {
      label: `longest dev record (${longest.id})`,
      text: longest.response,
      chunks: chunksOf(longest.response, CHUNK),
      plan: { warmup: 10, runs: 21 },
      streamdownFull: true,
    },
    {
      label: `all ${records.length} dev records joined by "\\n\\n"`,
      text: all,
      chunks: chunksOf(all, CHUNK),
      plan: { warmup: 3, runs: 15 },
      streamdownFull: false,
    },
  ];

  const out: string[] = [
    `Parser: src/core/solution/parse-solution.ts on ../shared/corpus/dev.jsonl, ${CHUNK}-character chunks`,
    'Times are medians after warm-up runs. Streaming target: incremental / one-shot ≤ 3 (linear, not quadratic).',
  ];
  for (const input of inputs) {
    const r = run(input, full);
    const n = input.chunks.length;
    const [q1, , , q4] = r.quarters;
    const [s1, , , s4] = r.streamdown.quarters;
    const quarterChunks = n / 4;
    const parsed = parseSolution(input.text);
    const rows: string[][] = [
      ['input', `${formatInt(input.text.length)} characters, ${formatInt(n)} chunks`],
      ['parsed as', `${parsed.steps.length} steps${parsed.preamble ? ' + preamble' : ''}, answer ${parsed.answer ? JSON.stringify(clip(parsed.answer.text)) : 'none'}`],
      ['one-shot parseSolution', formatMs(r.oneShot.median), `(${r.oneShot.runs} runs, min ${formatMs(r.oneShot.min)})`],
      [
        'incremental, push only',
        formatMs(r.pushOnly.median),
        `ratio ${ratio(r.pushOnly.median, r.oneShot.median)} — ${verdict(r.pushOnly.median / r.oneShot.median)}`,
      ],
      [
        'incremental, snapshot every chunk',
        formatMs(r.snapshots.median),
        `ratio ${ratio(r.snapshots.median, r.oneShot.median)} — ${verdict(r.snapshots.median / r.oneShot.median)}`,
      ],
      ['  per chunk (push + snapshot)', perChunk(r.snapshots.median, n), `first quarter ${formatMs(q1! / quarterChunks)}, last quarter ${formatMs(q4! / quarterChunks)}`],
      ['streamdown per token: remend + blocks', formatMs(r.streamdown.total), `(${r.streamdown.note})`],
      ['  per chunk', perChunk(r.streamdown.total, n), `first quarter ${formatMs(s1! / quarterChunks)}, last quarter ${formatMs(s4! / quarterChunks)}`],
      ['streamdown / incremental with snapshots', ratio(r.streamdown.total, r.snapshots.median)],
    ];
    out.push('', input.label, ...table(rows, [40, 12]).map((l) => `  ${l}`));
  }
  if (!full) out.push('', 'streamdown on the joined records is estimated; run `npm run bench -- parser --full` to time every chunk (~20 min).');
  return out;
}
