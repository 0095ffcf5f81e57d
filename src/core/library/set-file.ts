/**
 * The set export file: versioned JSON a teacher can keep, share and import back. Import treats the file as
 * untrusted: it never throws, and refuses (with a reason the user can act on) anything invalid or newer than
 * this app understands, so a bad file can never damage the library.
 */
import type { Result } from '../llm/result.ts';
import { cleanName, cleanTags, type LibraryItem, type LibrarySet } from './library.ts';
import { isRecord } from './check-solution.ts';
import { checkItem, isTime } from './check-item.ts';
import { migrate, type Migrations } from './migrate.ts';
import { isRevealPolicy, type RevealPolicy } from '../tutor/progress.ts';

export const SET_FILE_FORMAT = 'stepwise-set';
export const SET_FILE_VERSION = 1;
/** Far above any real set; stops a wrong file (a video, a database dump) from freezing the tab. */
export const MAX_SET_FILE_CHARS = 20_000_000;

/**
 * Older file versions upgrade through here, one step each (none yet: v1 is the first format). Optional fields
 * added since (the set's `policy`) leave the version alone: a file without them imports as before, and an
 * older Stepwise importing a newer file ignores them.
 */
const SET_FILE_MIGRATIONS: Migrations = {};

/** An item as a file carries it: a library item without its id (imports get fresh ids). */
export type SetFileItem = Omit<LibraryItem, 'id'>;

export interface SetFile {
  format: typeof SET_FILE_FORMAT;
  version: typeof SET_FILE_VERSION;
  exportedAt: number;
  set: { name: string; tags: string[]; createdAt: number; updatedAt: number; items: SetFileItem[]; policy?: RevealPolicy };
}

/** The file text for a set: ids are left out (they are local to one library), everything else is kept. */
export function exportSetFile(set: LibrarySet, now: number): string {
  const file: SetFile = {
    format: SET_FILE_FORMAT,
    version: SET_FILE_VERSION,
    exportedAt: now,
    set: {
      name: set.name,
      tags: set.tags,
      createdAt: set.createdAt,
      updatedAt: set.updatedAt,
      items: set.items.map(({ problem, solution, answerText, source, model, addedAt }) => ({ problem, solution, answerText, source, model, addedAt })),
    },
  };
  if (set.policy !== undefined) file.set.policy = set.policy;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for the download, from the set name. */
export function setFileName(set: LibrarySet): string {
  const base = set.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${base || 'set'}.stepwise.json`;
}

export type ImportErrorKind = 'too-large' | 'not-json' | 'not-a-set' | 'bad-version' | 'newer-version' | 'invalid';

export interface ImportError {
  kind: ImportErrorKind;
  /** What is wrong, for the user. */
  message: string;
  /** What to do next. */
  hint: string;
}

const refuse = (kind: ImportErrorKind, message: string, hint: string): { ok: false; error: ImportError } => ({
  ok: false,
  error: { kind, message, hint },
});

const CHECK_FILE = 'Check that you picked a set exported from Stepwise, and that it was not edited by hand.';


/**
 * Reads a set file. On success the set has fresh ids from `newId` (so importing twice gives two sets, never a
 * clash) and keeps its name, tags and times as exported; `now` fills in only a missing time.
 */
export function importSetFile(text: string, ids: { newId: () => string; now: number }): Result<LibrarySet, ImportError> {
  if (text.length > MAX_SET_FILE_CHARS) {
    return refuse('too-large', `The file is too large (${Math.round(text.length / 1e6)} MB) to be a Stepwise set.`, CHECK_FILE);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('not-json', 'The file is not valid JSON, so it cannot be a Stepwise set.', CHECK_FILE);
  }
  if (!isRecord(parsed) || parsed.format !== SET_FILE_FORMAT) {
    return refuse('not-a-set', 'The file is JSON but not a Stepwise set export.', CHECK_FILE);
  }
  const migrated = migrate(parsed, parsed.version, SET_FILE_VERSION, SET_FILE_MIGRATIONS);
  if (!migrated.ok) {
    const e = migrated.error;
    if (e.kind === 'newer-version') {
      return refuse(
        'newer-version',
        `The set was exported by a newer version of Stepwise (file format v${e.found}; this app reads up to v${SET_FILE_VERSION}).`,
        'Update Stepwise (reload the page, or install the newer version), then import it again.',
      );
    }
    const found = e.kind === 'bad-version' ? JSON.stringify(e.found) ?? 'none' : `v${e.from}`;
    return refuse('bad-version', `The file's format version (${found}) is not one Stepwise knows.`, CHECK_FILE);
  }
  const raw = migrated.value;
  const set = raw.set;
  if (!isRecord(set)) return refuse('invalid', 'The file has no set in it.', CHECK_FILE);
  const name = typeof set.name === 'string' ? cleanName(set.name) : null;
  if (name === null) return refuse('invalid', 'The set in the file has no name.', CHECK_FILE);
  if (set.tags !== undefined && !(Array.isArray(set.tags) && set.tags.every((t) => typeof t === 'string'))) {
    return refuse('invalid', 'The set’s tags are not a list of words.', CHECK_FILE);
  }
  if (!Array.isArray(set.items)) return refuse('invalid', 'The set in the file has no list of solutions.', CHECK_FILE);
  if (set.policy !== undefined && !isRevealPolicy(set.policy)) {
    return refuse(
      'invalid',
      `The set’s reveal policy (${JSON.stringify(set.policy) ?? 'none'}) is not one Stepwise knows: free, try-first or hints-only.`,
      CHECK_FILE,
    );
  }

  const items: LibraryItem[] = [];
  for (const [index, raw] of set.items.entries()) {
    const item = checkItem(raw, { id: ids.newId(), now: ids.now });
    if (!item.ok) return refuse('invalid', `Solution ${index + 1} of ${set.items.length} ${item.error}.`, CHECK_FILE);
    items.push(item.value);
  }
  const createdAt = isTime(set.createdAt) ? set.createdAt : ids.now;
  const value: LibrarySet = {
    id: ids.newId(),
    name,
    tags: cleanTags((set.tags as string[] | undefined) ?? []),
    createdAt,
    updatedAt: isTime(set.updatedAt) ? set.updatedAt : createdAt,
    items,
  };
  if (isRevealPolicy(set.policy)) value.policy = set.policy;
  return { ok: true, value };
}
