/**
 * One line of text that may hold math — a step title, a problem in the history list — split into plain text
 * and formulas by the parser's own rules (math-convert.ts): `$…$` by Pandoc's rule, so "$20 and $15" are prices;
 * `\(…\)`; bare LaTeX such as `\frac{1}{2}`; and math typed without delimiters, Unicode included ("x² − 1",
 * bare-math.ts). Accepts the text as typed or in canonical inline Markdown (`\$5`, `3\*x`, as the parser and
 * problemToInline write it): Markdown escapes are read, never shown.
 */
import { markBareMath } from './bare-math.ts';
import { isDisplayOnly } from './latex-normalize.ts';
import { MathConverter } from './math-convert.ts';

/** `display`: the formula renders only in display mode (an `align` environment); all others stay in the line. */
export type InlinePart = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

/** A backslash before ASCII punctuation is a Markdown escape: the character itself. */
const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function split(text: string, bare: boolean): InlinePart[] {
  const parts: InlinePart[] = [];
  const pushText = (s: string) => {
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += s;
    else if (s !== '') parts.push({ kind: 'text', text: s });
  };
  const pushMath = (tex: string) => {
    if (tex.trim() !== '') parts.push({ kind: 'math', tex, display: isDisplayOnly(tex) });
  };
  const conv = new MathConverter({
    text: pushText,
    inline: (_md, tex) => pushMath(tex),
    display: (tex) => pushMath(isDisplayOnly(tex) ? tex : tex.replace(/\s*\n\s*/g, ' ')),
  });
  text.split('\n').forEach((line, i, lines) => {
    conv.feed(bare && !conv.inDisplay ? markBareMath(line) : line);
    if (i < lines.length - 1) {
      conv.endLine();
      if (!conv.inDisplay) pushText(' ');
    }
  });
  conv.finish();
  for (const p of parts) if (p.kind === 'text') p.text = unescapeMarkdown(p.text);
  return parts;
}

/** The line as text and formulas, for a renderer; math typed without delimiters is a formula too. */
export function inlineMathParts(text: string): InlinePart[] {
  return split(text, true);
}

/**
 * The line as plain text, for an accessible name or a tooltip: delimited formulas as their LaTeX, everything
 * else as typed (prices keep their `$`, "x²" stays "x²").
 */
export function inlinePlainText(text: string): string {
  return split(text, false)
    .map((p) => (p.kind === 'text' ? p.text : p.tex))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
