/**
 * Where history entries are kept: IndexedDB in browsers, memory where IndexedDB is missing or refused (then
 * history lasts as long as the tab, and the user is told).
 */
import { rowsById } from './memory-rows.ts';

export interface HistoryBackend {
  /** Whether entries survive closing the tab. */
  readonly persistent: boolean;
  getAll(): Promise<unknown[]>;
  put(entry: { id: string }): Promise<void>;
  delete(id: string): Promise<void>;
}

const DB_NAME = 'stepwise';
const DB_VERSION = 1;
const STORE = 'entries';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema must not be blocked by this one.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

function writeTx(db: IDBDatabase, work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write was aborted'));
    work(tx.objectStore(STORE));
  });
}

export async function openIndexedDbBackend(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<HistoryBackend> {
  if (!factory) throw new Error('This browser has no IndexedDB');
  const db = await openDb(factory);
  return {
    persistent: true,
    getAll: () => request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll()),
    put: (entry) => writeTx(db, (store) => store.put(entry)),
    delete: (id) => writeTx(db, (store) => store.delete(id)),
  };
}

export function memoryBackend(initial: unknown[] = []): HistoryBackend {
  const rows = rowsById(initial);
  return {
    persistent: false,
    getAll: async () => [...rows.values()].map((r) => structuredClone(r)),
    put: async (entry) => void rows.set(entry.id, structuredClone(entry)),
    delete: async (id) => void rows.delete(id),
  };
}
