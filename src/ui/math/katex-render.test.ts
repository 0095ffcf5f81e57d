import { describe, expect, it } from 'vitest';
import { renderTex } from './katex-render.ts';
import { MAX_SIZE_EM } from './tex-limits.ts';

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

  describe('hostile TeX cannot take over the page', () => {
    it('caps sizes: \\rule{100000em}{1em} is drawn at most 20em wide', () => {
      const r = renderTex('\\rule{100000em}{1em}', true);
      expect(r.ok).toBe(true);
      if (r.ok) {
        const widths = [...r.html.matchAll(/(?:border-right-width|width):\s*([\d.]+)em/g)].map((m) => Number(m[1]));
        expect(widths.length).toBeGreaterThan(0);
        expect(Math.max(...widths)).toBeLessThanOrEqual(MAX_SIZE_EM);
      }
    });

    it('refuses macro definitions, so neither recursion nor fan-out can expand without bound', () => {
      const fanOut = `\\def\\a{${'x'.repeat(200)}}\\def\\b{${'\\a'.repeat(400)}}\\b`;
      for (const tex of ['\\def\\a{\\a\\a}\\a', fanOut, '\\newcommand{\\a}{x}\\a', '\\gdef\\a{x}', '\\let\\d\\def \\d\\a{xx}\\a']) {
        const started = performance.now();
        const r = renderTex(tex, true);
        expect(r, tex.slice(0, 30)).toMatchObject({ ok: false });
        expect(performance.now() - started).toBeLessThan(200);
      }
      const r = renderTex(fanOut, false);
      if (!r.ok) expect(r.error).toContain('\\def is not supported');
    });

    it('stops a long chain of built-in macro expansions', () => {
      expect(renderTex('\\dots'.repeat(600), false)).toMatchObject({ ok: false, error: expect.stringMatching(/Too many expansions/) });
    });

    it('one formula cannot redefine commands for the next (\\global\\let)', () => {
      renderTex('\\global\\let\\frac\\relax x', false);
      const r = renderTex('\\frac{3}{4}', false);
      expect(r.ok && r.html.includes('mfrac')).toBe(true);
    });

    it('makes no link, image or style from \\href, \\url, \\includegraphics or \\htmlStyle', () => {
      for (const tex of [
        '\\href{http://127.0.0.1:9/a}{x}',
        '\\url{http://127.0.0.1:9/b}',
        '\\includegraphics[height=1em]{http://127.0.0.1:9/c.png}',
        '\\htmlStyle{background:url(http://127.0.0.1:9/d)}{x}',
        '\\htmlClass{x}{y}',
      ]) {
        const r = renderTex(tex, false);
        // The TeX source stays in the MathML annotation, as text; nothing else may carry the URL.
        const html = r.ok ? r.html.replace(/<annotation[^>]*>[^<]*<\/annotation>/, '') : '';
        expect(html, tex).not.toMatch(/<a\b|<img\b|href=|src=|url\(|127\.0\.0\.1/);
      }
    });

    it('refuses negative spacing that would move the formula over the page', () => {
      for (const tex of ['x\\kern-1000em y', '\\raisebox{-500em}{x}', 'a\\hspace{-30cm}b', '\\rule[-100em]{1em}{1em}', `${'\\kern-5em '.repeat(5)}x`]) {
        expect(renderTex(tex, false), tex).toMatchObject({ ok: false, error: expect.stringContaining('Negative spacing') });
      }
      // Ordinary tight spacing and minus signs are untouched.
      for (const tex of ['a\\kern-0.1em b', '\\hspace{-2mm}x', 'x - 2 = 5', '\\begin{aligned}a\\\\[-1ex]b\\end{aligned}', '10 - 5mm']) {
        expect(renderTex(tex, true).ok, tex).toBe(true);
      }
    });
  });
});
