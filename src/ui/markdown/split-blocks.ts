/**
 * Splits Markdown into top-level blocks (paragraphs, display math, lists, fences) at blank lines, so a
 * streaming text re-renders only its last block: earlier blocks are unchanged strings and skip rendering.
 * Blank lines inside code fences and `$$` math do not split; an indented or list continuation stays with its
 * list, so the pieces render as the whole would.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MATH_FENCE = /^ {0,3}\$\$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

export function splitBlocks(markdown: string): string[] {
  const lines = markdown.split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  let inMath = false;
  let listBlock = false;

  const close = () => {
    if (current.length === 0) return;
    blocks.push(current.join('\n'));
    current = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== null) {
      current.push(line);
      if (line.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inMath) {
      current.push(line);
      // A `$$` fence closes on a line ending in `$$` (remark-math's rule).
      if (/\$\$\s*$/.test(line)) inMath = false;
      continue;
    }
    if (line.trim() === '') {
      if (current.length > 0) current.push(line);
      continue;
    }
    const startsBlock = current.length > 0 && current[current.length - 1]?.trim() === '';
    if (startsBlock) {
      // Continuation of a loose list: an indented line, or another item of the same list.
      const continuesList = listBlock && (/^[ \t]/.test(line) || LIST_ITEM.test(line));
      if (!continuesList) {
        // Drop the trailing blank lines from the closed block.
        while (current.length > 0 && current[current.length - 1]?.trim() === '') current.pop();
        close();
      }
    }
    if (current.length === 0) listBlock = false;
    // A list that starts inside a block (after a paragraph line) also takes its indented continuations.
    if (LIST_ITEM.test(line)) listBlock = true;
    current.push(line);
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) fence = fenceOpen[1]?.slice(0, 3) ?? null;
    else if (MATH_FENCE.test(line)) {
      const rest = line.trim().slice(2);
      if (!rest.endsWith('$$')) inMath = true;
    }
  }
  while (current.length > 0 && current[current.length - 1]?.trim() === '') current.pop();
  close();
  return blocks;
}
