/**
 * `npm run --silent parse -- [--chunk N] [FILE|-]`: prints the Solution parsed from a model's answer as JSON.
 *
 * The logic lives here, behind an injected `io`, so tests can drive it without spawning a process;
 * `parse.ts` is the thin shell that wires it to the real stdin/stdout/filesystem.
 */
import { readFile } from 'node:fs/promises';
import { createSolutionParser, parseSolution } from '../src/core/solution/parse-solution.ts';
import type { Solution } from '../src/core/solution/solution.ts';

export interface ParseCliIo {
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 success, 1 bad usage or unreadable input, 2 the parser itself failed (a bug). */
export type ExitCode = 0 | 1 | 2;

export const USAGE = `Usage: npm run --silent parse -- [--chunk N] [FILE|-]

Parses a model's answer into a Solution and prints it as JSON on stdout:
  {"preamble":{"text","source"}|null,
   "steps":[{"title","body","source":[start,end],"complete"}],
   "answer":{"text","source"}|null,
   "thinking":{"text","source"}|null}
Spans are [start, end) JavaScript string indices into the input text (UTF-8 decoded, byte-order mark removed).

  FILE        UTF-8 text file to parse; "-" or no FILE reads standard input
  --chunk N   feed the input N characters (UTF-16 code units) at a time through the
              incremental parser and print its final state after the stream ends
  -h, --help  show this help

Exit status: 0 success, 1 bad arguments or unreadable input, 2 internal parser error.
`;

type Args = { help: true } | { help: false; chunk: number | null; file: string | null };
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseArgs(argv: readonly string[]): Result<Args> {
  let chunk: number | null = null;
  let file: string | null = null;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!optionsEnded && (arg === '-h' || arg === '--help')) return { ok: true, value: { help: true } };
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && (arg === '--chunk' || arg.startsWith('--chunk='))) {
      const raw = arg === '--chunk' ? argv[++i] : arg.slice('--chunk='.length);
      if (raw === undefined) return { ok: false, error: '--chunk needs a value: a whole number of characters ≥ 1' };
      // Digits only: Number() would accept "1e3", " 5", "0x10", which are more likely typos than intent.
      if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
        return { ok: false, error: `--chunk must be a whole number of characters ≥ 1, got "${raw}"` };
      }
      chunk = Number(raw);
      continue;
    }
    if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      return { ok: false, error: `unknown option "${arg}"` };
    }
    if (file !== null) return { ok: false, error: `expected at most one FILE, got "${file}" and "${arg}"` };
    file = arg;
  }
  return { ok: true, value: { help: false, chunk, file } };
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the file name is too long',
};

function describeReadError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in FS_REASONS) return FS_REASONS[code]!;
  return err instanceof Error ? err.message : String(err);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): Result<string> {
  try {
    return { ok: true, value: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return { ok: false, error: `it is not valid UTF-8 text (invalid byte sequence near byte ${at})` };
  }
}

/** Where decoding went wrong, so the message can point at it; only called once decoding has failed. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // In streaming mode a prefix fails only on a real error (a cut sequence at its end may still continue),
  // and once a prefix fails every longer one does: so binary search for the shortest failing prefix.
  const fails = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) {
    // The only problem is a sequence cut off by the end of the input: point at its first byte.
    let i = bytes.length - 1;
    while (i > 0 && (bytes[i]! & 0xc0) === 0x80) i--;
    return i;
  }
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

function parseInChunks(text: string, size: number): Solution {
  const parser = createSolutionParser();
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  parser.end();
  return parser.snapshot();
}

/** Exactly the documented keys, in the documented order, whatever else a Solution may carry. */
export function solutionToJson(s: Solution): unknown {
  const part = (p: { text: string; source: readonly [number, number] } | null) =>
    p === null ? null : { text: p.text, source: [p.source[0], p.source[1]] };
  return {
    preamble: part(s.preamble),
    steps: s.steps.map((st) => ({
      title: st.title,
      body: st.body,
      source: [st.source[0], st.source[1]],
      complete: st.complete,
    })),
    answer: part(s.answer),
    thinking: part(s.thinking),
  };
}

/** Indented JSON with each [start, end] span kept on one line (JSON strings hold no raw newlines, so this is safe). */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\n\s*(\d+),\n\s*(\d+)\n\s*\]/g, '[$1, $2]');
}

export async function runParseCli(argv: readonly string[], io: ParseCliIo): Promise<ExitCode> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`parse: ${args.error}\nRun with --help for usage.\n`);
    return 1;
  }
  if (args.value.help) {
    io.stdout(USAGE);
    return 0;
  }
  const { file, chunk } = args.value;
  const fromStdin = file === null || file === '-';
  const inputName = fromStdin ? 'standard input' : `"${file}"`;

  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await io.readStdin() : await io.readFile(file!);
  } catch (err) {
    io.stderr(`parse: cannot read ${inputName}: ${describeReadError(err)}\n`);
    return 1;
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) {
    io.stderr(`parse: cannot read ${inputName}: ${text.error}\n`);
    return 1;
  }

  let solution: Solution;
  try {
    solution = chunk === null ? parseSolution(text.value) : parseInChunks(text.value, chunk);
  } catch (err) {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr(`parse: internal error while parsing ${inputName} (please report it with the input):\n${detail}\n`);
    return 2;
  }
  io.stdout(`${formatJson(solutionToJson(solution))}\n`);
  return 0;
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(chunks);
}

export const nodeIo: ParseCliIo = {
  readFile: (path) => readFile(path),
  readStdin: () => readAll(process.stdin),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
