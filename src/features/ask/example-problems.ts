/**
 * Problems to try, one per kind the tutor is good at. Those marked `needsModel` are beyond the built-in solver,
 * so they are offered only once a model is set up: every example on the first screen must work as it comes.
 */
export interface ExampleProblem {
  label: string;
  problem: string;
  needsModel?: true;
}

export const EXAMPLE_PROBLEMS: readonly ExampleProblem[] = [
  { label: 'Linear equation', problem: 'Solve for $x$: $2x + 3 = 11$' },
  { label: 'Quadratic', problem: 'Solve $x^2 + 2x - 15 = 0$' },
  { label: 'Factoring', problem: 'Factor $2x^2 - 5x - 3$' },
  { label: 'Derivative', problem: 'Differentiate $f(x) = 3x^4 - 5x^2 + 7x$' },
  { label: 'System', problem: 'Solve the system $x + y = 10$, $x - y = 2$' },
  {
    label: 'Word problem',
    problem: 'A train travels 180 km in 2 hours and then 150 km in 1.5 hours. What is its average speed for the whole trip?',
    needsModel: true,
  },
];

/** The examples that work with the solver chosen in Settings. */
export function examplesFor(solver: 'builtin' | 'model'): readonly ExampleProblem[] {
  return solver === 'builtin' ? EXAMPLE_PROBLEMS.filter((ex) => ex.needsModel !== true) : EXAMPLE_PROBLEMS;
}
