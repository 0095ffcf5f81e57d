/** A one-line text (a step title) whose `$…$` parts are typeset inline; the rest is plain text. */
import { TexFormula } from './rich-text.tsx';

const INLINE = /\$([^$\n]+?)\$/g;

export function InlineMath({ text }: { text: string }) {
  const parts: (string | { tex: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ tex: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (typeof p === 'string' ? p : <TexFormula key={i} tex={p.tex} display={false} />))}
    </>
  );
}
