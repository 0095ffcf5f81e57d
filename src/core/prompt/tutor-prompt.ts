import { ANSWER_FORMAT_EXAMPLE, ANSWER_FORMAT_INSTRUCTIONS } from '../solution/answer-format.ts';
import { detectLanguage } from './detect-language.ts';

export interface ChatMessage {
  role: 'system' | 'developer' | 'user';
  content: string;
}

/**
 * OpenAI's reasoning models answer without Markdown unless the developer message's first line says this
 * (OpenAI, "Reasoning best practices"); the step headings and math delimiters depend on Markdown.
 */
export const FORMATTING_REENABLED = 'Formatting re-enabled';

const TUTOR_ROLE = [
  'You are a patient teaching assistant helping a student with a math problem.',
  'Show your work and all equations used, explaining the answer step by step.',
].join(' ');

const TEACHING_RULES = [
  'How to teach:',
  '- Solve the problem completely and correctly before you present it.',
  '- Break the solution into short steps that each do one thing, and give every step a short title that says what it does.',
  '- Show every equation you use: state the rule or formula first, then substitute the numbers, then simplify. Do not skip algebra or do arithmetic silently.',
  '- Explain in plain words why each step is taken, the way a good TA talks a student through it.',
  '- When you can, check the result (for example by substituting it back) in a final step.',
].join('\n');

function languageRule(problem: string): string {
  const language = detectLanguage(problem);
  const which = language
    ? `The problem is written in ${language}, so write all explanations and step titles in ${language}.`
    : 'Write all explanations and step titles in the same language as the problem.';
  return [
    `Language: ${which}`,
    'Keep the words "Step" and "Answer" in the headings exactly as shown below, in English, so the app can find the steps; only the titles after the colon are in the problem\'s language.',
  ].join(' ');
}

/**
 * The whole tutor prompt: instructions in the `developer` role for reasoning models (which expect it) and the
 * `system` role otherwise, then the problem exactly as the student typed it.
 */
export function buildTutorMessages(problem: string, opts: { reasoningModel: boolean }): ChatMessage[] {
  const instructions = [
    ...(opts.reasoningModel ? [FORMATTING_REENABLED] : []),
    TUTOR_ROLE,
    TEACHING_RULES,
    `${ANSWER_FORMAT_INSTRUCTIONS}\n- Start directly with "## Step 1"; put nothing before it.`,
    languageRule(problem),
    `Example of the format (for the problem "Solve 2x + 3 = 11"):\n\n${ANSWER_FORMAT_EXAMPLE}`,
  ].join('\n\n');

  return [
    { role: opts.reasoningModel ? 'developer' : 'system', content: instructions },
    { role: 'user', content: problem },
  ];
}
