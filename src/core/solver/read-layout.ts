/**
 * LaTeX layout around a problem's math: `\begin{align*} … \end{align*}` (and aligned, gather, equation, cases),
 * with `&` alignment marks and `\\` row breaks, as worksheets typeset a system or a single equation. The layout
 * carries no mathematics, so it is replaced by its rows, one display-math block per environment, rows
 * separated by commas (a system's equations).
 */

const ENV = /\\begin\{(align|aligned|alignat|gather|gathered|equation|eqnarray|cases|split)(\*?)\}([\s\S]*?)\\end\{\1\2\}/g;

/** The rows of an environment's body, alignment marks and labels dropped. */
function rowsOf(body: string): string[] {
  return body
    .replace(/\\(?:notag|nonumber)\b/g, ' ')
    .replace(/\\(?:label|tag)\{[^}]*\}/g, ' ')
    .split(/\\\\(?:\[[^\]]*\])?/)
    .map((r) => r.replace(/&/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((r) => r.length > 0);
}

export function unwrapEnvironments(text: string): string {
  if (!/\\begin\{/.test(text)) return text;
  // Display delimiters or a system brace directly around the environment belong to it.
  const wrapped = text
    .replace(/\$\$\s*(\\begin\{[\s\S]*?\\end\{[a-z]+\*?\})\s*\$\$/g, '$1')
    .replace(/\\\[\s*(\\begin\{[\s\S]*?\\end\{[a-z]+\*?\})\s*\\\]/g, '$1')
    .replace(/\\left\s*\\?\{\s*(\\begin\{[\s\S]*?\\end\{[a-z]+\*?\})\s*\\right\s*\./g, '$1');
  return wrapped.replace(ENV, (_, _name: string, _star: string, body: string) => `\n$$${rowsOf(body).join(', ')}$$\n`);
}
