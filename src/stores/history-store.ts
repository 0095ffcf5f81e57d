/**
 * History: every problem asked or pasted, with its answer and reveal state, saved in IndexedDB through the
 * storage adapter. Writes during streaming and revealing are coalesced per entry; `flushHistory` runs them
 * now (the app calls it when the page is hidden, so closing the tab keeps what arrived).
 */
import { create } from 'zustand';
import { compareEntries, type HistoryEntry } from '../core/history/history-entry.ts';
import { openHistoryStorage, type HistoryStorage } from '../services/storage/index.ts';

export interface HistoryState {
  entries: HistoryEntry[];
  status: 'loading' | 'ready';
  /** Messages about stored data (unreadable entries, storage refused, a failed save). */
  notices: string[];
  /** The entry just deleted, for "Undo". */
  lastDeleted: HistoryEntry | null;
}

export const useHistoryStore = create<HistoryState>()(() => ({
  entries: [],
  status: 'loading',
  notices: [],
  lastDeleted: null,
}));

/** How soon coalesced writes reach storage. */
export const SAVE_DELAY_MS = 400;

let storage: Promise<HistoryStorage> | null = null;
let loading: Promise<void> | null = null;
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function getStorage(): Promise<HistoryStorage> {
  storage ??= openHistoryStorage();
  return storage;
}

/** Loads saved history once. Entries created before loading finished are kept (they are newer). */
export function initHistory(): Promise<void> {
  loading ??= load();
  return loading;
}

async function load(): Promise<void> {
  const loaded = await (await getStorage()).load();
  useHistoryStore.setState((s) => {
    const mine = new Set(s.entries.map((e) => e.id));
    const entries = [...s.entries, ...loaded.entries.filter((e) => !mine.has(e.id))].sort(compareEntries);
    return { entries, status: 'ready', notices: [...s.notices, ...loaded.notices] };
  });
}

export function getEntry(id: string): HistoryEntry | undefined {
  return useHistoryStore.getState().entries.find((e) => e.id === id);
}

function report(problem: string | null): void {
  if (problem === null) return;
  useHistoryStore.setState((s) => (s.notices.includes(problem) ? s : { notices: [...s.notices, problem] }));
}

async function write(id: string): Promise<void> {
  pending.delete(id);
  const entry = getEntry(id);
  if (!entry) return;
  report(await (await getStorage()).save(entry));
}

/** Adds or replaces an entry; `soon` coalesces rapid changes into one write. */
export function putEntry(entry: HistoryEntry, when: 'now' | 'soon' = 'now'): Promise<void> {
  useHistoryStore.setState((s) => {
    const i = s.entries.findIndex((e) => e.id === entry.id);
    const entries = i === -1 ? [entry, ...s.entries].sort(compareEntries) : s.entries.with(i, entry);
    return { entries };
  });
  return schedule(entry.id, when);
}

/** Changes some fields of an entry (no-op if it was deleted meanwhile). */
export function patchEntry(id: string, patch: Partial<HistoryEntry>, when: 'now' | 'soon' = 'soon'): Promise<void> {
  const entry = getEntry(id);
  if (!entry) return Promise.resolve();
  return putEntry({ ...entry, ...patch }, when);
}

function schedule(id: string, when: 'now' | 'soon'): Promise<void> {
  const timer = pending.get(id);
  if (when === 'now') {
    if (timer) clearTimeout(timer);
    return write(id);
  }
  if (!timer) pending.set(id, setTimeout(() => void write(id), SAVE_DELAY_MS));
  return Promise.resolve();
}

/** Writes every coalesced change now. */
export async function flushHistory(): Promise<void> {
  const ids = [...pending.keys()];
  for (const id of ids) clearTimeout(pending.get(id));
  await Promise.all(ids.map(write));
}

export async function deleteEntry(id: string): Promise<void> {
  const entry = getEntry(id);
  if (!entry) return;
  const timer = pending.get(id);
  if (timer) clearTimeout(timer);
  pending.delete(id);
  useHistoryStore.setState((s) => ({ entries: s.entries.filter((e) => e.id !== id), lastDeleted: entry }));
  report(await (await getStorage()).remove(id));
}

export function undoDelete(): Promise<void> {
  const { lastDeleted } = useHistoryStore.getState();
  if (!lastDeleted) return Promise.resolve();
  useHistoryStore.setState({ lastDeleted: null });
  return putEntry(lastDeleted, 'now');
}

export function forgetDeleted(): void {
  useHistoryStore.setState({ lastDeleted: null });
}

export function dismissNotice(text: string): void {
  useHistoryStore.setState((s) => ({ notices: s.notices.filter((n) => n !== text) }));
}

/** For tests: empty state and a given storage. */
export function resetHistoryForTest(custom: HistoryStorage): void {
  for (const t of pending.values()) clearTimeout(t);
  pending.clear();
  storage = Promise.resolve(custom);
  loading = null;
  useHistoryStore.setState({ entries: [], status: 'loading', notices: [], lastDeleted: null });
}
