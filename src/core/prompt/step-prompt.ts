/**
 * The prompt that asks a model to rewrite one step of a saved solution and leave the rest alone: the problem,
 * the whole solution for context (steps before and after), and a reply in the app's answer format holding
 * only that step, so the parser reads it like any answer.
 */
import { ANSWER_FORMAT } from '../solution/answer-format.ts';
import type { Step } from '../solution/solution.ts';
import { FORMATTING_REENABLED, type ChatMessage } from './tutor-prompt.ts';

export interface StepPromptInput {
  problem: string;
  steps: readonly Pick<Step, 'title' | 'body'>[];
  /** 0-based index of the step to rewrite. */
  index: number;
  /** The final answer's LaTeX, when there is one. */
  answer?: string;
}

const INSTRUCTIONS = [
  'You are a patient teaching assistant revising one step of a worked solution a teacher prepared for students.',
  'Rewrite only the step you are asked for: make it clear, correct and complete, state the rule first, show every equation, and explain in plain words why the step is taken.',
  'It must fit between the steps around it: start from where the step before ends, end where the step after begins, and do not do their work.',
  'Reply with that one step and nothing else, in this format:',
  '- A Markdown heading "## Step N: <short title>", with N the number of the step.',
  '- Under it, the explanation with every equation; inline math as \\( … \\), displayed equations as \\[ … \\] on their own lines.',
  '- No other headings, no other steps, no final answer section.',
].join('\n');

function stepBlock(n: number, step: Pick<Step, 'title' | 'body'>): string {
  return `${ANSWER_FORMAT.stepHeading(n, step.title.trim() || '(untitled)')}\n${step.body.trim()}`;
}

export function buildStepMessages(input: StepPromptInput, opts: { reasoningModel: boolean }): ChatMessage[] {
  const n = input.index + 1;
  const solution = input.steps.map((s, i) => stepBlock(i + 1, s)).join('\n\n');
  const answer = input.answer?.trim() ? `\n\n${ANSWER_FORMAT.answerHeading}\n${ANSWER_FORMAT.displayMath[0]} ${ANSWER_FORMAT.boxed(input.answer.trim())} ${ANSWER_FORMAT.displayMath[1]}` : '';
  const user = [
    `Problem:\n${input.problem.trim()}`,
    `The worked solution so far (math in $ … $):\n\n${solution}${answer}`,
    `Rewrite only step ${n}${input.steps[input.index]?.title.trim() ? ` ("${input.steps[input.index]!.title.trim()}")` : ''}. Keep every other step as it is and do not repeat them. Start your reply with "${ANSWER_FORMAT.stepHeading(n, '')}".`,
  ].join('\n\n');
  return [
    { role: opts.reasoningModel ? 'developer' : 'system', content: [...(opts.reasoningModel ? [FORMATTING_REENABLED] : []), INSTRUCTIONS].join('\n\n') },
    { role: 'user', content: user },
  ];
}
