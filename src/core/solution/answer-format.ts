/**
 * The app's answer format: the contract between the tutor prompt (which asks the model for it) and the
 * parser (which recognises it as its strongest step signal). Defined once here.
 *
 *   ## Step 1: <short title>
 *   <explanation in words, every equation shown, math in \( \) and \[ \]>
 *
 *   ## Step 2: <short title>
 *   …
 *
 *   ## Answer
 *   \[ \boxed{<final answer>} \]
 */
export const ANSWER_FORMAT = {
  stepHeading: (n: number, title: string) => `## Step ${n}: ${title}`,
  answerHeading: '## Answer',
  inlineMath: ['\\(', '\\)'] as const,
  displayMath: ['\\[', '\\]'] as const,
  boxed: (latex: string) => `\\boxed{${latex}}`,
} as const;

/** Human-readable description of the format, for the tutor prompt. */
export const ANSWER_FORMAT_INSTRUCTIONS = [
  'Format your answer exactly like this:',
  '- Start each step with a Markdown heading "## Step N: <short title>" (N = 1, 2, 3, …).',
  '- Under each heading, explain the step in words and show every equation you use.',
  '- Write inline math as \\( … \\) and displayed equations as \\[ … \\] on their own lines.',
  '- Finish with a heading "## Answer" followed by the final answer as \\[ \\boxed{…} \\].',
  '- Do not use any other headings.',
].join('\n');

/** An example in the format, used by the prompt and by tests. */
export const ANSWER_FORMAT_EXAMPLE = [
  '## Step 1: Move the constant term',
  'Subtract \\(3\\) from both sides of \\(2x + 3 = 11\\):',
  '\\[ 2x = 8 \\]',
  '',
  '## Step 2: Divide by the coefficient',
  'Divide both sides by \\(2\\):',
  '\\[ x = \\frac{8}{2} = 4 \\]',
  '',
  '## Answer',
  '\\[ \\boxed{x = 4} \\]',
].join('\n');
