/**
 * The DOM of `<Formula>`, built without React: the streaming tail paints formulas directly (see
 * ui/markdown/tail-painter.ts). `formula-element.test.tsx` checks it gives exactly Formula's markup.
 */
import { ensureKatexStyles, renderTex } from './katex-render.ts';

export function formulaElement(doc: Document, tex: string, display: boolean): HTMLElement {
  ensureKatexStyles();
  const result = renderTex(tex, display);
  if (!result.ok) {
    const code = doc.createElement('code');
    code.className = 'math-error';
    code.title = result.error;
    code.textContent = display ? `$$${tex}$$` : `$${tex}$`;
    if (!display) return code;
    const box = doc.createElement('div');
    box.className = 'math-display math-display--error';
    box.append(code);
    return box;
  }
  const el = doc.createElement(display ? 'div' : 'span');
  el.className = display ? 'math-display' : 'math-inline';
  el.innerHTML = result.html;
  return el;
}
