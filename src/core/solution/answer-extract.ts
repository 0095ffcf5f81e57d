/** Reading the final answer out of math and text. Pure string functions. */

/** The content of the last `\boxed{…}` in `tex` (nested braces respected), or null. */
export function lastBoxed(tex: string): string | null {
  let at = tex.lastIndexOf('\\boxed');
  while (at >= 0) {
    let i = at + 6;
    while (tex[i] === ' ') i++;
    if (tex[i] === '{') {
      let depth = 0;
      for (let j = i; j < tex.length; j++) {
        const c = tex[j];
        if (c === '\\') {
          j++;
          continue;
        }
        if (c === '{') depth++;
        else if (c === '}' && --depth === 0) return tex.slice(i + 1, j).trim();
      }
      // Unbalanced (still streaming): everything after the brace.
      return null;
    }
    at = at === 0 ? -1 : tex.lastIndexOf('\\boxed', at - 1);
  }
  return null;
}

const LEAD_PHRASE =
  /^(?:(?:therefore|thus|so|hence)[ ,]*)?(?:the\s+)?(?:final\s+)?(?:answer|result)\s*(?:is|=)?\s*[:：]?\s*/i;

const MATH_SEGMENT = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;

/** Plain text that can stand as LaTeX as written (numbers, variables, operators). */
const LATEX_SAFE = /^[\p{L}\p{N}\s+\-−*/⁄^=().,<>≤≥≠±√π°%!'|[\]{}_\\:;]*$/u;

/**
 * The LaTeX for an answer written as text: "7200", "$x = 5$", "The final answer is $\frac12$. I hope it
 * is correct.", "**3.09 Н**". Null when nothing is left.
 */
export function answerLatexFromText(raw: string): string | null {
  // The answer is the section's first paragraph; notes and code after it are not part of it.
  const para = raw.replace(/^\s+/, '').split(/\n[ \t]*\n|\n```/)[0] ?? '';
  let s = para.replace(/\*\*|__/g, '').trim();
  for (let k = 0; k < 3; k++) {
    const m = LEAD_PHRASE.exec(s);
    if (!m || m[0] === '') break;
    s = s.slice(m[0].length).trim();
  }
  // Keep the first sentence ("… . I hope it is correct.").
  const sentenceEnd = /[.!?](?=\s+\p{Lu})/u.exec(s.replace(MATH_SEGMENT, (x) => 'M'.repeat(x.length)));
  if (sentenceEnd) s = s.slice(0, sentenceEnd.index);
  s = s.replace(/[\s.;,]+$/, '').trim();
  if (!/[\p{L}\p{N}]/u.test(s)) return null;

  const parts: string[] = [];
  let last = 0;
  let mathCount = 0;
  for (const m of s.matchAll(MATH_SEGMENT)) {
    const before = s.slice(last, m.index);
    if (before.trim() !== '') parts.push(textPart(before));
    parts.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim());
    mathCount++;
    last = m.index + m[0].length;
  }
  const tail = s.slice(last);
  if (tail.replace(/[\s.,;:]+/g, '') !== '') parts.push(textPart(tail));
  if (mathCount === 0) return LATEX_SAFE.test(s) && s.length <= 80 ? s : `\\text{${escapeText(s)}}`;
  return parts.join(' ').trim() || null;
}

function textPart(s: string): string {
  const t = s.trim();
  return LATEX_SAFE.test(t) && !/\p{L}{2,}/u.test(t) ? t : `\\text{${escapeText(s)}}`;
}

function escapeText(s: string): string {
  return s.replace(/[\\{}$&#%_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' || c === '^' ? `\\${c}{}` : `\\${c}`));
}

/** "…, so the answer is 42." at the end of a line. Returns the answer text and its index in `line`. */
export function closingAnswerSentence(line: string): { text: string; index: number } | null {
  const m = /\b(?:the\s+)(?:final\s+)?answer\s+is\s*[:：]?\s*(.+?)\s*$/i.exec(line);
  if (!m || m[1] === undefined) return null;
  return { text: m[1], index: m.index + m[0].length - m[1].length };
}
