/** Sample library items for tests. */
import type { LibraryItem } from '../library.ts';

export function sampleItem(id: string, problem = 'Solve $2x + 3 = 7$.', steps = 2): LibraryItem {
  return {
    id,
    problem,
    solution: {
      preamble: null,
      steps: Array.from({ length: steps }, (_, i) => ({
        title: `Step title ${i + 1}`,
        body: `Work of step ${i + 1}: $x_${i + 1} = \\frac{${i + 1}}{2}$`,
        source: [i * 10, i * 10 + 9] as [number, number],
        complete: true,
      })),
      answer: { text: 'x = 2', source: [50, 55] },
      thinking: null,
    },
    answerText: '## Step 1\n...',
    source: 'model',
    model: 'gpt-4o',
    addedAt: 5,
  };
}
