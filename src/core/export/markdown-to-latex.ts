/**
 * Converts the app's Markdown (text with `$…$` / `$$…$$` math, as step bodies hold it) into LaTeX body text:
 * math is kept as LaTeX, text is escaped so a teacher's document compiles, and the little Markdown that
 * solutions use (paragraphs, bold, italics, code, headings, lists) becomes LaTeX markup.
 */

/** Characters that are special in LaTeX text mode. */
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Unicode math symbols models often write; pdflatex cannot typeset them directly. */
const UNICODE_MATH: Record<string, string> = {
  '−': '-',
  '×': '\\times',
  '÷': '\\div',
  '·': '\\cdot',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '≈': '\\approx',
  '±': '\\pm',
  '∞': '\\infty',
  '→': '\\to',
  '⇒': '\\Rightarrow',
  '√': '\\surd',
  '°': '^\\circ',
  'π': '\\pi',
  'θ': '\\theta',
  'α': '\\alpha',
  'β': '\\beta',
  'Δ': '\\Delta',
  'λ': '\\lambda',
  'μ': '\\mu',
  'σ': '\\sigma',
};
const UNICODE_MATH_RE = new RegExp(`[${Object.keys(UNICODE_MATH).join('')}]`, 'g');

/** Escapes plain text (no Markdown) for LaTeX text mode. */
export function escapeLatexText(text: string): string {
  return text.replace(/[\\{}#$%&_~^]/g, (c) => TEXT_ESCAPES[c]!).replace(UNICODE_MATH_RE, (c) => `$${UNICODE_MATH[c]!}$`);
}

/** Math as written, with Unicode symbols replaced by their commands (a space after a command word, so `\le x` stays apart). */
export function cleanMath(math: string): string {
  return math.trim().replace(UNICODE_MATH_RE, (c, offset: number, all: string) => {
    const command = UNICODE_MATH[c]!;
    return /[a-z]$/i.test(command) && /^[a-z0-9]/i.test(all.slice(offset + 1)) ? `${command} ` : command;
  });
}

/** Markdown backslash escapes (`\*`, `\$`, …) mark the next character as literal text. */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Inline Markdown (no math) → LaTeX: code, bold, italics; everything else escaped. */
function inlineText(text: string): string {
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += plain(text.slice(last, m.index));
    if (m[1] !== undefined) out += `\\texttt{${escapeLatexText(m[1])}}`;
    else if (m[2] !== undefined || m[3] !== undefined) out += `\\textbf{${inlineText(m[2] ?? m[3]!)}}`;
    else out += `\\emph{${inlineText(m[4] ?? m[5]!)}}`;
    last = m.index + m[0].length;
  }
  return out + plain(text.slice(last));
}

const plain = (text: string) => escapeLatexText(text.replace(MD_ESCAPE, '$1'));

/** A line of Markdown: math segments kept, text segments converted. `$$…$$` inside a line becomes `\[…\]`. */
export function inlineToLatex(line: string): string {
  const math = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\.|[^$\\])+?)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;
  let out = '';
  let last = 0;
  for (const m of line.matchAll(math)) {
    out += inlineText(line.slice(last, m.index));
    if (m[1] !== undefined || m[4] !== undefined) out += `\\[ ${cleanMath(m[1] ?? m[4]!)} \\]`;
    else out += `$${cleanMath(m[2] ?? m[3]!)}$`;
    last = m.index + m[0].length;
  }
  return out + inlineText(line.slice(last));
}

type ListKind = 'itemize' | 'enumerate';

/** A Markdown body (several paragraphs, lists, display math) → LaTeX. */
export function markdownToLatex(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let list: ListKind | null = null;
  const closeList = () => {
    if (list) out.push(`\\end{${list}}`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    // Display math may span lines: gather up to the closing delimiter.
    const open = trimmed.startsWith('$$') ? '$$' : trimmed.startsWith('\\[') ? '\\]' : null;
    if (open !== null) {
      const close = open === '$$' ? '$$' : '\\]';
      let body = trimmed.slice(2);
      let j = i;
      while (!body.includes(close) && j + 1 < lines.length) body += `\n${lines[++j]!}`;
      const end = body.indexOf(close);
      if (end >= 0) {
        closeList();
        out.push(`\\[ ${cleanMath(body.slice(0, end))} \\]`);
        const rest = body.slice(end + 2).trim();
        if (rest !== '') out.push(inlineToLatex(rest));
        i = j;
        continue;
      }
      // Unclosed: fall through and treat the line as text, so nothing is lost.
    }
    if (trimmed === '') {
      closeList();
      out.push('');
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(trimmed);
    if (heading) {
      closeList();
      out.push(`\\par\\noindent\\textbf{${inlineToLatex(heading[1]!)}}\\par`);
      continue;
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(trimmed);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(trimmed);
    const item = bullet ?? numbered;
    if (item) {
      const kind: ListKind = bullet ? 'itemize' : 'enumerate';
      if (list !== kind) {
        closeList();
        out.push(`\\begin{${kind}}`);
        list = kind;
      }
      out.push(`  \\item ${inlineToLatex(item[1]!)}`);
      continue;
    }
    if (list && /^\s{2,}/.test(line)) {
      out.push(`    ${inlineToLatex(trimmed)}`);
      continue;
    }
    closeList();
    // Two trailing spaces are a Markdown hard line break (problem text keeps the user's line breaks this way).
    const hardBreak = / {2,}$/.test(line) && (lines[i + 1] ?? '').trim() !== '';
    out.push(hardBreak ? `${inlineToLatex(trimmed)}\\\\` : inlineToLatex(trimmed));
  }
  closeList();
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
