/**
 * `npm run bench [-- SECTION…] [--full]`: prints benchmark figures, one section per module (all by default).
 *
 * A benchmark, not a test: it reports numbers and never fails on a timing. Each section is a module
 * `bench/<name>.bench.ts` exporting `async function bench<Name>(): Promise<string[]>` (lines to print).
 * Sections whose file does not exist yet are skipped, so sections can be added independently.
 */
import { cpus } from 'node:os';

interface Section {
  name: string;
  file: string;
  exportName: string;
}

const SECTIONS: readonly Section[] = [
  { name: 'parser', file: './parser.bench.ts', exportName: 'benchParser' },
  { name: 'solver', file: './solver.bench.ts', exportName: 'benchSolver' },
  { name: 'ui', file: './ui.bench.ts', exportName: 'benchUi' },
  { name: 'reveal', file: './reveal.bench.ts', exportName: 'benchReveal' },
  { name: 'check', file: './check.bench.ts', exportName: 'benchCheck' },
];

/** Options sections read from process.argv themselves. `--full`: no sampling, time everything (slow). */
const FLAGS: readonly string[] = ['--full'];

type Loaded = { ok: true; run: () => Promise<string[]> } | { ok: false; missing: true } | { ok: false; missing: false; error: string };

async function load(section: Section): Promise<Loaded> {
  const url = new URL(section.file, import.meta.url);
  let mod: Record<string, unknown>;
  try {
    // A computed specifier, so the type checker does not require sections that have not been written yet.
    mod = (await import(url.href)) as Record<string, unknown>;
  } catch (err) {
    const e = err as { code?: unknown; url?: unknown };
    // Only the section file itself being absent means "skip"; a missing import inside it is a real error.
    if (e.code === 'ERR_MODULE_NOT_FOUND' && e.url === url.href) return { ok: false, missing: true };
    return { ok: false, missing: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  const fn = mod[section.exportName];
  if (typeof fn !== 'function') {
    return { ok: false, missing: false, error: `${section.file} does not export a function ${section.exportName}()` };
  }
  return { ok: true, run: fn as () => Promise<string[]> };
}

async function main(argv: readonly string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const badFlags = flags.filter((f) => !FLAGS.includes(f));
  if (badFlags.length > 0) {
    process.stderr.write(`bench: unknown option ${badFlags.join(', ')}; known: ${FLAGS.join(', ')}\n`);
    return 1;
  }
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown section ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}\n`);
    return 1;
  }
  const selected = wanted.length === 0 ? SECTIONS : SECTIONS.filter((s) => wanted.includes(s.name));

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Stepwise benchmarks — Node ${process.version}, ${cpu} × ${cpus().length}, ${new Date().toISOString()}`);
  let failed = false;
  for (const section of selected) {
    const loaded = await load(section);
    if (!loaded.ok && loaded.missing) {
      if (wanted.length > 0) {
        process.stderr.write(`bench: section "${section.name}" was asked for but ${section.file} does not exist\n`);
        failed = true;
      }
      continue;
    }
    console.log(`\n=== ${section.name} ===`);
    if (!loaded.ok) {
      console.log(`section failed to load:\n${loaded.error}`);
      failed = true;
      continue;
    }
    try {
      for (const line of await loaded.run()) console.log(line);
    } catch (err) {
      console.log(`section failed:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
