/**
 * The teacher's library: named sets of saved solutions. Pure data and pure operations; ids and clock
 * readings are passed in so every operation is deterministic and testable.
 */
import type { Solution } from '../solution/solution.ts';
import type { Result } from '../llm/result.ts';
import type { RevealPolicy } from '../tutor/progress.ts';

/** Where a saved solution came from: a language model, the built-in solver, or text the user pasted. */
export type ItemSource = 'model' | 'solver' | 'pasted';

export interface LibraryItem {
  id: string;
  /** The problem as the user typed it (Markdown + LaTeX). */
  problem: string;
  solution: Solution;
  /** The answer text exactly as received or pasted; empty for the built-in solver, which writes none. */
  answerText: string;
  source: ItemSource;
  /** The model id when `source` is `model`, else empty. */
  model: string;
  addedAt: number;
}

export interface LibrarySet {
  id: string;
  name: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  items: LibraryItem[];
  /** How freely students may reveal the steps of this set's solutions; absent: each student's own setting. */
  policy?: RevealPolicy;
}

/** Sets in display order (the user's order; new sets go first). */
export interface Library {
  sets: LibrarySet[];
}

export const emptyLibrary = (): Library => ({ sets: [] });

export type LibraryError =
  | { kind: 'no-such-set'; setId: string }
  | { kind: 'no-such-item'; setId: string; itemId: string }
  | { kind: 'empty-name' }
  | { kind: 'duplicate-id'; id: string };

export type LibraryResult = Result<Library, LibraryError>;

export const MAX_NAME_LENGTH = 200;

/** Trims and collapses whitespace so "  Week 3 " and "Week 3" are the same name; null when nothing is left. */
export function cleanName(name: string): string | null {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  return clean === '' ? null : clean;
}

/** Tags compare case-insensitively; stored lower-case, trimmed, without duplicates, in first-seen order. */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const t = tag.replace(/\s+/g, ' ').trim().toLowerCase();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

export function findSet(library: Library, setId: string): LibrarySet | undefined {
  return library.sets.find((s) => s.id === setId);
}

const ok = (value: Library): LibraryResult => ({ ok: true, value });
const fail = (error: LibraryError): LibraryResult => ({ ok: false, error });

export function createSet(library: Library, fields: { id: string; name: string; now: number; tags?: string[] }): LibraryResult {
  const name = cleanName(fields.name);
  if (name === null) return fail({ kind: 'empty-name' });
  if (findSet(library, fields.id)) return fail({ kind: 'duplicate-id', id: fields.id });
  const set: LibrarySet = { id: fields.id, name, tags: cleanTags(fields.tags ?? []), createdAt: fields.now, updatedAt: fields.now, items: [] };
  return ok({ sets: [set, ...library.sets] });
}

/** Applies `change` to one set and stamps `updatedAt`. */
function updateSet(library: Library, setId: string, now: number, change: (set: LibrarySet) => Result<LibrarySet, LibraryError>): LibraryResult {
  const index = library.sets.findIndex((s) => s.id === setId);
  const set = library.sets[index];
  if (!set) return fail({ kind: 'no-such-set', setId });
  const changed = change(set);
  if (!changed.ok) return changed;
  const sets = library.sets.slice();
  sets[index] = { ...changed.value, updatedAt: now };
  return ok({ sets });
}

export function renameSet(library: Library, setId: string, name: string, now: number): LibraryResult {
  const clean = cleanName(name);
  if (clean === null) return fail({ kind: 'empty-name' });
  return updateSet(library, setId, now, (set) => ({ ok: true, value: { ...set, name: clean } }));
}

export function setTags(library: Library, setId: string, tags: readonly string[], now: number): LibraryResult {
  return updateSet(library, setId, now, (set) => ({ ok: true, value: { ...set, tags: cleanTags(tags) } }));
}

/** Sets the set's reveal policy; null leaves it to each student's own setting. */
export function setPolicy(library: Library, setId: string, policy: RevealPolicy | null, now: number): LibraryResult {
  return updateSet(library, setId, now, (set) => {
    const { policy: _old, ...rest } = set;
    return { ok: true, value: policy === null ? rest : { ...rest, policy } };
  });
}

/** Adds an item at the end of the set, or just before item `before` when that is in the set. */
export function addItem(library: Library, setId: string, item: LibraryItem, now: number, before?: string): LibraryResult {
  return updateSet(library, setId, now, (set) => {
    if (set.items.some((i) => i.id === item.id)) return { ok: false, error: { kind: 'duplicate-id', id: item.id } };
    const at = before === undefined ? -1 : set.items.findIndex((i) => i.id === before);
    const items = at < 0 ? [...set.items, item] : [...set.items.slice(0, at), item, ...set.items.slice(at)];
    return { ok: true, value: { ...set, items } };
  });
}

/** Copies a set (all items, or only `itemIds` in their set order) under a new id, placed right after it. */
export function duplicateSet(
  library: Library,
  setId: string,
  fields: { newId: string; now: number; name?: string; itemIds?: readonly string[] },
): LibraryResult {
  const index = library.sets.findIndex((s) => s.id === setId);
  const set = library.sets[index];
  if (!set) return fail({ kind: 'no-such-set', setId });
  if (findSet(library, fields.newId)) return fail({ kind: 'duplicate-id', id: fields.newId });
  const name = fields.name === undefined ? `${set.name} (copy)` : cleanName(fields.name);
  if (name === null) return fail({ kind: 'empty-name' });
  const keep = fields.itemIds ? new Set(fields.itemIds) : null;
  const copy: LibrarySet = {
    ...structuredClone(set),
    id: fields.newId,
    name: name.slice(0, MAX_NAME_LENGTH),
    createdAt: fields.now,
    updatedAt: fields.now,
  };
  if (keep) copy.items = copy.items.filter((i) => keep.has(i.id));
  const sets = library.sets.slice();
  sets.splice(index + 1, 0, copy);
  return ok({ sets });
}

/**
 * What a delete removed and where it was, so undo puts it back exactly. Holds the data itself: undo works
 * even after other edits, and never resurrects a newer copy over an older one.
 */
export type UndoToken =
  | { kind: 'set'; set: LibrarySet; index: number }
  | { kind: 'item'; setId: string; item: LibraryItem; index: number };

export type DeleteResult = Result<{ library: Library; undo: UndoToken }, LibraryError>;

export function deleteSet(library: Library, setId: string): DeleteResult {
  const index = library.sets.findIndex((s) => s.id === setId);
  const set = library.sets[index];
  if (!set) return { ok: false, error: { kind: 'no-such-set', setId } };
  return { ok: true, value: { library: { sets: library.sets.filter((s) => s.id !== setId) }, undo: { kind: 'set', set, index } } };
}

export function deleteItem(library: Library, setId: string, itemId: string, now: number): DeleteResult {
  const set = findSet(library, setId);
  if (!set) return { ok: false, error: { kind: 'no-such-set', setId } };
  const index = set.items.findIndex((i) => i.id === itemId);
  const item = set.items[index];
  if (!item) return { ok: false, error: { kind: 'no-such-item', setId, itemId } };
  const result = updateSet(library, setId, now, (s) => ({ ok: true, value: { ...s, items: s.items.filter((i) => i.id !== itemId) } }));
  if (!result.ok) return result;
  return { ok: true, value: { library: result.value, undo: { kind: 'item', setId, item, index } } };
}

/**
 * Reverses a delete. A set comes back at its old position (clamped); an item comes back into its set, which
 * must still exist. Fails rather than duplicate when the id is already present again.
 */
export function undoDelete(library: Library, token: UndoToken, now: number): LibraryResult {
  if (token.kind === 'set') {
    if (findSet(library, token.set.id)) return fail({ kind: 'duplicate-id', id: token.set.id });
    const sets = library.sets.slice();
    sets.splice(Math.min(token.index, sets.length), 0, token.set);
    return ok({ sets });
  }
  return updateSet(library, token.setId, now, (set) => {
    if (set.items.some((i) => i.id === token.item.id)) return { ok: false, error: { kind: 'duplicate-id', id: token.item.id } };
    const items = set.items.slice();
    items.splice(Math.min(token.index, items.length), 0, token.item);
    return { ok: true, value: { ...set, items } };
  });
}

/**
 * Sets matching every word of `query` (case-insensitive) in the name, a tag, or an item's problem text.
 * A word starting with `#` must match a tag exactly. An empty query matches everything.
 */
export function searchSets(library: Library, query: string): LibrarySet[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return library.sets.filter((set) =>
    words.every((word) => {
      if (word.startsWith('#') && word.length > 1) return set.tags.includes(word.slice(1));
      return (
        set.name.toLowerCase().includes(word) ||
        set.tags.some((t) => t.includes(word)) ||
        set.items.some((i) => i.problem.toLowerCase().includes(word))
      );
    }),
  );
}

/** A sentence for the user about a failed operation. */
export function describeLibraryError(error: LibraryError): string {
  switch (error.kind) {
    case 'no-such-set':
      return 'That set no longer exists — it may have been deleted in another tab. Reload the library.';
    case 'no-such-item':
      return 'That solution is no longer in the set — it may have been deleted in another tab. Reload the library.';
    case 'empty-name':
      return 'A set needs a name. Type at least one character.';
    case 'duplicate-id':
      return 'Something with the same id is already in the library; nothing was changed.';
  }
}

/** The editable fields of a saved item: its problem and its (edited) solution. */
export type ItemChange = Partial<Pick<LibraryItem, 'problem' | 'solution'>>;

/** Replaces fields of one item in place (same id, same position) and stamps the set's `updatedAt`. */
export function updateLibraryItem(library: Library, setId: string, itemId: string, change: ItemChange, now: number): LibraryResult {
  return updateSet(library, setId, now, (set) => {
    const index = set.items.findIndex((i) => i.id === itemId);
    const item = set.items[index];
    if (!item) return { ok: false, error: { kind: 'no-such-item', setId, itemId } };
    const items = set.items.slice();
    items[index] = { ...item, ...change };
    return { ok: true, value: { ...set, items } };
  });
}
