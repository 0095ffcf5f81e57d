// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineMath } from './inline-math.tsx';

afterEach(cleanup);

describe('InlineMath', () => {
  it('shows prices as text, dollars kept, with no formula and no error', async () => {
    const text = 'A shirt costs $20 and a hat costs $15. How much for both?';
    const { container } = render(
      <span>
        <InlineMath text={text} />
      </span>,
    );
    // Give the lazily loaded renderer the chance to typeset something, had the text been read as math.
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe(text);
    expect(container.querySelector('.katex, .katex-error, .math-error')).toBeNull();
  });

  it('typesets a formula in dollars and math typed with Unicode symbols', async () => {
    const { container } = render(
      <p>
        <InlineMath text="Isolate $x^2$" /> | <InlineMath text="Solve x² − 5x + 6 = 0" />
      </p>,
    );
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(2), { timeout: 10_000 });
    expect(container.textContent).toMatch(/^Isolate .* \| Solve /);
    expect(container.textContent).not.toContain('$');
    expect(container.querySelector('.math-error')).toBeNull();
  }, 20_000);
});
