import { createSolutionParser, type ParserOptions } from '../parse-solution.ts';
import type { Solution } from '../solution.ts';

/** Feeds `text` in chunks of `size` and returns the snapshot after each chunk and the final one. */
export function parseInChunks(text: string, size: number, options: ParserOptions = {}): { snaps: Solution[]; final: Solution } {
  const p = createSolutionParser(options);
  const snaps: Solution[] = [];
  for (let i = 0; i < text.length; i += size) {
    p.push(text.slice(i, i + size));
    snaps.push(p.snapshot());
  }
  p.end();
  return { snaps, final: p.snapshot() };
}
