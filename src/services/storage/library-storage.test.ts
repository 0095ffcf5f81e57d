import { describe, expect, it } from 'vitest';
import { createLibraryStorage } from './library-storage.ts';
import { memoryLibrary } from './library-backend.ts';
import { createSet, emptyLibrary, renameSet, type Library } from '../../core/library/library.ts';
import { toStored } from '../../core/library/stored-set.ts';

const must = (r: { ok: boolean; value?: Library }) => r.value!;

describe('library storage', () => {
  it('saves changes and loads them back in order', async () => {
    const backend = memoryLibrary();
    const storage = createLibraryStorage(backend);
    const a = must(createSet(emptyLibrary(), { id: 'a', name: 'A', now: 1 }));
    const ab = must(createSet(a, { id: 'b', name: 'B', now: 2 }));
    expect(await storage.save(emptyLibrary(), a)).toBeNull();
    expect(await storage.save(a, ab)).toBeNull();
    const renamed = must(renameSet(ab, 'a', 'A2', 3));
    expect(await storage.save(ab, renamed)).toBeNull();
    const loaded = await storage.load();
    expect(loaded.library).toEqual(renamed);
    expect(loaded.notices).toEqual([]);
  });

  it('reports damaged and newer sets without deleting them', async () => {
    const good = must(createSet(emptyLibrary(), { id: 'ok', name: 'Fine', now: 1 })).sets[0]!;
    const backend = memoryLibrary([toStored(good, 0), { ...toStored({ ...good, id: 'future' }, 1), v: 9 }, { id: 'junk', v: 1, items: 'x' }]);
    const loaded = await createLibraryStorage(backend).load();
    expect(loaded.library.sets.map((s) => s.id)).toEqual(['ok']);
    expect(loaded.notices).toHaveLength(2);
    expect(loaded.notices[0]).toMatch(/newer version/);
    expect(loaded.notices[1]).toMatch(/damaged/);
    expect([...backend.rows.keys()].sort()).toEqual(['future', 'junk', 'ok']);
  });

  it('turns storage failures into notices', async () => {
    const failing = {
      persistent: true,
      getAll: async () => Promise.reject(new Error('quota')),
      write: async () => Promise.reject(new Error('quota')),
    };
    const storage = createLibraryStorage(failing);
    expect((await storage.load()).notices[0]).toMatch(/could not be read \(Error: quota\)/);
    const a = must(createSet(emptyLibrary(), { id: 'a', name: 'A', now: 1 }));
    expect(await storage.save(emptyLibrary(), a)).toMatch(/could not be saved.*Export/);
  });
});
