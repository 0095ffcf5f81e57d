/**
 * The prompt that asks a model for the hints of one step the student has not seen yet: what to do (the rule or
 * strategy, never the result) and the shape of the result with blanks. The reply is two labelled lines, read by
 * `readHintReply` even while it is still arriving.
 */
import type { Step } from '../solution/solution.ts';
import type { StepHints } from '../tutor/types.ts';
import { FORMATTING_REENABLED, type ChatMessage } from './tutor-prompt.ts';

export interface HintPromptInput {
  problem: string;
  /** The steps the student has done or seen, in order. */
  before: readonly Pick<Step, 'title' | 'body'>[];
  /** The step to hint at (the student has not seen it), or null for the final answer. */
  step: Pick<Step, 'title' | 'body'> | null;
  /** The final answer's LaTeX, when the hint is for the answer. */
  answer?: string;
}

const INSTRUCTIONS = [
  'You are a patient teaching assistant. A student is working through a solution one step at a time and is stuck on the next step.',
  'Give two hints that help them find that step themselves. Never give the step\'s result, its numbers or the final answer.',
  'Reply with exactly two lines and nothing else:',
  'Hint: <one short sentence saying what to do next: the rule or strategy, e.g. "Subtract 3 from both sides." Inline math as $…$.>',
  'Shape: <the form of the result in LaTeX with \\square for each part the student must find, e.g. 2x = \\square; or "none" if it has no useful form>',
].join('\n');

const block = (n: number, s: Pick<Step, 'title' | 'body'>) => `Step ${n}${s.title.trim() ? `: ${s.title.trim()}` : ''}\n${s.body.trim()}`;

export function buildHintMessages(input: HintPromptInput, opts: { reasoningModel: boolean }): ChatMessage[] {
  const n = input.before.length + 1;
  const done = input.before.length === 0 ? '(none yet)' : input.before.map((s, i) => block(i + 1, s)).join('\n\n');
  const target =
    input.step !== null
      ? `The step the student must write next (do not reveal it):\n${block(n, input.step)}`
      : `The student must now write the final answer (do not reveal it): ${input.answer?.trim() ?? ''}`;
  const user = [`Problem:\n${input.problem.trim()}`, `Steps the student has so far (math in $ … $):\n\n${done}`, target, 'Reply with the two lines "Hint:" and "Shape:".'].join('\n\n');
  return [
    { role: opts.reasoningModel ? 'developer' : 'system', content: [...(opts.reasoningModel ? [FORMATTING_REENABLED] : []), INSTRUCTIONS].join('\n\n') },
    { role: 'user', content: user },
  ];
}

const stripDelimiters = (tex: string): string =>
  tex
    .trim()
    .replace(/^\$\$?|\$\$?$/g, '')
    .replace(/^\\\(|\\\)$/g, '')
    .replace(/^\\\[|\\\]$/g, '')
    .trim();

/** Longest reply without the labels still taken as a hint: anything longer is likely a worked step, not a hint. */
const MAX_UNLABELLED = 240;

/**
 * The hints in a reply: the "Hint:" line's text and the "Shape:" line's LaTeX (null when absent or "none").
 * While the reply is still arriving (`final` false) only labelled text counts, so a model that answers with
 * the worked step instead never shows it; at the end, a short unlabelled reply is taken as the rule. Null when
 * nothing usable is there.
 */
export function readHintReply(text: string, final = true): StepHints | null {
  const clean = text.replace(/<think>[\s\S]*?(<\/think>|$)/g, '').trim();
  if (clean === '') return null;
  const hint = /(?:^|\n)\s*\**hint\**\s*:\s*\**\s*([\s\S]*?)(?=\n\s*\**shape\**\s*:|$)/i.exec(clean);
  const shape = /(?:^|\n)\s*\**shape\**\s*:\s*\**\s*(.*)/i.exec(clean);
  let rule = hint?.[1]?.trim() ?? '';
  if (!hint && !shape) {
    const unlabelled = final && clean.length <= MAX_UNLABELLED && !/\n\s*\n|^#|\n#|\\boxed/.test(clean);
    rule = unlabelled ? clean : '';
  }
  if (rule === '') return null;
  const tex = shape ? stripDelimiters(shape[1] ?? '') : '';
  return { rule, shape: tex === '' || /^none\.?$/i.test(tex) ? null : tex };
}
