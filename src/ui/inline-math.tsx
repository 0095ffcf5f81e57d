/**
 * One line of text (a step title, a problem in a list) with its math typeset inline and the rest as plain text.
 * Which parts are math is decided by the parser's rules (core/solution/inline-math.ts): "$20 and $15" stay text,
 * "x² − 1" and `$x^2$` are typeset.
 */
import { useMemo } from 'react';
import { inlineMathParts } from '../core/solution/inline-math.ts';
import { TexFormula } from './rich-text.tsx';

export function InlineMath({ text }: { text: string }) {
  const parts = useMemo(() => inlineMathParts(text), [text]);
  return (
    <>
      {parts.map((p, i) => (p.kind === 'text' ? p.text : <TexFormula key={i} tex={p.tex} display={p.display} />))}
    </>
  );
}
