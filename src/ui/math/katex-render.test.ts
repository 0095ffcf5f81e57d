import { describe, expect, it } from 'vitest';
import { renderTex } from './katex-render.ts';

describe('renderTex', () => {
  it('typesets with MathML for screen readers', () => {
    const r = renderTex('\\frac{1}{2}', false);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.html).toContain('<math');
      expect(r.html).toContain('katex-html');
    }
  });

  it('has mhchem loaded', () => {
    const r = renderTex('\\ce{H2O -> H+ + OH-}', true);
    expect(r.ok).toBe(true);
  });

  it('returns an error value for TeX it cannot render', () => {
    const r = renderTex('\\frac{1}{', false);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/KaTeX parse error/);
  });

  it('caches: the same formula is typeset once', () => {
    const a = renderTex('x^2 + \\sqrt{y}', true);
    expect(renderTex('x^2 + \\sqrt{y}', true)).toBe(a);
    expect(renderTex('x^2 + \\sqrt{y}', false)).not.toBe(a);
  });
});
