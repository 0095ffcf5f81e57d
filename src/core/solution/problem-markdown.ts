/**
 * A problem as a student types it — plain text with LaTeX in `$…$`, `$$…$$`, `\(…\)` or `\[…\]` — as Markdown
 * for the renderer: math in remark-math's form (by the same rules as model answers, so "$5 and $10" stays
 * text), everything else literal (a `*` in "3*x" is a times sign, not emphasis), line breaks kept; math typed
 * without delimiters is recognised (bare-math.ts).
 */
import { markBareMath } from './bare-math.ts';
import { MathConverter } from './math-convert.ts';

const MARKDOWN_SPECIAL = /\\\$|[\\`*_[\]<>#~|!{}]/g;

function convert(text: string, display: (tex: string) => string, lineBreak: string): string {
  let out = '';
  const conv = new MathConverter({
    // The converter writes a literal dollar as `\$`; every other special character is escaped here.
    text: (s) => (out += s.replace(MARKDOWN_SPECIAL, (m) => (m === '\\$' ? m : `\\${m}`))),
    inline: (md) => (out += md),
    display: (tex) => (out += display(tex)),
  });
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    // A leading "1." or "-" would start a list; escaping the marker keeps the line as typed.
    const lead = /^([ \t]*)(?:(\d+)([.)])|([-+=]))/.exec(line);
    let rest = line;
    if (lead) {
      out += lead[1]! + (lead[2] !== undefined ? `${lead[2]}\\${lead[3]}` : `\\${lead[4]}`);
      rest = line.slice(lead[0].length);
    }
    // Outside a display formula, math typed without delimiters ("Solve x^2 = 4") is typeset too.
    conv.feed(conv.inDisplay ? rest : markBareMath(rest));
    if (i < lines.length - 1) {
      conv.endLine();
      if (!conv.inDisplay) out += lineBreak;
    }
  });
  conv.finish();
  return out;
}

export function problemToMarkdown(text: string): string {
  return convert(text.trim(), (tex) => `\n\n$$\n${tex}\n$$\n\n`, '  \n')
    .replace(/ *\n{3,}/g, '\n\n')
    .replace(/ +\n\n/g, '\n\n')
    .trim();
}

/** The problem on one line with every formula as inline `$…$`, for titles (e.g. the history list). */
export function problemToInline(text: string): string {
  return convert(text.trim(), (tex) => ` $${tex.replace(/\s+/g, ' ')}$ `, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
