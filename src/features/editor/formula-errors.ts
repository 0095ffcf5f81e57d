/**
 * The formulas in a body (or a final answer) that KaTeX cannot render, numbered as the teacher counts them in
 * the text, with KaTeX's message made short: "Undefined control sequence: \fracc".
 */
import { findFormulas } from '../../core/edit/find-formulas.ts';
import { renderTex } from '../../ui/math/katex-render.ts';

export interface FormulaError {
  /** 1-based, counting every formula in the text. */
  n: number;
  message: string;
}

/** KaTeX says "KaTeX parse error: <what> at position 7: <context>"; the teacher needs only <what>. */
export function shortKatexMessage(message: string): string {
  return message.replace(/^KaTeX parse error:\s*/, '').replace(/\s+at (?:position \d+|end of input):[\s\S]*$/, '').trim();
}

export function bodyFormulaErrors(body: string): FormulaError[] {
  return findFormulas(body).flatMap((f, i) => {
    const r = renderTex(f.tex, f.display);
    return r.ok ? [] : [{ n: i + 1, message: shortKatexMessage(r.error) }];
  });
}

export function texError(tex: string): string | null {
  if (tex.trim() === '') return null;
  const r = renderTex(tex, true);
  return r.ok ? null : shortKatexMessage(r.error);
}
