import { memo } from 'react';
import { ensureKatexStyles, renderTex } from './katex-render.ts';
// Copying a selection that includes a formula gives its LaTeX source (from the MathML annotation) as text.
import 'katex/contrib/copy-tex';

interface FormulaProps {
  tex: string;
  display: boolean;
}

/** One typeset formula; one KaTeX cannot render shows its source, marked, with KaTeX's message as a tooltip. */
export const Formula = memo(function Formula({ tex, display }: FormulaProps) {
  ensureKatexStyles();
  const result = renderTex(tex, display);
  if (!result.ok) {
    const source = display ? `$$${tex}$$` : `$${tex}$`;
    const code = (
      <code className="math-error" title={result.error}>
        {source}
      </code>
    );
    return display ? <div className="math-display math-display--error">{code}</div> : code;
  }
  return display ? (
    <div className="math-display" dangerouslySetInnerHTML={{ __html: result.html }} />
  ) : (
    <span className="math-inline" dangerouslySetInnerHTML={{ __html: result.html }} />
  );
});
