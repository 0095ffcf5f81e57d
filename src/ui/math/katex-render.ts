/**
 * Typesets TeX with KaTeX: mhchem loaded (\ce, \pu), HTML plus MathML for screen readers, and a cache so a
 * formula re-rendered while an answer streams is typeset once. A formula KaTeX cannot render is an error value,
 * never an exception.
 */
import katex from 'katex';
import 'katex/contrib/mhchem';

export type TexResult = { ok: true; html: string } | { ok: false; error: string };

/** Enough for several long answers; the oldest formulas are dropped first. */
const CACHE_LIMIT = 4000;
const cache = new Map<string, TexResult>();

export function renderTex(tex: string, display: boolean): TexResult {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: TexResult;
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      output: 'htmlAndMathml',
      throwOnError: true,
      // Models write unicode and \text{…} liberally; those render fine and need no warnings.
      strict: 'ignore',
      trust: false,
      maxExpand: 1000,
    });
    result = { ok: true, html };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, result);
  return result;
}

let stylesRequested = false;
/** KaTeX's stylesheet (and through it, its fonts) loads the first time a formula is shown. */
export function ensureKatexStyles(): void {
  if (stylesRequested) return;
  stylesRequested = true;
  void import('katex/dist/katex.min.css').catch(() => {
    // Without the stylesheet formulas are still readable (MathML); allow a later formula to try again.
    stylesRequested = false;
  });
}
