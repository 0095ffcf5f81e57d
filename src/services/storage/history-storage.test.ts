import { describe, expect, it } from 'vitest';
import { newEntry } from '../../core/history/history-entry.ts';
import { memoryBackend, type HistoryBackend } from './history-backend.ts';
import { createHistoryStorage } from './history-storage.ts';

const entry = (id: string, createdAt: number) =>
  newEntry({ id, now: createdAt, problem: `Problem ${id}`, source: 'paste', answer: 'x = 1', status: 'done' });

describe('history storage', () => {
  it('saves, lists newest first, and deletes', async () => {
    const storage = createHistoryStorage(memoryBackend());
    expect(await storage.save(entry('old', 1))).toBeNull();
    expect(await storage.save(entry('new', 2))).toBeNull();
    expect((await storage.load()).entries.map((e) => e.id)).toEqual(['new', 'old']);
    expect(await storage.remove('old')).toBeNull();
    expect((await storage.load()).entries.map((e) => e.id)).toEqual(['new']);
  });

  it('repairs damaged entries, writes the repair back, and reports unreadable and newer ones without deleting them', async () => {
    const backend = memoryBackend([
      { ...entry('ok', 5) },
      { ...entry('damaged', 4), reveal: 'broken' },
      { ...entry('streaming', 3), status: 'streaming', answer: '## Step 1: half' },
      { id: 'junk' },
      { ...entry('future', 2), v: 99 },
    ]);
    const storage = createHistoryStorage(backend);
    const loaded = await storage.load();
    expect(loaded.entries.map((e) => e.id)).toEqual(['ok', 'damaged', 'streaming']);
    expect(loaded.entries[2]).toMatchObject({ status: 'interrupted', answer: '## Step 1: half' });
    expect(loaded.notices).toEqual([
      '1 saved problem could not be read and is not listed.',
      '1 saved problem came from a newer version of Stepwise and is not listed; update this page to see it.',
      '1 saved problem had damaged parts, which were reset.',
    ]);
    const rows = (await backend.getAll()) as { id: string; status?: string; reveal?: unknown }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['damaged', 'future', 'junk', 'ok', 'streaming']);
    expect(rows.find((r) => r.id === 'damaged')?.reveal).toEqual({ shown: 0, all: false, collapsed: [] });
    expect(rows.find((r) => r.id === 'streaming')?.status).toBe('interrupted');
  });

  it('reports failures as values', async () => {
    const failing: HistoryBackend = {
      persistent: true,
      getAll: () => Promise.reject(new Error('disk on fire')),
      put: () => Promise.reject(new Error('QuotaExceededError')),
      delete: () => Promise.reject(new Error('gone')),
    };
    const storage = createHistoryStorage(failing);
    expect(await storage.load()).toEqual({ entries: [], notices: ['Saved history could not be read: disk on fire'] });
    expect(await storage.save(entry('a', 1))).toBe('Could not save to history: QuotaExceededError');
    expect(await storage.remove('a')).toBe('Could not delete from history: gone');
  });
});
