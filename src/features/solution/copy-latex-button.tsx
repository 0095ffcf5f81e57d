import { useId, useState } from 'react';
import type { Step } from '../../core/solution/solution.ts';
import './copy-latex-button.css';

/** The step as LaTeX a teacher can paste into a document: its title as a run-in heading, then its body. */
async function stepLatex(step: Step, index: number): Promise<string> {
  // Loaded on first copy: most students never use it.
  const { inlineToLatex, markdownToLatex } = await import('../../core/export/markdown-to-latex.ts');
  const title = step.title.trim() === '' ? '' : `: ${inlineToLatex(step.title)}`;
  return `\\paragraph{Step ${index + 1}${title}}\n${markdownToLatex(step.body)}\n`;
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; latex: string };

/** "Copy step as LaTeX"; where the clipboard is refused, the LaTeX is shown to copy by hand. */
export function CopyLatexButton({ step, index }: { step: Step; index: number }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const id = useId();
  const copy = async () => {
    const latex = await stepLatex(step, index);
    try {
      await navigator.clipboard.writeText(latex);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', latex });
    }
  };
  return (
    <div className="copy-latex">
      {/* The step number is in the visible label, not only in an aria-label: a speech-input user says what they see. */}
      <button type="button" className="button button--ghost button--small" onClick={() => void copy()}>
        Copy step {index + 1} as LaTeX
      </button>
      <span className="copy-latex__status" aria-live="polite">
        {state.kind === 'copied' ? 'Copied' : ''}
      </span>
      {state.kind === 'manual' && (
        <div className="copy-latex__manual">
          <label className="field-label" htmlFor={id}>
            Step {index + 1} as LaTeX (the clipboard is not available: select and copy)
          </label>
          <textarea id={id} className="textarea" readOnly value={state.latex} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
