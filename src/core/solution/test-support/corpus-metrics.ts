/**
 * Test support (not shipped): loads the dev corpus and measures a parse the way a user would see it —
 * where steps start, whether every formula renders in KaTeX, whether raw LaTeX is left in the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import 'katex/contrib/mhchem';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import type { Solution } from '../solution.ts';

export interface CorpusRecord {
  id: string;
  model: string;
  problem: string;
  response: string;
  gold_answer: string | null;
  gold_steps: string[] | null;
  step_join?: string;
}

export const CORPUS_PATH = fileURLToPath(new URL('../../../../../shared/corpus/dev.jsonl', import.meta.url));

export function loadCorpus(path = CORPUS_PATH): CorpusRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusRecord);
}

const firstNonSpace = (text: string, at: number) => {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
};

/** Where the gold steps start (first non-space character of each), in the response. */
export function goldBoundaries(r: CorpusRecord): number[] {
  const steps = r.gold_steps ?? [];
  const join = r.step_join ?? '\n\n';
  const out: number[] = [];
  let at = 0;
  for (const s of steps) {
    out.push(firstNonSpace(r.response, at));
    at += s.length + join.length;
  }
  return out;
}

/** Where our parts start: preamble, each step, the answer section. */
export function parsedBoundaries(text: string, s: Solution): number[] {
  const starts = new Set<number>();
  if (s.preamble) starts.add(firstNonSpace(text, s.preamble.source[0]));
  for (const st of s.steps) starts.add(firstNonSpace(text, st.source[0]));
  const lastStepEnd = s.steps.length > 0 ? s.steps[s.steps.length - 1]!.source[1] : 0;
  if (s.answer && s.answer.source[0] >= lastStepEnd) starts.add(firstNonSpace(text, s.answer.source[0]));
  return [...starts].sort((a, b) => a - b);
}

export function f1(gold: number[], got: number[]): number {
  const g = new Set(gold);
  const hit = got.filter((x) => g.has(x)).length;
  if (gold.length === 0 && got.length === 0) return 1;
  const p = got.length === 0 ? 0 : hit / got.length;
  const r = gold.length === 0 ? 0 : hit / gold.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

export interface MathSegment {
  tex: string;
  display: boolean;
}

/** Parses canonical Markdown as the app does (remark-math defaults) into math segments and plain text. */
export function splitMarkdown(md: string): { math: MathSegment[]; text: string[] } {
  const tree = fromMarkdown(md, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] }) as MdNode;
  const mathOut: MathSegment[] = [];
  const text: string[] = [];
  const walk = (n: MdNode) => {
    if (n.type === 'math' || n.type === 'inlineMath') mathOut.push({ tex: n.value ?? '', display: n.type === 'math' });
    else if (n.type === 'code' || n.type === 'inlineCode' || n.type === 'html') return;
    else if (n.type === 'text') text.push(n.value ?? '');
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return { math: mathOut, text };
}

export function renderError(seg: MathSegment): string | null {
  try {
    katex.renderToString(seg.tex, { displayMode: seg.display, throwOnError: true, strict: 'ignore' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export const RAW_LATEX_MARKERS = ['\\frac', '\\sqrt', '\\(', '\\[', '\\begin{', '\\boxed', '^{', '_{'];

/** Every Markdown text a user sees for a solution: titles, bodies, preamble. */
export function visibleMarkdown(s: Solution): string[] {
  const out: string[] = [];
  if (s.preamble) out.push(s.preamble.text);
  for (const st of s.steps) out.push(st.title, st.body);
  return out;
}

/** The content of the last `\boxed{…}` in a text, found independently of the parser. */
export function lastBoxedIn(text: string): string | null {
  const at = text.lastIndexOf('\\boxed{');
  if (at < 0) return null;
  let depth = 0;
  for (let j = at + 6; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(at + 7, j).trim();
  }
  return null;
}
