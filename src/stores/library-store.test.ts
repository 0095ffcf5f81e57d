import { beforeEach, describe, expect, it } from 'vitest';
import { createLibraryStorage, memoryLibrary } from '../services/storage/index.ts';
import {
  createLibrarySet,
  deleteLibrarySet,
  duplicateLibrarySet,
  exportLibrarySet,
  importLibraryFile,
  initLibrary,
  renameLibrarySet,
  resetLibraryForTest,
  saveToLibrary,
  setLibrarySetPolicy,
  undoLibraryDelete,
  useLibraryStore,
} from './library-store.ts';
import { sampleItem } from '../core/library/test-support/sample-item.ts';

let backend: ReturnType<typeof memoryLibrary>;

function fresh(saved: unknown[] = []) {
  backend = memoryLibrary(saved);
  let n = 0;
  resetLibraryForTest(createLibraryStorage(backend), { newId: () => `id${++n}`, now: () => 1000 + n });
}

/** What a reload would show: the library loaded from the same backend by a fresh store. */
async function reloaded() {
  const rows = await backend.getAll();
  fresh(rows);
  await initLibrary();
  return useLibraryStore.getState();
}

const names = () => useLibraryStore.getState().library.sets.map((s) => s.name);

beforeEach(() => fresh());

describe('library store', () => {
  it('creates, renames and fills a set, and it survives a reload', async () => {
    await initLibrary();
    const created = await createLibrarySet('Week 1', ['Algebra']);
    expect(created).toEqual({ ok: true, value: 'id1' });
    expect(await renameLibrarySet('id1', 'Week 1 — linear')).toEqual({ ok: true, value: undefined });
    const { id: _id, addedAt: _a, ...item } = sampleItem('x');
    const saved = await saveToLibrary('id1', item);
    expect(saved.ok).toBe(true);
    const state = await reloaded();
    expect(state.library.sets).toHaveLength(1);
    expect(state.library.sets[0]).toMatchObject({ name: 'Week 1 — linear', tags: ['algebra'], items: [{ problem: item.problem }] });
  });

  it('gives a message the user can act on when an action fails', async () => {
    expect(await createLibrarySet('   ')).toEqual({ ok: false, error: expect.stringMatching(/needs a name/) });
    expect((await renameLibrarySet('missing', 'x')).ok).toBe(false);
  });

  it('says so when a change could not be saved, and keeps it on screen', async () => {
    await initLibrary();
    const made = await createLibrarySet('Week 1');
    expect(made.ok).toBe(true);
    backend.write = () => Promise.reject(new Error('QuotaExceededError'));
    const renamed = await renameLibrarySet(made.ok ? made.value : '', 'Week 2');
    expect(renamed.ok).toBe(false);
    expect(renamed.ok ? '' : renamed.error).toMatch(/could not be saved.*QuotaExceededError/);
    expect(names()).toEqual(['Week 2']);
    expect(useLibraryStore.getState().notices.join(' ')).toMatch(/could not be saved/);
  });

  it('delete, then undo, restores the set in storage too', async () => {
    await createLibrarySet('A');
    await createLibrarySet('B');
    await deleteLibrarySet('id1');
    expect(names()).toEqual(['B']);
    expect((await reloaded()).library.sets.map((s) => s.name)).toEqual(['B']);

    await createLibrarySet('A');
    await deleteLibrarySet(useLibraryStore.getState().library.sets.find((s) => s.name === 'A')!.id);
    expect(useLibraryStore.getState().lastDelete).not.toBeNull();
    expect((await undoLibraryDelete()).ok).toBe(true);
    expect(useLibraryStore.getState().lastDelete).toBeNull();
    expect((await reloaded()).library.sets.map((s) => s.name).sort()).toEqual(['A', 'B']);
    expect(await undoLibraryDelete()).toEqual({ ok: false, error: 'There is nothing to undo.' });
  });

  it('exports a set and imports it back as a new set', async () => {
    await createLibrarySet('Quiz');
    const { id: _id, addedAt: _a, ...item } = sampleItem('x');
    await saveToLibrary('id1', item);
    const file = exportLibrarySet('id1')!;
    expect(file.fileName).toBe('quiz.stepwise.json');
    const imported = await importLibraryFile(file.text);
    expect(imported.ok).toBe(true);
    expect(names()).toEqual(['Quiz', 'Quiz']);
    expect(exportLibrarySet('missing')).toBeNull();
  });

  it('keeps a set\'s reveal policy across a reload and through export and import', async () => {
    await initLibrary();
    await createLibrarySet('Quiz');
    expect(await setLibrarySetPolicy('id1', 'hints-only')).toEqual({ ok: true, value: undefined });
    expect((await reloaded()).library.sets[0]!.policy).toBe('hints-only');
    const imported = await importLibraryFile(exportLibrarySet('id1')!.text);
    expect(imported.ok && useLibraryStore.getState().library.sets.find((s) => s.id === imported.value)!.policy).toBe('hints-only');
    await setLibrarySetPolicy('id1', null);
    expect((await reloaded()).library.sets.find((s) => s.id === 'id1')).not.toHaveProperty('policy');
  });

  it('a refused import leaves the library and storage untouched', async () => {
    await createLibrarySet('Keep me');
    const before = structuredClone(useLibraryStore.getState().library);
    const result = await importLibraryFile('{"format":"stepwise-set","version":99,"set":{}}');
    expect(!result.ok && result.error.kind).toBe('newer-version');
    expect(useLibraryStore.getState().library).toEqual(before);
    expect((await reloaded()).library).toEqual(before);
  });

  it('duplicates a set', async () => {
    await createLibrarySet('Original');
    expect(await duplicateLibrarySet('id1')).toEqual({ ok: true, value: 'id2' });
    expect(names()).toEqual(['Original', 'Original (copy)']);
  });

  it('reports damaged stored sets on load without deleting them', async () => {
    fresh([{ id: 'bad', v: 1, items: 7 }]);
    await initLibrary();
    const state = useLibraryStore.getState();
    expect(state.status).toBe('ready');
    expect(state.notices).toEqual([expect.stringMatching(/damaged/)]);
    expect(backend.rows.has('bad')).toBe(true);
  });
});
