import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runParseCli, type ParseCliIo } from './parse-cli.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'stepwise-parse-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANSWER = [
  'Solve \\(2x + 3 = 11\\).',
  '',
  '## Step 1: Move the constant term',
  'Subtract \\(3\\) from both sides:',
  '\\[ 2x = 8 \\]',
  '',
  '## Step 2: Divide by two',
  '\\[ x = 4 \\]',
  '',
  '## Answer',
  '\\[ \\boxed{x = 4} \\]',
  '',
].join('\n');

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], stdin: string | Uint8Array = ''): Promise<Run> {
  let out = '';
  let err = '';
  const io: ParseCliIo = {
    readFile: (path) => readFile(path),
    readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  };
  const code = await runParseCli(argv, io);
  return { code, out, err };
}

interface JsonSolution {
  preamble: { text: string; source: [number, number] } | null;
  steps: { title: string; body: string; source: [number, number]; complete: boolean }[];
  answer: { text: string; source: [number, number] } | null;
  thinking: { text: string; source: [number, number] } | null;
}

const devRecords = readFileSync(join(repoRoot, '../shared/corpus/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; response: string });

describe('parse command', () => {
  it('prints the solution of a file as JSON with exactly the documented keys', async () => {
    const r = await run([file('answer.md', ANSWER)]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as JsonSolution;
    expect(Object.keys(json)).toEqual(['preamble', 'steps', 'answer', 'thinking']);
    expect(json.steps.map((s) => s.title)).toEqual(['Move the constant term', 'Divide by two']);
    for (const s of json.steps) expect(Object.keys(s)).toEqual(['title', 'body', 'source', 'complete']);
    expect(json.steps.every((s) => s.complete)).toBe(true);
    expect(json.steps[0]!.body).toContain('$3$');
    expect(json.answer?.text).toBe('x = 4');
    expect(Object.keys(json.answer!)).toEqual(['text', 'source']);
    expect(json.preamble && Object.keys(json.preamble)).toEqual(['text', 'source']);
    expect(json.thinking).toBeNull();
    // Spans are indices into the file's text.
    expect(ANSWER.slice(...json.steps[1]!.source)).toMatch(/^## Step 2: Divide by two/);
    expect(ANSWER.slice(...json.answer!.source)).toContain('\\boxed{x = 4}');
  });

  it('reads standard input when given no FILE or "-"', async () => {
    const fromFile = await run([file('stdin-compare.md', ANSWER)]);
    const noArg = await run([], ANSWER);
    const dash = await run(['-'], ANSWER);
    expect(noArg).toEqual({ code: 0, out: fromFile.out, err: '' });
    expect(dash).toEqual({ code: 0, out: fromFile.out, err: '' });
  });

  it('reports thinking separately from the steps', async () => {
    const r = await run([], '<think>Maybe 4?</think>\n\n## Step 1: Check\n\\(2 \\cdot 4 + 3 = 11\\)\n');
    const json = JSON.parse(r.out) as JsonSolution;
    expect(json.thinking?.text).toBe('Maybe 4?');
    expect(json.steps.map((s) => s.title)).toEqual(['Check']);
  });

  it('with --chunk N prints the same final state as a one-shot parse, on real answers', async () => {
    const longest = devRecords.reduce((a, b) => (b.response.length > a.response.length ? b : a));
    const samples = [devRecords[0]!, devRecords[Math.floor(devRecords.length / 2)]!, longest];
    for (const rec of samples) {
      const path = file(`${rec.id}.txt`, rec.response);
      const whole = await run([path]);
      expect(whole.code).toBe(0);
      for (const argv of [['--chunk', '1', path], [`--chunk=7`, path], ['--chunk', '64', '--', path]]) {
        const chunked = await run(argv);
        expect({ id: rec.id, argv, ...chunked }).toEqual({ id: rec.id, argv, code: 0, out: whole.out, err: '' });
      }
    }
  });

  it('drops a UTF-8 byte-order mark, so spans index into the text after it', async () => {
    const plain = await run([file('nobom.md', ANSWER)]);
    const bom = await run([file('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ANSWER)]))]);
    expect(bom).toEqual(plain);
  });

  it('keeps non-ASCII text and its spans intact', async () => {
    const text = '## Шаг 1: Решение\n\\(x^2 = 4\\), значит \\(x = 2\\) 🎉\n\nОтвет: \\(x = 2\\)\n';
    const r = await run([file('ru.md', text)]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as JsonSolution;
    expect(json.steps[0]!.body).toContain('значит');
    expect(json.steps[0]!.body).toContain('🎉');
    expect(text.slice(...json.steps[0]!.source)).toContain('🎉');
  });

  it('reads a file whose name starts with "-" after "--"', async () => {
    file('-dash.md', ANSWER);
    const r = await run(['--', join(dir, '-dash.md')]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonSolution).answer?.text).toBe('x = 4');
  });

  it('prints usage on --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: npm run --silent parse -- [--chunk N] [FILE|-]');
    expect(r.err).toBe('');
  });

  describe('exits 1 with a clear message and no output', () => {
    const cases: [name: string, argv: () => string[], message: RegExp][] = [
      ['a missing file', () => [join(dir, 'nope.md')], /cannot read ".*nope\.md": no such file/],
      ['a directory', () => [dir], /cannot read ".*": it is a directory/],
      [
        'invalid UTF-8',
        () => [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x24, 0x35]))], // "café $5" in Latin-1
        /cannot read ".*latin1\.txt": it is not valid UTF-8 text \(invalid byte sequence near byte [34]\)/,
      ],
      ['a UTF-8 sequence cut off at the end', () => [file('cut.txt', Buffer.from([0x61, 0xe2, 0x82]))], /not valid UTF-8 text \(invalid byte sequence near byte 1\)/],
      ['--chunk 0', () => ['--chunk', '0'], /--chunk must be a whole number of characters ≥ 1, got "0"/],
      ['--chunk abc', () => ['--chunk', 'abc'], /--chunk must be a whole number of characters ≥ 1, got "abc"/],
      ['--chunk -3', () => ['--chunk', '-3'], /--chunk must be a whole number .* got "-3"/],
      ['--chunk 1.5', () => ['--chunk=1.5'], /--chunk must be a whole number .* got "1\.5"/],
      ['--chunk 1e3', () => ['--chunk', '1e3'], /--chunk must be a whole number .* got "1e3"/],
      ['--chunk without a value', () => ['--chunk'], /--chunk needs a value/],
      ['an unknown option', () => ['--chunks', '4'], /unknown option "--chunks"/],
      ['two files', () => ['a.md', 'b.md'], /expected at most one FILE, got "a\.md" and "b\.md"/],
    ];
    for (const [name, argv, message] of cases) {
      it(name, async () => {
        const r = await run(argv(), ANSWER);
        expect(r.code).toBe(1);
        expect(r.out).toBe('');
        expect(r.err).toMatch(/^parse: /);
        expect(r.err).toMatch(message);
      });
    }

    it('invalid UTF-8 on standard input', async () => {
      const r = await run([], new Uint8Array([0xff, 0xfe, 0x41]));
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/cannot read standard input: it is not valid UTF-8 text/);
    });
  });

  // Each test starts a Node process with tsx: about 3 s when the machine is busy.
  describe('the real command', { timeout: 60_000 }, () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

    it('parses standard input in chunks and exits 0', async () => {
      const expected = (await run([], ANSWER)).out;
      const child = spawn(npm, ['run', '--silent', 'parse', '--', '--chunk', '5'], { cwd: repoRoot });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.stdin.end(ANSWER);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ code, err, out }).toEqual({ code: 0, err: '', out: expected });
    }, 30_000);

    it('exits 1 with a message on a missing file', async () => {
      const missing = join(dir, 'missing.md');
      const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        execFile(npm, ['run', '--silent', 'parse', '--', missing], { cwd: repoRoot }, (error, out, err) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err }),
        );
      });
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toContain(`parse: cannot read "${missing}": no such file`);
    }, 30_000);
  });
});
