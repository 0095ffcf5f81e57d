/**
 * Recognises the Markdown blocks most model answers are made of — a plain paragraph with inline formulas, a tight
 * list of such lines, a `$$` display formula — so they can be rendered without a full Markdown pass. While an
 * answer streams, the block being written changes every frame; parsing it with react-markdown each time was the
 * largest per-frame cost. Anything outside this subset (emphasis, links, code, headings, HTML, escapes, nested or
 * loose lists…) returns null and goes through react-markdown. Within the subset the result must equal
 * react-markdown + remark-math's output exactly; `simple-block.test.tsx` checks that on every block of the corpus.
 */

/** Text, or an inline formula's TeX. */
export type InlinePart = string | { tex: string };

export type SimpleBlock =
  | { kind: 'paragraph'; parts: InlinePart[] }
  | { kind: 'list'; ordered: boolean; start: number; items: InlinePart[][] }
  | { kind: 'display'; tex: string };

/** Characters that may start Markdown syntax in text outside formulas (tab: indentation rules). */
const INLINE_SYNTAX = /[*_`\\[\]<>&~\t]/;
/** A line that could start or interrupt a block: list item, heading, quote, fence, rule, setext underline. */
const BLOCK_START = /^ *(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|#{1,6}(?:\s|$)|>|={1,}\s*$|-{1,}\s*$|`{3}|~{3})/;
/** An item on one line; the content may be empty (a marker just streamed in renders as an empty item). */
const BULLET_ITEM = /^([-+*])(?: (\S.*))?$/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?: (\S.*))?$/;
const DISPLAY = /^\$\$\n([^$]*)\n\$\$$/;

/** A line's inline content: text and `$…$` formulas; null when it holds anything else. */
function inlineParts(line: string, parts: InlinePart[]): boolean {
  // `$$` inline, or a `$` run of another length, closes differently; not in the subset.
  if (line.includes('$$') || line.includes('\t')) return false;
  let at = 0;
  while (at < line.length) {
    const open = line.indexOf('$', at);
    const text = line.slice(at, open < 0 ? line.length : open);
    // Formulas are parsed first from the left, so only the text between them can hold other syntax.
    if (INLINE_SYNTAX.test(text)) return false;
    if (open < 0) {
      pushText(parts, text);
      break;
    }
    const close = line.indexOf('$', open + 1);
    // An unclosed `$` is literal text in remark-math; leave that rare case to it.
    if (close < 0) return false;
    let tex = line.slice(open + 1, close);
    if (tex.trim() === '') return false;
    // Like a code span: one space is stripped from each side when both are there.
    if (tex.length > 2 && tex.startsWith(' ') && tex.endsWith(' ')) tex = tex.slice(1, -1);
    pushText(parts, text);
    parts.push({ tex });
    at = close + 1;
  }
  return true;
}

function pushText(parts: InlinePart[], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}

function paragraph(lines: string[]): SimpleBlock | null {
  const first = lines[0] ?? '';
  // Four spaces start indented code.
  if (/^ {4}/.test(first)) return null;
  const parts: InlinePart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (BLOCK_START.test(raw) || raw.trim() === '') return null;
    const last = i === lines.length - 1;
    // Trailing spaces before a line break may make a hard break (<br>); not in the subset.
    if (!last && /\s$/.test(raw)) return null;
    if (!inlineParts(last ? raw.trim() : raw.trimStart(), parts)) return null;
    if (!last) pushText(parts, '\n');
  }
  return parts.length === 0 ? null : { kind: 'paragraph', parts };
}

function list(lines: string[]): SimpleBlock | null {
  const first = lines[0] ?? '';
  const ordered = ORDERED_ITEM.test(first);
  const marker = ordered ? ORDERED_ITEM.exec(first)?.[2] : BULLET_ITEM.exec(first)?.[1];
  if (marker === undefined) return null;
  const items: InlinePart[][] = [];
  let start = 1;
  for (const line of lines) {
    const m = ordered ? ORDERED_ITEM.exec(line) : BULLET_ITEM.exec(line);
    // Another marker starts another list; a line without one continues an item (not in the subset).
    if (!m || (ordered ? m[2] : m[1]) !== marker) return null;
    if (items.length === 0 && ordered) start = Number(m[1]);
    const content = (ordered ? m[3] : m[2]) ?? '';
    if (BLOCK_START.test(content)) return null;
    const parts: InlinePart[] = [];
    if (!inlineParts(content.trimEnd(), parts)) return null;
    items.push(parts);
  }
  return { kind: 'list', ordered, start, items };
}

/** The block as one of the simple shapes, or null when react-markdown must render it. */
export function simpleBlock(text: string): SimpleBlock | null {
  if (text.startsWith('$$')) {
    const m = DISPLAY.exec(text);
    return m ? { kind: 'display', tex: m[1] ?? '' } : null;
  }
  const lines = text.split('\n');
  if (/^(?:[-+*] |\d{1,9}[.)] )/.test(text)) return list(lines);
  return paragraph(lines);
}
