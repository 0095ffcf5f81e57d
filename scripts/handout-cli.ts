/**
 * `npm run handout -- INPUT --out FILE.pdf [--mode …] [--paper a4|letter] [--title "…"] [--key-separate]`:
 * a printable handout from an exported set (JSON) or JSON Lines of {"problem", "answer"}, as a PDF.
 *
 * Arguments, input reading and the handout layout live here behind an injected `io`, so tests drive them
 * without a browser; the PDF itself comes from `io.render` (handout-render.ts: the app's own print view in
 * headless Chromium). `handout.ts` is the thin shell.
 */
import { defaultHandoutOptions, layoutHandout, type HandoutDocument, type HandoutMode, type HandoutSource } from '../src/core/handout/handout.ts';
import { HANDOUT_MODES, type Paper } from '../src/core/handout/stored-options.ts';
import { importSetFile } from '../src/core/library/set-file.ts';
import { parseSolution } from '../src/core/solution/parse-solution.ts';

export interface HandoutCliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Renders the document to PDF bytes. */
  render(job: { doc: HandoutDocument; paper: Paper }, log: (line: string) => void): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `Usage: npm run handout -- INPUT --out FILE.pdf [options]

Makes a printable handout (PDF) with the same print view as the app.

  INPUT             an exported Stepwise set (.json), or JSON Lines: one {"problem": "…", "answer": "…"}
                    a line, where "answer" is any model's answer text (parsed like a pasted answer)
  --out FILE.pdf    where to write the PDF (required)
  --mode MODE       problems (with work space, the default), worked, faded (first step shown), key
  --paper PAPER     a4 (the default) or letter
  --title "…"       the handout's title (default: the set's name, or "Worksheet")
  --key-separate    add the answer key on its own page(s) after the problems (default: no key)
  -h, --help        show this help

Exit status: 0 the PDF was written, 1 bad arguments, unreadable input or a failed render.
`;

export interface HandoutArgs {
  input: string;
  out: string;
  mode: HandoutMode;
  paper: Paper;
  title: string | null;
  keySeparate: boolean;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function parseArgs(argv: readonly string[]): Result<HandoutArgs | 'help'> {
  let input: string | null = null;
  const found: { out?: string; mode?: string; paper?: string; title?: string } = {};
  let keySeparate = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: true, value: 'help' };
    if (arg === '--key-separate') {
      keySeparate = true;
      continue;
    }
    const flag = /^--(out|mode|paper|title)(?:=(.*))?$/s.exec(arg);
    if (flag) {
      const name = flag[1] as keyof typeof found;
      const value = flag[2] ?? argv[++i];
      if (value === undefined || value === '') return fail(`--${name} needs a value`);
      found[name] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return fail(`unknown option "${arg}"`);
    if (input !== null) return fail(`expected one INPUT file, got "${input}" and "${arg}"`);
    input = arg;
  }
  if (input === null) return fail('no INPUT file given');
  if (found.out === undefined) return fail('--out FILE.pdf is required');
  const mode = found.mode ?? 'problems';
  if (!HANDOUT_MODES.includes(mode as HandoutMode)) return fail(`--mode must be one of ${HANDOUT_MODES.join(', ')}; got "${mode}"`);
  const paper = (found.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') return fail(`--paper must be a4 or letter; got "${found.paper}"`);
  return { ok: true, value: { input, out: found.out, mode: mode as HandoutMode, paper, title: found.title ?? null, keySeparate } };
}

export interface HandoutInput {
  sources: HandoutSource[];
  /** The set's name, when the input is a set file. */
  name: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A set file (JSON with a "format") or JSON Lines of problems and answers. */
export function readHandoutInput(text: string): Result<HandoutInput> {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    whole = undefined;
  }
  if (isRecord(whole) && ('format' in whole || 'set' in whole)) {
    let n = 0;
    const set = importSetFile(text, { newId: () => `item-${n++}`, now: 0 });
    if (!set.ok) return fail(`${set.error.message} ${set.error.hint}`);
    if (set.value.items.length === 0) return fail(`the set "${set.value.name}" has no solutions in it`);
    return { ok: true, value: { name: set.value.name, sources: set.value.items.map((i) => ({ id: i.id, problem: i.problem, solution: i.solution })) } };
  }
  const sources: HandoutSource[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      return fail(`${where} is not valid JSON (expected {"problem": "…", "answer": "…"} on each line)`);
    }
    if (!isRecord(row) || typeof row.problem !== 'string' || row.problem.trim() === '') return fail(`${where} has no "problem" text`);
    if (row.answer !== undefined && typeof row.answer !== 'string') return fail(`${where}: "answer" must be text`);
    sources.push({ id: `line-${index + 1}`, problem: row.problem, solution: parseSolution(row.answer ?? '') });
  }
  if (sources.length === 0) return fail('it holds no problems (expected an exported set or JSON Lines of {"problem", "answer"})');
  return { ok: true, value: { sources, name: null } };
}

export function buildHandout(input: HandoutInput, args: HandoutArgs): HandoutDocument {
  return layoutHandout(input.sources, {
    ...defaultHandoutOptions(),
    title: args.title ?? input.name ?? 'Worksheet',
    mode: args.mode,
    answerKey: args.keySeparate ? 'separate' : 'none',
  });
}

/** Pages in a PDF written by Chromium (one page object each; the page tree's own objects are "/Pages"). */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const REASONS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' };
const reason = (err: unknown) => REASONS[(err as { code?: string }).code ?? ''] ?? (err instanceof Error ? err.message : String(err));

export async function runHandoutCli(argv: readonly string[], io: HandoutCliIo): Promise<0 | 1> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`handout: ${args.error}. Run with --help for usage.\n`);
    return 1;
  }
  if (args.value === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const a = args.value;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(a.input));
  } catch (err) {
    io.stderr(`handout: cannot read "${a.input}": ${err instanceof TypeError ? 'it is not UTF-8 text' : reason(err)}\n`);
    return 1;
  }
  const input = readHandoutInput(text);
  if (!input.ok) {
    io.stderr(`handout: "${a.input}": ${input.error}\n`);
    return 1;
  }
  const doc = buildHandout(input.value, a);
  let pdf: Uint8Array;
  try {
    pdf = await io.render({ doc, paper: a.paper }, (line) => io.stderr(`handout: ${line}\n`));
  } catch (err) {
    io.stderr(`handout: rendering the PDF failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  try {
    await io.writeFile(a.out, pdf);
  } catch (err) {
    io.stderr(`handout: cannot write "${a.out}": ${reason(err)}\n`);
    return 1;
  }
  const pages = countPdfPages(pdf);
  const problems = input.value.sources.length;
  io.stdout(`handout: wrote ${a.out} (${pages} page${pages === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'}, ${a.mode} mode, ${a.paper === 'a4' ? 'A4' : 'Letter'})\n`);
  return 0;
}
