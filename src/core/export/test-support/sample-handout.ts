/** A handout document for exporter tests: two problems with awkward text and real LaTeX math. */
import { defaultHandoutOptions, layoutHandout, type HandoutDocument, type HandoutOptions, type HandoutSource } from '../../handout/handout.ts';

export const sources: HandoutSource[] = [
  {
    id: 'a',
    problem: 'Solve $\\frac{x}{2} + 3 = 7$ & check (100% sure).',
    solution: {
      preamble: null,
      steps: [
        { title: 'Subtract 3', body: 'Take $3$ from both sides:\n\n$$\n\\frac{x}{2} = 4\n$$', source: [0, 0], complete: true },
        { title: 'Multiply by 2', body: '**Double** it: $x = 8$.', source: [0, 0], complete: true },
      ],
      answer: { text: 'x = 8', source: [0, 0] },
      thinking: null,
    },
  },
  {
    id: 'b',
    problem: 'What is $\\sqrt{49}$? Use_no_calculator #fast',
    solution: {
      preamble: null,
      steps: [{ title: '', body: 'Since $7^2 = 49$, it is $7$.', source: [0, 0], complete: true }],
      answer: null,
      thinking: null,
    },
  },
];

export function handout(options: Partial<HandoutOptions>): HandoutDocument {
  return layoutHandout(sources, { ...defaultHandoutOptions(), title: 'Quiz #1: 50% & more', ...options });
}
