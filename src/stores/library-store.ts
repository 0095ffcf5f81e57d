/**
 * The teacher's library of sets, persisted in IndexedDB through the storage adapter. Actions apply the pure
 * operations from core/library, then write the difference; writes are chained so they reach storage in order.
 * Failures come back as typed results with a message for the user.
 */
import { create } from 'zustand';
import type { Result } from '../core/llm/result.ts';
import {
  addItem,
  createSet,
  deleteItem,
  deleteSet,
  describeLibraryError,
  duplicateSet,
  findSet,
  renameSet,
  setPolicy,
  setTags,
  undoDelete,
  updateLibraryItem,
  type DeleteResult,
  type ItemChange,
  type Library,
  type LibraryItem,
  type LibraryResult,
  type UndoToken,
} from '../core/library/library.ts';
import { exportSetFile, importSetFile, setFileName, type ImportError } from '../core/library/set-file.ts';
import type { RevealPolicy } from '../core/tutor/progress.ts';
import { openLibraryStorage, type LibraryStorage } from '../services/storage/index.ts';

export interface LibraryState {
  library: Library;
  status: 'loading' | 'ready';
  /** Messages about stored data (unreadable or newer sets, storage refused, a failed save). */
  notices: string[];
  /** The last delete, for "Undo". */
  lastDelete: UndoToken | null;
}

export const useLibraryStore = create<LibraryState>()(() => ({
  library: { sets: [] },
  status: 'loading',
  notices: [],
  lastDelete: null,
}));

let storage: Promise<LibraryStorage> | null = null;
let loading: Promise<void> | null = null;
let writes: Promise<void> = Promise.resolve();
let newId = (): string => crypto.randomUUID();
let now = (): number => Date.now();

const getStorage = () => (storage ??= openLibraryStorage());

/** Loads the saved library once. Sets made before loading finished are kept, first. */
export function initLibrary(): Promise<void> {
  loading ??= (async () => {
    const loaded = await (await getStorage()).load();
    useLibraryStore.setState((s) => {
      const mine = new Set(s.library.sets.map((x) => x.id));
      return {
        library: { sets: [...s.library.sets, ...loaded.library.sets.filter((x) => !mine.has(x.id))] },
        status: 'ready',
        notices: [...s.notices, ...loaded.notices],
      };
    });
  })();
  return loading;
}

function notice(text: string | null): void {
  if (text !== null) useLibraryStore.setState((s) => (s.notices.includes(text) ? s : { notices: [...s.notices, text] }));
}

/**
 * Puts `next` in the store and queues its write; resolves once it is saved with null, or with why it could not
 * be (also shown as a notice): the change stays on screen, and the caller can say it was not saved.
 */
function commit(prev: Library, next: Library, lastDelete?: UndoToken | null): Promise<string | null> {
  useLibraryStore.setState(lastDelete === undefined ? { library: next } : { library: next, lastDelete });
  const saved = writes.then(async () => {
    const failure = await (await getStorage()).save(prev, next);
    notice(failure);
    return failure;
  });
  writes = saved.then(() => undefined);
  return saved;
}

export type ActionResult<T = void> = Result<T, string>;

async function apply(change: (library: Library) => LibraryResult, lastDelete?: UndoToken | null): Promise<ActionResult> {
  const prev = useLibraryStore.getState().library;
  const result = change(prev);
  if (!result.ok) return { ok: false, error: describeLibraryError(result.error) };
  const failure = await commit(prev, result.value, lastDelete);
  return failure === null ? { ok: true, value: undefined } : { ok: false, error: failure };
}

async function applyDelete(change: (library: Library) => DeleteResult): Promise<ActionResult> {
  const prev = useLibraryStore.getState().library;
  const result = change(prev);
  if (!result.ok) return { ok: false, error: describeLibraryError(result.error) };
  const failure = await commit(prev, result.value.library, result.value.undo);
  return failure === null ? { ok: true, value: undefined } : { ok: false, error: failure };
}

/** Creates a set and returns its id. */
export async function createLibrarySet(name: string, tags: string[] = []): Promise<ActionResult<string>> {
  const id = newId();
  const done = await apply((lib) => createSet(lib, { id, name, now: now(), tags }));
  return done.ok ? { ok: true, value: id } : done;
}

export const renameLibrarySet = (setId: string, name: string) => apply((lib) => renameSet(lib, setId, name, now()));
export const tagLibrarySet = (setId: string, tags: string[]) => apply((lib) => setTags(lib, setId, tags, now()));
/** The set's reveal policy for students; null: each student's own setting. */
export const setLibrarySetPolicy = (setId: string, policy: RevealPolicy | null) => apply((lib) => setPolicy(lib, setId, policy, now()));

export async function duplicateLibrarySet(setId: string, itemIds?: string[]): Promise<ActionResult<string>> {
  const id = newId();
  const done = await apply((lib) => duplicateSet(lib, setId, { newId: id, now: now(), ...(itemIds ? { itemIds } : {}) }));
  return done.ok ? { ok: true, value: id } : done;
}

/** Saves a solution into a set (at the end, or just before item `before`); returns the new item's id. */
export async function saveToLibrary(setId: string, item: Omit<LibraryItem, 'id' | 'addedAt'>, before?: string): Promise<ActionResult<string>> {
  const full: LibraryItem = { ...structuredClone(item), id: newId(), addedAt: now() };
  const done = await apply((lib) => addItem(lib, setId, full, now(), before));
  return done.ok ? { ok: true, value: full.id } : done;
}

export const deleteLibrarySet = (setId: string) => applyDelete((lib) => deleteSet(lib, setId));
export const deleteLibraryItem = (setId: string, itemId: string) => applyDelete((lib) => deleteItem(lib, setId, itemId, now()));

export function undoLibraryDelete(): Promise<ActionResult> {
  const token = useLibraryStore.getState().lastDelete;
  if (!token) return Promise.resolve({ ok: false, error: 'There is nothing to undo.' });
  return apply((lib) => undoDelete(lib, token, now()), null);
}

/** Imports a set file as a new set (never touching existing ones); returns its id or why it was refused. */
export async function importLibraryFile(text: string): Promise<Result<string, ImportError>> {
  const imported = importSetFile(text, { newId, now: now() });
  if (!imported.ok) return imported;
  const prev = useLibraryStore.getState().library;
  await commit(prev, { sets: [imported.value, ...prev.sets] });
  return { ok: true, value: imported.value.id };
}

/** The download for a set: file name and JSON text; null when the set is gone. */
export function exportLibrarySet(setId: string): { fileName: string; text: string } | null {
  const set = findSet(useLibraryStore.getState().library, setId);
  return set ? { fileName: setFileName(set), text: exportSetFile(set, now()) } : null;
}

/** Saves an edit of one item (the editor's solution, the problem); resolves once it is written. */
export const updateLibraryItemFields = (setId: string, itemId: string, change: ItemChange) =>
  apply((lib) => updateLibraryItem(lib, setId, itemId, change, now()));

export function dismissLibraryNotice(text: string): void {
  useLibraryStore.setState((s) => ({ notices: s.notices.filter((n) => n !== text) }));
}

/** Withdraws the "Undo" offer for the last delete (the user dismissed it). */
export function forgetLibraryDelete(): void {
  useLibraryStore.setState({ lastDelete: null });
}

/** For tests: empty state, the given storage, and deterministic ids and clock. */
export function resetLibraryForTest(custom: LibraryStorage, fixed?: { newId: () => string; now: () => number }): void {
  storage = Promise.resolve(custom);
  loading = null;
  writes = Promise.resolve();
  if (fixed) ({ newId, now } = fixed);
  useLibraryStore.setState({ library: { sets: [] }, status: 'loading', notices: [], lastDelete: null });
}
