import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSetFile } from '../src/core/library/set-file.ts';
import { parseSolution } from '../src/core/solution/parse-solution.ts';
import { countPdfPages, parseArgs, readHandoutInput, runHandoutCli, type HandoutCliIo } from './handout-cli.ts';
import { renderHandoutPdf } from './handout-render.ts';

const dir = mkdtempSync(join(tmpdir(), 'handout-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Real file reads and writes; the renderer fails the test if reached, unless one is given. */
function io(render?: HandoutCliIo['render']) {
  const out = { stdout: '', stderr: '', written: new Map<string, Uint8Array>() };
  const cli: HandoutCliIo = {
    readFile: async (path) => readFileSync(path),
    writeFile: async (path, data) => {
      writeFileSync(path, data);
      out.written.set(path, data);
    },
    render: render ?? (async () => expect.unreachable('bad input must stop before rendering')),
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  };
  return { cli, out };
}

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const good = file('good.jsonl', jsonl([
  { problem: 'Solve $2x + 3 = 7$.', answer: '1. Subtract 3:\n$$2x = 4$$\n2. Divide by 2:\n$$x = \\frac{4}{2} = 2$$\n\n\\boxed{x = 2}' },
  { problem: 'Compute \\(\\frac{1}{2} + \\frac{1}{3}\\).', answer: 'Add: $\\frac{3}{6} + \\frac{2}{6} = \\frac{5}{6}$, so $\\boxed{\\frac{5}{6}}$.' },
]));

describe('arguments', () => {
  it('reads every flag, in either form', () => {
    expect(parseArgs(['in.jsonl', '--out', 'x.pdf', '--mode=faded', '--paper', 'Letter', '--title', 'Quiz 3', '--key-separate'])).toEqual({
      ok: true,
      value: { input: 'in.jsonl', out: 'x.pdf', mode: 'faded', paper: 'letter', title: 'Quiz 3', keySeparate: true },
    });
    expect(parseArgs(['in.jsonl', '--out', 'x.pdf'])).toEqual({
      ok: true,
      value: { input: 'in.jsonl', out: 'x.pdf', mode: 'problems', paper: 'a4', title: null, keySeparate: false },
    });
  });

  it.each([
    [['in.jsonl'], '--out FILE.pdf is required'],
    [['--out', 'x.pdf'], 'no INPUT file given'],
    [['in.jsonl', '--out'], '--out needs a value'],
    [['in.jsonl', '--out', 'x.pdf', '--mode', 'poster'], '--mode must be one of problems, worked, faded, key; got "poster"'],
    [['in.jsonl', '--out', 'x.pdf', '--paper', 'a3'], '--paper must be a4 or letter; got "a3"'],
    [['in.jsonl', '--out', 'x.pdf', '--colour'], 'unknown option "--colour"'],
    [['a.jsonl', 'b.jsonl', '--out', 'x.pdf'], 'expected one INPUT file, got "a.jsonl" and "b.jsonl"'],
  ])('%j → exit 1: %s', async (argv, message) => {
    const { cli, out } = io();
    expect(await runHandoutCli(argv, cli)).toBe(1);
    expect(out.stderr).toBe(`handout: ${message}. Run with --help for usage.\n`);
    expect(out.stdout).toBe('');
  });

  it('--help prints the usage', async () => {
    const { cli, out } = io();
    expect(await runHandoutCli(['--help'], cli)).toBe(0);
    expect(out.stdout).toContain('--key-separate');
  });
});

describe('input', () => {
  const fails = async (name: string, text: string | null, message: string) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const { cli, out } = io();
    expect(await runHandoutCli([path, '--out', join(dir, 'never.pdf')], cli)).toBe(1);
    expect(out.stderr).toBe(message.replace('PATH', path));
    expect(out.written.size).toBe(0);
  };

  it('a missing file', () => fails('missing.jsonl', null, 'handout: cannot read "PATH": no such file\n'));
  it('a line that is not JSON, by its line number', () =>
    fails('bad-json.jsonl', `${jsonl([{ problem: 'a', answer: 'b' }])}\n\n{"problem": "c",`, 'handout: "PATH": line 3 is not valid JSON (expected {"problem": "…", "answer": "…"} on each line)\n'));
  it('a line without a problem', () => fails('no-problem.jsonl', jsonl([{ problem: 'a' }, { answer: '42' }]), 'handout: "PATH": line 2 has no "problem" text\n'));
  it('an answer that is not text', () => fails('bad-answer.jsonl', jsonl([{ problem: 'a', answer: 42 }]), 'handout: "PATH": line 1: "answer" must be text\n'));
  it('an empty file', () => fails('empty.jsonl', '\n\n', 'handout: "PATH": it holds no problems (expected an exported set or JSON Lines of {"problem", "answer"})\n'));
  it('an invalid set file, with the importer’s reason', () =>
    fails(
      'newer.json',
      JSON.stringify({ format: 'stepwise-set', version: 99, set: {} }),
      'handout: "PATH": The set was exported by a newer version of Stepwise (file format v99; this app reads up to v1). Update Stepwise (reload the page, or install the newer version), then import it again.\n',
    ));

  it('an exported set: its problems in order, its name as the default title', () => {
    const solution = parseSolution('1. First\n$$x = 1$$\n2. Then\n\\boxed{1}');
    const item = (problem: string) => ({ id: problem, problem, solution, answerText: '', source: 'pasted' as const, model: '', addedAt: 1 });
    const text = exportSetFile({ id: 's', name: 'Week 3', tags: [], createdAt: 1, updatedAt: 1, items: [item('A'), item('B')] }, 2);
    const read = readHandoutInput(text);
    expect(read.ok && read.value.name).toBe('Week 3');
    expect(read.ok && read.value.sources.map((s) => [s.problem, s.solution.steps.length, s.solution.answer?.text])).toEqual([
      ['A', 2, '1'],
      ['B', 2, '1'],
    ]);
  });

  it('JSON Lines answers are parsed like a pasted answer', () => {
    const read = readHandoutInput(readFileSync(good, 'utf8'));
    expect(read.ok && read.value.sources.map((s) => [s.solution.steps.length, s.solution.answer?.text])).toEqual([
      [2, 'x = 2'],
      [1, '\\frac{5}{6}'],
    ]);
  });

  it('a render failure is reported, and nothing is written', async () => {
    const { cli, out } = io(async () => {
      throw new Error('Chromium did not start');
    });
    expect(await runHandoutCli([good, '--out', join(dir, 'x.pdf')], cli)).toBe(1);
    expect(out.stderr).toBe('handout: rendering the PDF failed: Chromium did not start\n');
    expect(out.written.size).toBe(0);
  });
});

describe('a real PDF', () => {
  it('renders the print view in Chromium: a PDF with the numbered problems and the key', { timeout: 180_000 }, async () => {
    const pdfPath = join(dir, 'out.pdf');
    const { cli, out } = io(renderHandoutPdf);
    expect(await runHandoutCli([good, '--out', pdfPath, '--mode', 'worked', '--paper', 'letter', '--key-separate', '--title', 'Two problems'], cli)).toBe(0);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = countPdfPages(pdf);
    expect(out.stdout).toBe(`handout: wrote ${pdfPath} (${pages} pages, 2 problems, worked mode, Letter)\n`);
    const { stdout: text } = await promisify(execFile)('pdftotext', [pdfPath, '-']);
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(pages);
    expect(text).toContain('Two problems');
    expect(text).toMatch(/(^|\n)1\.\s/);
    expect(text).toMatch(/(^|\n)2\.\s/);
    expect(text).toContain('Answer key');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).not.toMatch(/\\frac|\\boxed|\$/);
  });
});
