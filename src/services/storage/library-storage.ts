/**
 * The library's persistence: loads and validates stored sets, and writes the difference between two library
 * states. Failures come back as notices for the user, never as exceptions.
 */
import { checkStoredSet, diffLibrary } from '../../core/library/stored-set.ts';
import type { Library, LibrarySet } from '../../core/library/library.ts';
import { memoryLibrary, openIndexedDbLibrary, type LibraryBackend } from './library-backend.ts';

export interface LoadedLibrary {
  library: Library;
  persistent: boolean;
  /** Messages about stored data: unreadable or newer sets (left untouched in storage), storage refused. */
  notices: string[];
}

export interface LibraryStorage {
  load(): Promise<LoadedLibrary>;
  /** Null when saved, else a message for the user. */
  save(prev: Library, next: Library): Promise<string | null>;
}

export function createLibraryStorage(backend: LibraryBackend, startNotices: string[] = []): LibraryStorage {
  return {
    async load() {
      const notices = [...startNotices];
      let rows: unknown[];
      try {
        rows = await backend.getAll();
      } catch (error) {
        notices.push(`The saved library could not be read (${String(error)}). Changes you make now may not be saved; reload the page to try again.`);
        return { library: { sets: [] }, persistent: backend.persistent, notices };
      }
      const found: { set: LibrarySet; order: number }[] = [];
      let newer = 0;
      let broken = 0;
      for (const row of rows) {
        const checked = checkStoredSet(row);
        if (checked.ok) found.push(checked.value);
        else if (checked.error.newer) newer++;
        else broken++;
      }
      if (newer > 0) notices.push(`${newer} saved set(s) were made by a newer version of Stepwise and are hidden here. Update Stepwise to see them; they are kept.`);
      if (broken > 0) notices.push(`${broken} saved set(s) are damaged and could not be read. They are kept in storage, untouched.`);
      found.sort((a, b) => a.order - b.order || (a.set.id < b.set.id ? -1 : 1));
      return { library: { sets: found.map((f) => f.set) }, persistent: backend.persistent, notices };
    },
    async save(prev, next) {
      const { put, remove } = diffLibrary(prev, next);
      if (put.length === 0 && remove.length === 0) return null;
      try {
        await backend.write(put, remove);
        return null;
      } catch (error) {
        return `The library could not be saved (${String(error)}). Export your sets as files to keep them safe.`;
      }
    },
  };
}

/** IndexedDB, or memory with a notice when the browser refuses it (private mode, disabled storage). */
export async function openLibraryStorage(): Promise<LibraryStorage> {
  try {
    return createLibraryStorage(await openIndexedDbLibrary());
  } catch {
    return createLibraryStorage(memoryLibrary(), [
      'This browser does not allow saving here, so the library lasts only until the tab is closed. Export sets as files to keep them.',
    ]);
  }
}
