/**
 * How a set is kept in storage: one record per set, versioned, with its place in the list. Stored data is
 * untrusted on load (another version, a crash mid-write or a user's tinkering may have left anything), so
 * records are validated and migrated; what cannot be read is reported and left alone, never deleted.
 */
import type { Result } from '../llm/result.ts';
import { isRecord } from './check-solution.ts';
import { checkItem, isTime } from './check-item.ts';
import { cleanName, cleanTags, type Library, type LibraryItem, type LibrarySet } from './library.ts';
import { migrate, type Migrations } from './migrate.ts';
import { isRevealPolicy } from '../tutor/progress.ts';

export const LIBRARY_VERSION = 1;
const LIBRARY_MIGRATIONS: Migrations = {};

export interface StoredSet extends LibrarySet {
  v: typeof LIBRARY_VERSION;
  /** Position in the library list, 0 first. */
  order: number;
}

export const toStored = (set: LibrarySet, order: number): StoredSet => ({ ...set, v: LIBRARY_VERSION, order });

export type StoredCheck = Result<{ set: LibrarySet; order: number; repaired: boolean }, { reason: string; newer: boolean }>;

export function checkStoredSet(raw: unknown): StoredCheck {
  const fail = (reason: string, newer = false) => ({ ok: false as const, error: { reason, newer } });
  if (!isRecord(raw)) return fail('not an object');
  if (typeof raw.id !== 'string' || raw.id === '') return fail('no id');
  const migrated = migrate(raw, raw.v, LIBRARY_VERSION, LIBRARY_MIGRATIONS);
  if (!migrated.ok) {
    const e = migrated.error;
    return e.kind === 'newer-version' ? fail(`saved by a newer version (v${e.found})`, true) : fail('unknown version');
  }
  const set = migrated.value;
  if (!Array.isArray(set.items)) return fail('no list of solutions');
  let repaired = false;
  const items: LibraryItem[] = [];
  for (const [index, rawItem] of set.items.entries()) {
    const id = isRecord(rawItem) && typeof rawItem.id === 'string' && rawItem.id !== '' ? rawItem.id : `${set.id}#${index}`;
    const item = checkItem(rawItem, { id, now: 0 });
    if (!item.ok) return fail(`solution ${index + 1} ${item.error}`);
    items.push(item.value);
  }
  const name = typeof set.name === 'string' ? cleanName(set.name) : null;
  const tags = Array.isArray(set.tags) ? cleanTags(set.tags.filter((t): t is string => typeof t === 'string')) : [];
  if (name === null || !Array.isArray(set.tags) || !isTime(set.createdAt) || !isTime(set.updatedAt)) repaired = true;
  // An unknown reveal policy is dropped: the set's students then follow their own setting.
  if (set.policy !== undefined && !isRevealPolicy(set.policy)) repaired = true;
  const createdAt = isTime(set.createdAt) ? set.createdAt : 0;
  const clean: LibrarySet = {
    id: raw.id,
    name: name ?? 'Untitled set',
    tags,
    createdAt,
    updatedAt: isTime(set.updatedAt) ? set.updatedAt : createdAt,
    items,
  };
  if (isRevealPolicy(set.policy)) clean.policy = set.policy;
  return {
    ok: true,
    value: {
      set: clean,
      order: typeof set.order === 'number' && Number.isFinite(set.order) ? set.order : Number.MAX_SAFE_INTEGER,
      repaired,
    },
  };
}

/** What to write to go from `prev` to `next`: sets that are new, changed or moved, and ids that are gone. */
export function diffLibrary(prev: Library, next: Library): { put: StoredSet[]; remove: string[] } {
  const before = new Map(prev.sets.map((s, i) => [s.id, { set: s, order: i }]));
  const put = next.sets.flatMap((set, order) => {
    const old = before.get(set.id);
    return old && old.set === set && old.order === order ? [] : [toStored(set, order)];
  });
  const keep = new Set(next.sets.map((s) => s.id));
  return { put, remove: prev.sets.filter((s) => !keep.has(s.id)).map((s) => s.id) };
}
