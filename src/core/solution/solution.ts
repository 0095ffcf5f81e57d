/** A span of the input text: JavaScript string indices, start inclusive, end exclusive. */
export type Span = [start: number, end: number];

/** One step of a worked solution. */
export interface Step {
  /** The model's own heading or label text, without "Step N:"; empty when it gave none. */
  title: string;
  /** Markdown; math is `$…$` inline and `$$` blocks, as remark-math renders with default options. */
  body: string;
  source: Span;
  /** False only for the step still being written while streaming. */
  complete: boolean;
  /**
   * Only on the step being written: source text received but held back from `body` (an unclosed formula, the
   * line or word still being written), so a UI can show it as a plain preview.
   */
  pending?: string;
}

/** A text part of the answer (preamble, thinking). */
export interface Part {
  /** Markdown in the same canonical form as step bodies (thinking: the raw text). */
  text: string;
  source: Span;
}

export interface Answer {
  /** The final answer as LaTeX (no delimiters). */
  text: string;
  /** Where it came from: the answer section, or the `\boxed{…}` or closing sentence inside a step. */
  source: Span;
  /** Markdown the answer section holds after the answer itself (a remark, a check), when there is some. */
  note?: string;
}

export interface Solution {
  preamble: Part | null;
  steps: Step[];
  answer: Answer | null;
  thinking: Part | null;
}

export const emptySolution = (): Solution => ({ preamble: null, steps: [], answer: null, thinking: null });
