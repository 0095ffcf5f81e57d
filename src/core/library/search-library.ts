/**
 * The library page's search: which sets match, and which of their problems, so the page can say so. Every
 * word must match (case-insensitive) the set's name, one of its tags, or a problem's text; `#word` must be
 * a tag exactly. Math is matched as typed without the spaces and delimiters: "2x+3" finds "$2x + 3 = 11$".
 */
import type { Library, LibrarySet } from './library.ts';

export interface SetMatch {
  set: LibrarySet;
  /** Items whose problem matches every word not already matched by the set's name or tags. */
  itemIds: string[];
}

interface Word {
  text: string;
  /** `#tag`: only a tag, exactly. */
  tag: boolean;
  /** Has a digit or symbol: also compared with spaces removed, as math is typed either way. */
  math: boolean;
}

const DELIMITERS = /\$|\\[()[\]]/g;

function words(query: string): Word[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '#')
    .map((w) => (w.startsWith('#') ? { text: w.slice(1), tag: true, math: false } : { text: w.replace(DELIMITERS, ''), tag: false, math: /[^\p{L}]/u.test(w) }))
    .filter((w) => w.text !== '');
}

/** The problem text in the two forms words are compared with. */
function haystack(problem: string): { plain: string; squashed: string } {
  const plain = problem.toLowerCase().replace(DELIMITERS, ' ');
  return { plain, squashed: plain.replace(/\s+/g, '') };
}

const inProblem = (word: Word, text: { plain: string; squashed: string }) =>
  text.plain.includes(word.text) || (word.math && text.squashed.includes(word.text));

const inSetLabel = (word: Word, set: LibrarySet) =>
  word.tag ? set.tags.includes(word.text) : set.name.toLowerCase().includes(word.text) || set.tags.some((t) => t.includes(word.text));

/** Sets in library order that match `query`; an empty query matches every set (with no items singled out). */
export function searchLibrary(library: Library, query: string): SetMatch[] {
  const ws = words(query);
  if (ws.length === 0) return library.sets.map((set) => ({ set, itemIds: [] }));
  const out: SetMatch[] = [];
  for (const set of library.sets) {
    const rest = ws.filter((w) => !inSetLabel(w, set));
    if (rest.some((w) => w.tag)) continue;
    const texts = set.items.map((i) => ({ id: i.id, text: haystack(i.problem) }));
    // Each remaining word may be found in a different problem; the set matches if all are found somewhere.
    if (!rest.every((w) => texts.some((t) => inProblem(w, t.text)))) continue;
    const itemIds = rest.length === 0 ? [] : texts.filter((t) => rest.every((w) => inProblem(w, t.text))).map((t) => t.id);
    out.push({ set, itemIds });
  }
  return out;
}
