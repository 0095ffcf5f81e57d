/**
 * Typesets TeX with KaTeX: mhchem loaded (\ce, \pu), HTML plus MathML for screen readers, and a cache so a
 * formula re-rendered while an answer streams is typeset once. A formula KaTeX cannot render is an error value,
 * never an exception. Every formula on every page (answers, titles, editor, handouts) goes through here, so the
 * limits below are the only line between hostile TeX in an answer and the page.
 */
import katex from 'katex';
import 'katex/contrib/mhchem';
import { excessNegativeSpace, MAX_SIZE_EM } from './tex-limits.ts';

export type TexResult = { ok: true; html: string } | { ok: false; error: string };

/**
 * Macro definitions are refused: with them a short formula can expand into millions of glyphs without ever
 * exceeding `maxExpand` (`\def\a{xxxx…}\def\b{\a\a…}\b` counts one expansion per copy). Real answers never
 * define macros (none of the 265 in the dev corpus do); `\let` stays, as it copies a meaning and cannot fan out.
 */
const REFUSED_DEFINITIONS = ['\\def', '\\gdef', '\\edef', '\\xdef', '\\newcommand', '\\renewcommand', '\\providecommand'];
const macros = Object.fromEntries(
  REFUSED_DEFINITIONS.map((name) => [
    name,
    () => {
      throw new katex.ParseError(`${name} is not supported: macro definitions are turned off`);
    },
  ]),
);

const OPTIONS = {
  output: 'htmlAndMathml',
  throwOnError: true,
  // Models write unicode and \text{…} liberally; those render fine and need no warnings.
  strict: 'ignore',
  // No \href, \url, \includegraphics, \htmlStyle…: they would link, fetch or style from an untrusted answer.
  trust: false,
  // \rule{100000em}{1em}, \kern, \hspace…: sizes are capped, so a formula cannot cover the page.
  maxSize: MAX_SIZE_EM,
  // Built-in macros count too; real formulas need fewer than 100 (dev corpus), recursion stops here.
  maxExpand: 500,
} as const satisfies katex.KatexOptions;

/** Enough for several long answers; the oldest formulas are dropped first. */
const CACHE_LIMIT = 4000;
const cache = new Map<string, TexResult>();

export function renderTex(tex: string, display: boolean): TexResult {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: TexResult;
  const tooFar = excessNegativeSpace(tex);
  if (tooFar) {
    result = { ok: false, error: tooFar };
  } else {
    try {
      // A fresh macro table each time: `\global\let` writes into it, and one formula must not change the next.
      result = { ok: true, html: katex.renderToString(tex, { ...OPTIONS, macros: { ...macros }, displayMode: display }) };
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
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
