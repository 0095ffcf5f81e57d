/** Problems to try, one per kind the tutor is good at; the first few are within the built-in solver's reach. */
export const EXAMPLE_PROBLEMS: readonly { label: string; problem: string }[] = [
  { label: 'Linear equation', problem: 'Solve for $x$: $2x + 3 = 11$' },
  { label: 'Quadratic', problem: 'Solve $x^2 + 2x - 15 = 0$' },
  { label: 'Derivative', problem: 'Differentiate $f(x) = 3x^4 - 5x^2 + 7x$' },
  { label: 'System', problem: 'Solve the system $x + y = 10$, $x - y = 2$' },
  {
    label: 'Word problem',
    problem: 'A train travels 180 km in 2 hours and then 150 km in 1.5 hours. What is its average speed for the whole trip?',
  },
];
