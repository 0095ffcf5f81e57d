/**
 * Test support (not shipped): a second Markdown + math reader, markdown-it with markdown-it-texmath's
 * `dollars` rules, for the parser's differential test. Lists the formulas it reads, in document order.
 */
import MarkdownIt from 'markdown-it';
// @ts-expect-error: the plugin ships no types
import texmath from 'markdown-it-texmath';
import type { MathSegment } from './corpus-metrics.ts';

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}

// The renderer (KaTeX) is never called: only the token stream is read.
const md = new MarkdownIt().use(texmath, { delimiters: 'dollars', engine: { renderToString: () => '' } });

const DISPLAY = new Set(['math_block', 'math_block_eqno', 'math_inline_double']);

export function markdownItFormulas(markdown: string): MathSegment[] {
  const out: MathSegment[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type.startsWith('math_')) out.push({ tex: t.content, display: DISPLAY.has(t.type) });
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}) as Token[]);
  return out;
}
