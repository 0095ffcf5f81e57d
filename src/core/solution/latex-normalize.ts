/**
 * Small rewrites that make model-written LaTeX render in KaTeX without changing what it means, and the
 * test for formulas KaTeX renders only in display mode.
 */

const DISPLAY_ONLY = /\\begin\{(?:align|gather|equation|split|alignat|multline|flalign|eqnarray)\*?\}|\\tag\*?\{/;

export function isDisplayOnly(tex: string): boolean {
  return DISPLAY_ONLY.test(tex);
}

const REWRITES: [RegExp, string][] = [
  // KaTeX lacks these commands; each has a faithful equivalent.
  [/\\mbox\s*\{/g, '\\text{'],
  [/\\framebox\s*\{/g, '\\fbox{'],
  [/\\label\{[^{}]*\}/g, ''],
  [/\\(?:hfill|hfil|noindent|nonumber|notag)\b/g, ''],
  [/\\displaylimits\b/g, ''],
  // Environments KaTeX does not know, mapped to ones it does.
  [/\\begin\{eqnarray\*?\}/g, '\\begin{array}{rcl}'],
  [/\\end\{eqnarray\*?\}/g, '\\end{array}'],
  [/\\begin\{multline\*?\}/g, '\\begin{gather*}'],
  [/\\end\{multline\*?\}/g, '\\end{gather*}'],
  [/\\begin\{flalign(\*?)\}/g, '\\begin{align$1}'],
  [/\\end\{flalign(\*?)\}/g, '\\end{align$1}'],
];

export function normalizeLatex(tex: string): string {
  let out = tex;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  if (out.includes('\\text')) out = escapeTextSpecials(escapeDollarsInText(out));
  return out;
}

/** `\text{…}` and its font variants, with one level of nested braces. */
const TEXT_ARG = /\\text(?:rm|bf|it|sf|tt|normal|up)?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;

/**
 * `\text{node_domain}`, `\text{50% of #3 & more}`: `_ # % &` are special even in LaTeX text mode (KaTeX
 * refuses them; `%` would comment out the rest). Escape them, leaving nested `$…$` math alone.
 */
function escapeTextSpecials(tex: string): string {
  return tex.replace(TEXT_ARG, (whole, inner: string) => {
    if (!/[_#%&]/.test(inner)) return whole;
    let out = '';
    let inMath = false;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i]!;
      if (c === '\\') {
        out += c + (inner[i + 1] ?? '');
        i++;
      } else if (c === '$') {
        inMath = !inMath;
        out += c;
      } else out += !inMath && (c === '_' || c === '#' || c === '%' || c === '&') ? '\\' + c : c;
    }
    return whole.slice(0, whole.length - inner.length - 1) + out + '}';
  });
}

/** `\text{costs $25}`: a lone `$` inside text would open math; an odd count means they are prices. */
function escapeDollarsInText(tex: string): string {
  return tex.replace(TEXT_ARG, (whole, inner: string) => {
    const dollars = inner.match(/(?<!\\)\$/g)?.length ?? 0;
    return dollars % 2 === 1 ? whole.replace(/(?<!\\)\$/g, '\\$') : whole;
  });
}
