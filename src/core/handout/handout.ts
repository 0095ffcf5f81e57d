/**
 * Handout layout: from saved solutions and the teacher's options, a pure document model that the print view
 * and the Markdown/LaTeX exporters all render. Page decisions live here (what must not split, where a new
 * page starts) so every output agrees.
 */
import type { Solution } from '../solution/solution.ts';

/**
 * `problems`: problems with space to work. `worked`: full worked solutions. `faded`: the first `fadedSteps`
 * steps shown, the rest left as lined space. `key`: the answer key only.
 */
export type HandoutMode = 'problems' | 'worked' | 'faded' | 'key';

/** `separate`: the key starts on a new page after the problems; `none`: no key. Ignored in `key` mode. */
export type AnswerKeyPlacement = 'none' | 'separate' | 'after';

export interface HandoutOptions {
  title: string;
  instructions: string;
  nameDateLine: boolean;
  numbering: boolean;
  mode: HandoutMode;
  /** Faded mode: how many steps of each solution stay visible. */
  fadedSteps: number;
  answerKey: AnswerKeyPlacement;
  columns: 1 | 2;
  /** Body font size in points. */
  fontSize: number;
  /** Problems mode: ruled lines left under each problem. */
  workLines: number;
}

export const defaultHandoutOptions = (): HandoutOptions => ({
  title: 'Worksheet',
  instructions: 'Show your work.',
  nameDateLine: true,
  numbering: true,
  mode: 'problems',
  fadedSteps: 1,
  answerKey: 'separate',
  columns: 1,
  fontSize: 11,
  workLines: 8,
});

export const FONT_SIZES = [10, 11, 12, 14] as const;

/** One problem to print: the problem text and its solution. */
export interface HandoutSource {
  id: string;
  /** As the user typed it: plain text with LaTeX in any of the usual delimiters. */
  problem: string;
  solution: Solution;
}

export type Block =
  /** A solution step; never split across pages. */
  | { kind: 'step'; index: number; title: string; body: string; keepTogether: true }
  /**
   * Ruled blank space to write in. In faded mode `forStep` names the hidden step it replaces and `hidden`
   * holds that step, so an exporter can offer it as a key (the LaTeX `solutionorlines` environment).
   */
  | { kind: 'lines'; count: number; forStep: number | null; keepTogether: true; hidden?: { title: string; body: string } }
  /** The final answer as LaTeX; `null` when the solution has none. */
  | { kind: 'answer'; latex: string | null; keepTogether: true };

export interface HandoutProblem {
  sourceId: string;
  /** 1-based; null when numbering is off. */
  number: number | null;
  /**
   * As the user typed it (renderers convert it as the app does: problemToMarkdown for the print view, the
   * LaTeX exporter reads every delimiter). Empty in a key that shows only answers.
   */
  problem: string;
  blocks: Block[];
  /** Keep the problem's statement with its first block, so a heading never ends a page alone. */
  keepWithNext: true;
}

export interface HandoutSection {
  kind: 'problems' | 'key';
  heading: string | null;
  pageBreakBefore: boolean;
  columns: 1 | 2;
  problems: HandoutProblem[];
}

export interface HandoutDocument {
  mode: HandoutMode;
  title: string;
  instructions: string;
  nameDateLine: boolean;
  fontSize: number;
  sections: HandoutSection[];
}

/** Lined space for a hidden step: about as much room as the step took, within sensible bounds. */
export function linesForStep(body: string): number {
  const lines = body.split('\n').filter((l) => l.trim() !== '').length;
  const displays = (body.match(/\$\$/g) ?? []).length / 2;
  return Math.min(8, Math.max(2, lines + Math.ceil(displays) + 1));
}

const stepBlock = (solution: Solution, index: number): Block => {
  const step = solution.steps[index]!;
  return { kind: 'step', index, title: step.title, body: step.body, keepTogether: true };
};

const answerBlock = (solution: Solution): Block => ({ kind: 'answer', latex: solution.answer?.text ?? null, keepTogether: true });

function problemBlocks(solution: Solution, options: HandoutOptions): Block[] {
  const steps = solution.steps.map((_, i) => i);
  switch (options.mode) {
    case 'problems':
      return [{ kind: 'lines', count: Math.max(1, Math.round(options.workLines)), forStep: null, keepTogether: true }];
    case 'worked':
      return [...steps.map((i) => stepBlock(solution, i)), answerBlock(solution)];
    case 'faded': {
      const shown = Math.max(0, Math.floor(options.fadedSteps));
      // A solution without steps still needs room for the student's own.
      if (steps.length === 0) return problemBlocks(solution, { ...options, mode: 'problems' });
      return steps.map((i) =>
        i < shown
          ? stepBlock(solution, i)
          : {
              kind: 'lines',
              count: linesForStep(solution.steps[i]!.body),
              forStep: i,
              keepTogether: true,
              hidden: { title: solution.steps[i]!.title, body: solution.steps[i]!.body },
            },
      );
    }
    case 'key':
      return [answerBlock(solution)];
  }
}

const clean = (s: string) => s.trim();

export function layoutHandout(sources: readonly HandoutSource[], options: HandoutOptions): HandoutDocument {
  const number = (i: number) => (options.numbering ? i + 1 : null);
  const sections: HandoutSection[] = [];
  if (options.mode === 'key') {
    // An answer key on its own keeps the problem text: without the worksheet beside it, numbers alone mean nothing.
    sections.push({
      kind: 'key',
      heading: 'Answer key',
      pageBreakBefore: false,
      columns: options.columns,
      problems: sources.map((s, i) => ({ sourceId: s.id, number: number(i), problem: s.problem, blocks: problemBlocks(s.solution, options), keepWithNext: true })),
    });
  } else {
    sections.push({
      kind: 'problems',
      heading: null,
      pageBreakBefore: false,
      columns: options.columns,
      problems: sources.map((s, i) => ({ sourceId: s.id, number: number(i), problem: s.problem, blocks: problemBlocks(s.solution, options), keepWithNext: true })),
    });
    if (options.answerKey !== 'none') {
      sections.push({
        kind: 'key',
        heading: 'Answer key',
        pageBreakBefore: options.answerKey === 'separate',
        columns: options.columns,
        problems: sources.map((s, i) => ({ sourceId: s.id, number: number(i), problem: '', blocks: [answerBlock(s.solution)], keepWithNext: true })),
      });
    }
  }
  return {
    mode: options.mode,
    title: clean(options.title),
    instructions: clean(options.instructions),
    nameDateLine: options.nameDateLine,
    fontSize: nearestFontSize(options.fontSize),
    sections,
  };
}

/** Snaps to the sizes the print view offers (the LaTeX exporter caps at the `exam` class's 12pt). */
export function nearestFontSize(size: number): number {
  let best: number = FONT_SIZES[0];
  for (const s of FONT_SIZES) if (Math.abs(s - size) < Math.abs(best - size)) best = s;
  return best;
}
