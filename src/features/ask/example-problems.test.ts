import { describe, expect, it } from 'vitest';
import { solveDetailed } from '../../core/solver/solve-problem.ts';
import { EXAMPLE_PROBLEMS, examplesFor } from './example-problems.ts';

describe('example problems', () => {
  it('offers, with no model, only examples the built-in solver solves', () => {
    const offered = examplesFor('builtin');
    expect(offered.length).toBeGreaterThanOrEqual(4);
    for (const ex of offered) expect(solveDetailed(ex.problem).ok, ex.label).toBe(true);
  });

  it('marks every example the built-in solver declines as needing a model', () => {
    for (const ex of EXAMPLE_PROBLEMS) {
      if (!solveDetailed(ex.problem).ok) expect(ex.needsModel, ex.label).toBe(true);
    }
  });

  it('offers every example once a model is set up', () => {
    expect(examplesFor('model')).toEqual(EXAMPLE_PROBLEMS);
  });
});
