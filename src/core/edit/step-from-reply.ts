/**
 * Reads a model's reply to "rewrite step k" as one step: the first step the parser finds, or, when the reply
 * has no step heading, its whole text as the body under the old title. Null when the reply holds nothing.
 */
import { parseSolution } from '../solution/parse-solution.ts';
import type { StepText } from './edit-solution.ts';

export function stepFromReply(reply: string, oldTitle: string): StepText | null {
  const parsed = parseSolution(reply);
  const first = parsed.steps.find((s) => s.body.trim() !== '' || s.title.trim() !== '');
  if (first) return { title: first.title.trim() === '' ? oldTitle : first.title, body: first.body };
  const body = [parsed.preamble?.text ?? '', parsed.answer ? `$$${parsed.answer.text}$$` : ''].filter((t) => t.trim() !== '').join('\n\n');
  return body === '' ? null : { title: oldTitle, body };
}
