/**
 * Vitest setup for the unit and component tests. Testing Library's findBy / waitFor give up after 1 s by default;
 * the first KaTeX render loads the renderer lazily, which takes longer than that when the machine is busy.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}

export {};
