/**
 * History persistence: loads and validates every stored entry (repairing what can be repaired, reporting the
 * rest), and saves or deletes entries. Failures are values; nothing here throws at the caller.
 */
import { checkEntry, compareEntries, type HistoryEntry } from '../../core/history/history-entry.ts';
import { memoryBackend, openIndexedDbBackend, type HistoryBackend } from './history-backend.ts';

export interface LoadedHistory {
  entries: HistoryEntry[];
  /** What to tell the user: unreadable or repaired entries, or history not being saved at all. */
  notices: string[];
}

export interface HistoryStorage {
  readonly persistent: boolean;
  load(): Promise<LoadedHistory>;
  /** Returns an error message when the entry could not be saved. */
  save(entry: HistoryEntry): Promise<string | null>;
  remove(id: string): Promise<string | null>;
}

export function createHistoryStorage(backend: HistoryBackend, openNotice: string | null = null): HistoryStorage {
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return {
    persistent: backend.persistent,
    async load() {
      const notices = openNotice ? [openNotice] : [];
      let rows: unknown[];
      try {
        rows = await backend.getAll();
      } catch (error) {
        return { entries: [], notices: [...notices, `Saved history could not be read: ${message(error)}`] };
      }
      const entries: HistoryEntry[] = [];
      let unreadable = 0;
      let newer = 0;
      let repaired = 0;
      for (const row of rows) {
        const checked = checkEntry(row);
        if (!checked.ok) {
          // Left in storage untouched: a newer version may read it, and nothing is destroyed behind the user's back.
          if (checked.newer) newer++;
          else unreadable++;
          continue;
        }
        entries.push(checked.entry);
        const changed = checked.repaired.length > 0 || (row as { status?: unknown }).status !== checked.entry.status;
        if (checked.repaired.length > 0) repaired++;
        if (changed) {
          try {
            await backend.put(checked.entry);
          } catch {
            // The repaired copy is in memory; it will be saved with the next change.
          }
        }
      }
      entries.sort(compareEntries);
      if (unreadable > 0) notices.push(`${plural(unreadable, 'saved problem')} could not be read and ${unreadable === 1 ? 'is' : 'are'} not listed.`);
      if (newer > 0) notices.push(`${plural(newer, 'saved problem')} came from a newer version of Stepwise and ${newer === 1 ? 'is' : 'are'} not listed; update this page to see ${newer === 1 ? 'it' : 'them'}.`);
      if (repaired > 0) notices.push(`${plural(repaired, 'saved problem')} had damaged parts, which were reset.`);
      return { entries, notices };
    },
    async save(entry) {
      try {
        await backend.put(entry);
        return null;
      } catch (error) {
        return `Could not save to history: ${message(error)}`;
      }
    },
    async remove(id) {
      try {
        await backend.delete(id);
        return null;
      } catch (error) {
        return `Could not delete from history: ${message(error)}`;
      }
    },
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The browser's history storage: IndexedDB, or memory (with a notice) when the browser refuses it. */
export async function openHistoryStorage(): Promise<HistoryStorage> {
  try {
    return createHistoryStorage(await openIndexedDbBackend());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return createHistoryStorage(
      memoryBackend(),
      `History cannot be saved in this browser (${why}); it lasts until this tab is closed.`,
    );
  }
}
