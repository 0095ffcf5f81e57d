import { describe, expect, it } from 'vitest';
import { checkStoredSet, diffLibrary, LIBRARY_VERSION, toStored } from './stored-set.ts';
import { createSet, deleteSet, emptyLibrary, renameSet, type Library, type LibrarySet } from './library.ts';
import { sampleItem } from './test-support/sample-item.ts';

const set = (id: string): LibrarySet => ({ id, name: `Set ${id}`, tags: ['t'], createdAt: 1, updatedAt: 2, items: [sampleItem(`${id}-1`)] });

describe('checkStoredSet', () => {
  it('reads back what was stored, with its position', () => {
    expect(checkStoredSet(structuredClone(toStored(set('a'), 3)))).toEqual({ ok: true, value: { set: set('a'), order: 3, repaired: false } });
  });

  it('repairs a missing name, tags and times, keeping the solutions', () => {
    const { name: _n, tags: _t, createdAt: _c, ...broken } = toStored(set('a'), 0);
    const checked = checkStoredSet(broken);
    expect(checked.ok && checked.value).toMatchObject({ repaired: true, set: { name: 'Untitled set', tags: [], createdAt: 0, items: [{ id: 'a-1' }] } });
  });

  it('keeps a reveal policy; an old record without one loads unchanged; an unknown one is dropped as a repair', () => {
    const withPolicy: LibrarySet = { ...set('a'), policy: 'try-first' };
    expect(checkStoredSet(structuredClone(toStored(withPolicy, 0)))).toEqual({ ok: true, value: { set: withPolicy, order: 0, repaired: false } });
    const old = structuredClone(toStored(set('a'), 1));
    expect(old).not.toHaveProperty('policy');
    expect(checkStoredSet(old)).toEqual({ ok: true, value: { set: set('a'), order: 1, repaired: false } });
    for (const policy of ['lenient', 3, null]) {
      const checked = checkStoredSet({ ...toStored(set('a'), 0), policy });
      expect(checked).toEqual({ ok: true, value: { set: set('a'), order: 0, repaired: true } });
    }
  });

  it('refuses newer, unversioned, id-less and damaged records, saying why', () => {
    const reason = (x: unknown) => {
      const r = checkStoredSet(x);
      return r.ok ? 'ok' : r.error;
    };
    expect(reason({ ...toStored(set('a'), 0), v: LIBRARY_VERSION + 1 })).toEqual({ reason: `saved by a newer version (v${LIBRARY_VERSION + 1})`, newer: true });
    expect(reason({ ...toStored(set('a'), 0), v: undefined })).toEqual({ reason: 'unknown version', newer: false });
    expect(reason({ ...toStored(set('a'), 0), id: '' })).toEqual({ reason: 'no id', newer: false });
    expect(reason('x')).toEqual({ reason: 'not an object', newer: false });
    const damaged = structuredClone(toStored(set('a'), 0)) as any;
    damaged.items[0].solution.steps = 'gone';
    expect(reason(damaged)).toEqual({ reason: 'solution 1 is damaged: the solution has no list of steps', newer: false });
  });
});

describe('diffLibrary', () => {
  const must = (r: { ok: boolean; value?: Library }) => r.value!;
  it('writes only new, changed and moved sets, and removes deleted ones', () => {
    const a = must(createSet(emptyLibrary(), { id: 'a', name: 'A', now: 1 }));
    expect(diffLibrary(emptyLibrary(), a)).toEqual({ put: [toStored(a.sets[0]!, 0)], remove: [] });
    const ab = must(createSet(a, { id: 'b', name: 'B', now: 2 })); // b goes first, so a moves
    expect(diffLibrary(a, ab).put.map((s) => [s.id, s.order])).toEqual([['b', 0], ['a', 1]]);
    const renamed = must(renameSet(ab, 'a', 'A2', 3));
    expect(diffLibrary(ab, renamed)).toEqual({ put: [toStored(renamed.sets[1]!, 1)], remove: [] });
    const deleted = deleteSet(renamed, 'b');
    if (!deleted.ok) throw new Error('delete failed');
    expect(diffLibrary(renamed, deleted.value.library)).toEqual({ put: [toStored(renamed.sets[1]!, 0)], remove: ['b'] });
    expect(diffLibrary(ab, ab)).toEqual({ put: [], remove: [] });
  });
});
