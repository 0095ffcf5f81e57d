/**
 * Where library sets are kept: their own IndexedDB database (separate from history, so the two schemas
 * version independently), or memory where IndexedDB is missing or refused.
 */
import { rowsById } from './memory-rows.ts';

export interface LibraryBackend {
  /** Whether sets survive closing the tab. */
  readonly persistent: boolean;
  getAll(): Promise<unknown[]>;
  /** Writes and deletes in one transaction, so a crash never leaves half a reorder. */
  write(put: { id: string }[], remove: string[]): Promise<void>;
}

const DB_NAME = 'stepwise-library';
const DB_VERSION = 1;
const STORE = 'sets';

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      // Another tab upgrading the schema must not be blocked by this one.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

export async function openIndexedDbLibrary(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<LibraryBackend> {
  if (!factory) throw new Error('This browser has no IndexedDB');
  const db = await openDb(factory);
  return {
    persistent: true,
    getAll: () =>
      new Promise((resolve, reject) => {
        const req = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
      }),
    write: (put, remove) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write was aborted'));
        const store = tx.objectStore(STORE);
        for (const row of put) store.put(row);
        for (const id of remove) store.delete(id);
      }),
  };
}

export function memoryLibrary(initial: unknown[] = []): LibraryBackend & { rows: Map<string, unknown> } {
  const rows = rowsById(initial);
  return {
    persistent: false,
    rows,
    getAll: async () => [...rows.values()].map((r) => structuredClone(r)),
    write: async (put, remove) => {
      for (const row of put) rows.set(row.id, structuredClone(row));
      for (const id of remove) rows.delete(id);
    },
  };
}
