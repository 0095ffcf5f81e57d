/**
 * Acceptance for handouts: six real answers from the corpus, saved in a library set, printed to PDF from the
 * handout page (worked mode, answer key on its own page) on A4 and Letter, and by `npm run handout` (faded, A4).
 * Each PDF is checked with poppler: problem numbers, the key starting on a fresh page, no raw LaTeX in the
 * text, and no step or answer cut by a page break, measured two ways: the print layout's own block heights
 * placed where the PDF shows each block's label, and the page images' rows at the bottom of the text area.
 * The page images are kept in /tmp/handout-pages/ for a person to look at.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryItem, LibrarySet } from '../src/core/library/library.ts';
import { toStored } from '../src/core/library/stored-set.ts';
import { parseSolution } from '../src/core/solution/parse-solution.ts';
import { openPage, ROOT_DIR, startApp, type AppUnderTest } from './harness.ts';

const run = promisify(execFile);
const PAGES_DIR = '/tmp/handout-pages';
const WORK_DIR = join(PAGES_DIR, 'work');

/** Varied on purpose: different models, \frac and \sqrt, several display equations each, a boxed answer. */
const RECORD_IDS = ['processbench-0017', 'processbench-0018', 'processbench-0042', 'processbench-0058', 'qwen25math-0005', 'qwen25math-0022'];

interface CorpusRecord {
  id: string;
  model: string;
  problem: string;
  response: string;
}

const corpus = new Map(
  readFileSync(join(ROOT_DIR, '../shared/corpus/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusRecord)
    .map((r) => [r.id, r]),
);
const records = RECORD_IDS.map((id) => corpus.get(id)!);

const SET_ID = 'e2e-handout-set';
const set: LibrarySet = {
  id: SET_ID,
  name: 'Corpus six',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  items: records.map(
    (r, i): LibraryItem => ({ id: `item-${i}`, problem: r.problem, solution: parseSolution(r.response), answerText: r.response, source: 'model', model: r.model, addedAt: 1 }),
  ),
};

/** The @page margins of the print view (page-css.ts), in points. */
const MM = 72 / 25.4;
const MARGIN = { top: 16 * MM, side: 15 * MM, bottom: 18 * MM };
const CSS_PX = 0.75; // points per CSS pixel
const PAPER_MM = { a4: { width: 210, height: 297 }, letter: { width: 215.9, height: 279.4 } };

/** Anything here in extracted text means some math was printed as source instead of typeset. */
const RAW_LATEX = [/\\[a-zA-Z]+/, /\\[()[\]]/, /\$/, /\^\{/, /_\{/, /\\\\/];

/** Where each kept-together block sits in the print layout: its label's word and offsets, and its height (CSS px). */
interface BlockBox {
  word: string;
  labelX: number;
  labelTop: number;
  height: number;
}

interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
}

interface PdfCheck {
  pages: string[];
  words: PdfWord[];
  pageHeight: number;
}

async function readPdf(file: string): Promise<PdfCheck> {
  const { stdout: text } = await run('pdftotext', [file, '-']);
  const { stdout: bbox } = await run('pdftotext', ['-bbox', file, '-']);
  const words: PdfWord[] = [];
  let page = -1;
  let pageHeight = 0;
  for (const line of bbox.split('\n')) {
    const p = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageHeight = Number(p[1]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, xMin: Number(w[1]), yMin: Number(w[2]), text: w[3]! });
  }
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return { pages, words, pageHeight };
}

/** Saves the pages as PNG (for people) and checks, on grey-scale renderings, that no ink touches the text area's bottom edge. */
async function checkPageImages(file: string, name: string, pageCount: number, pageHeightPt: number): Promise<void> {
  const dpi = 100;
  await run('pdftoppm', ['-r', '60', '-png', file, join(PAGES_DIR, name)]);
  const gray = join(WORK_DIR, name);
  await run('pdftoppm', ['-r', String(dpi), '-gray', file, gray]);
  for (let n = 1; n <= pageCount; n++) {
    const pgm = readFileSync(`${gray}-${String(n).padStart(String(pageCount).length, '0')}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const scale = height / pageHeightPt;
    const bottom = Math.floor((pageHeightPt - MARGIN.bottom) * scale);
    // The last 3 rows (≈0.8 mm) of the text area: a block sliced by the page break would have ink here.
    for (let y = bottom - 3; y < bottom; y++) {
      let dark = 0;
      for (let x = 0; x < width; x++) if (pixels[y * width + x]! < 160) dark++;
      expect(dark, `${name} page ${n}: ink at the bottom edge of the text area (row ${y}): something is cut by the page break`).toBe(0);
    }
  }
}

function checkText(pdf: PdfCheck, name: string, keyOnOwnPage: boolean): void {
  const all = pdf.pages.join('\n');
  for (const pattern of RAW_LATEX) expect(all, `${name}: raw LaTeX ${pattern} in the printed text`).not.toMatch(pattern);
  const keyPage = pdf.pages.findIndex((p) => p.includes('Answer key'));
  const problemsText = pdf.pages.slice(0, keyPage < 0 ? undefined : keyPage).join('\n');
  for (let n = 1; n <= 6; n++) expect(problemsText, `${name}: problem ${n}`).toMatch(new RegExp(`(^|\\n)${n}\\.(\\s|$)`));
  // Every page opens with a block's start (a problem number, a step's label, the key's heading), never mid-step.
  for (const [i, page] of pdf.pages.entries()) {
    const first = page.split('\n').find((l) => l.trim() !== '')!;
    if (i > 0) expect(first, `${name}: page ${i + 1} opens mid-block`).toMatch(/^(\d+\.|Step \d+|Answer key$)/);
  }
  expect(all).toContain(`Page 1 of ${pdf.pages.length}`);
  expect(all).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
  if (!keyOnOwnPage) return;
  expect(keyPage, `${name}: an answer key`).toBeGreaterThan(0);
  const lines = pdf.pages[keyPage]!.split('\n').filter((l) => l.trim() !== '');
  expect(lines[0], `${name}: the key's heading opens its page`).toBe('Answer key');
  for (const page of pdf.pages.slice(keyPage)) expect(page, `${name}: no worked step on the key's pages`).not.toMatch(/Step \d/);
  for (let n = 1; n <= 6; n++) expect(pdf.pages.slice(keyPage).join('\n')).toMatch(new RegExp(`(^|\\n)${n}\\.(\\s|$)`));
}

/**
 * Each block's box, placed where the PDF printed its label, must end inside the page's text area: a block that
 * ran past the bottom would have been split across pages.
 */
function checkBlocksFit(pdf: PdfCheck, boxes: BlockBox[], name: string): void {
  const labels = pdf.words.filter((w) => w.text === 'Step' || w.text === 'Answer:');
  let next = 0;
  const bottom = pdf.pageHeight - MARGIN.bottom;
  for (const [i, box] of boxes.entries()) {
    const x = MARGIN.side + box.labelX * CSS_PX;
    while (next < labels.length && (labels[next]!.text !== box.word || Math.abs(labels[next]!.xMin - x) > 2)) next++;
    const label = labels[next++];
    expect(label, `${name}: block ${i + 1} ("${box.word}") found in the PDF`).toBeDefined();
    const top = label!.yMin - box.labelTop * CSS_PX;
    expect(top, `${name}: block ${i + 1} starts inside the text area`).toBeGreaterThan(MARGIN.top - 3);
    expect(top + box.height * CSS_PX, `${name}: block ${i + 1} (page ${label!.page + 1}) ends inside the text area`).toBeLessThan(bottom + 3);
  }
}

/** The print layout's kept-together blocks, measured with print CSS at the page's text width. */
async function measureBlocks(page: Page, paper: 'a4' | 'letter'): Promise<BlockBox[]> {
  const widthPx = Math.round(((PAPER_MM[paper].width - 30) * 96) / 25.4);
  await page.setViewportSize({ width: widthPx, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const boxes = await page.evaluate(() => {
    const root = document.querySelector('.handout-print-root')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.handout-print-root .handout-step, .handout-print-root .handout-answer')].map((el) => {
      const label = el.querySelector('.handout-step__label, strong')!;
      const range = document.createRange();
      range.selectNodeContents(label.firstChild!);
      const text = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { word: el.classList.contains('handout-step') ? 'Step' : 'Answer:', labelX: text.left - root.left, labelTop: text.top - box.top, height: box.height, rootWidth: root.width };
    });
  });
  // The print layout must span the text area, or these measurements would not match the PDF's.
  expect(Math.abs(boxes[0]!.rootWidth - widthPx)).toBeLessThan(2);
  return boxes;
}

async function seedLibrary(page: Page): Promise<void> {
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stepwise-library', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('sets', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('sets', 'readwrite');
          tx.objectStore('sets').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    toStored(set, 0),
  );
}

let app: AppUnderTest;

beforeAll(async () => {
  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  rmSync(WORK_DIR, { recursive: true, force: true });
});

describe('handout PDF from the handout page', () => {
  for (const paper of ['a4', 'letter'] as const) {
    it(`worked solutions, key on its own page, ${paper === 'a4' ? 'A4' : 'Letter'}`, { timeout: 90_000 }, async () => {
      const { page, context, errors } = await openPage(app);
      await seedLibrary(page);
      await page.goto(`${app.url}#/handout/${SET_ID}`);
      await page.reload();
      await page.getByRole('heading', { name: 'Handout: Corpus six' }).waitFor();
      const controls = page.getByRole('region', { name: 'Handout options' });
      expect(await controls.getByRole('checkbox', { name: /^Include problem/ }).count()).toBe(6);
      for (const box of await controls.getByRole('checkbox', { name: /^Include problem/ }).all()) expect(await box.isChecked()).toBe(true);
      await controls.getByRole('combobox', { name: 'Mode' }).selectOption('worked');
      await controls.getByRole('combobox', { name: 'Answer key' }).selectOption('separate');
      await controls.getByRole('combobox', { name: 'Paper' }).selectOption(paper);
      await controls.getByRole('textbox', { name: 'Title' }).fill('Worked examples');

      const preview = page.getByRole('region', { name: 'Preview' });
      await expect.poll(() => preview.locator('.handout-step').count()).toBe(set.items.reduce((n, i) => n + i.solution.steps.length, 0));
      await expect.poll(() => preview.locator('.rich-text__plain').count(), { timeout: 20_000 }).toBe(0);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await preview.locator('.katex-error, .math-error').count()).toBe(0);
      expect(await preview.locator('.katex-display').count()).toBeGreaterThanOrEqual(12);

      const boxes = await measureBlocks(page, paper);
      const file = join(PAGES_DIR, `page-${paper}.pdf`);
      writeFileSync(file, await page.pdf({ printBackground: true, preferCSSPageSize: true }));
      const pdf = await readPdf(file);
      expect(pdf.pageHeight).toBeCloseTo(PAPER_MM[paper].height * MM, -1);
      checkText(pdf, paper, true);
      checkBlocksFit(pdf, boxes, paper);
      await checkPageImages(file, `page-${paper}`, pdf.pages.length, pdf.pageHeight);
      // No app chrome in print: the page's own title and buttons are not in the PDF.
      expect(pdf.pages.join('\n')).not.toMatch(/Stepwise|Download|Select all|Library/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('npm run handout', () => {
  it('prints the six answers from JSON Lines as faded examples on A4', { timeout: 120_000 }, async () => {
    const input = join(WORK_DIR, 'six.jsonl');
    writeFileSync(input, records.map((r) => JSON.stringify({ problem: r.problem, answer: r.response })).join('\n'));
    const out = join(PAGES_DIR, 'cli-a4-faded.pdf');
    const tsx = join(ROOT_DIR, 'node_modules/.bin/tsx');
    const { stdout } = await run(tsx, ['scripts/handout.ts', input, '--out', out, '--mode', 'faded', '--paper', 'a4', '--key-separate', '--title', 'Faded examples'], {
      cwd: ROOT_DIR,
    });
    const pdf = await readPdf(out);
    expect(stdout).toBe(`handout: wrote ${out} (${pdf.pages.length} pages, 6 problems, faded mode, A4)\n`);
    expect(pdf.pageHeight).toBeCloseTo(297 * MM, -1);
    checkText(pdf, 'cli', true);
    // Faded: each problem shows its first step; the rest are blank, labelled lines.
    expect(pdf.pages.join('\n').match(/Step 1/g)?.length).toBe(6);
    await checkPageImages(out, 'cli-a4-faded', pdf.pages.length, pdf.pageHeight);
  });

  it('bad input: a clear message and exit code 1', async () => {
    const input = join(WORK_DIR, 'bad.jsonl');
    writeFileSync(input, '{"problem": "Solve x = 1", "answer": "x = 1"}\n{"answer": "no problem here"}\n');
    const tsx = join(ROOT_DIR, 'node_modules/.bin/tsx');
    const failed = await run(tsx, ['scripts/handout.ts', input, '--out', join(WORK_DIR, 'bad.pdf')], { cwd: ROOT_DIR }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toBe(`handout: "${input}": line 2 has no "problem" text\n`);
  });
});
