import { describe, expect, it } from 'vitest';
import {
  addItem,
  createSet,
  deleteItem,
  deleteSet,
  describeLibraryError,
  duplicateSet,
  emptyLibrary,
  findSet,
  renameSet,
  searchSets,
  setPolicy,
  setTags,
  undoDelete,
  type Library,
  type LibraryResult,
} from './library.ts';
import { sampleItem } from './test-support/sample-item.ts';

function must(result: LibraryResult): Library {
  if (!result.ok) throw new Error(`unexpected ${result.error.kind}`);
  return result.value;
}

/** Two sets: "Linear equations" (tagged algebra, two items) and "Derivatives" (tagged calculus, one item). */
function twoSets(): Library {
  let lib = must(createSet(emptyLibrary(), { id: 's1', name: 'Linear equations', now: 1, tags: ['Algebra'] }));
  lib = must(addItem(lib, 's1', sampleItem('i1'), 2));
  lib = must(addItem(lib, 's1', sampleItem('i2', 'Solve $5x = 10$'), 3));
  lib = must(createSet(lib, { id: 's2', name: 'Derivatives', now: 4, tags: ['calculus', 'week 3'] }));
  return must(addItem(lib, 's2', sampleItem('i3', 'Differentiate $x^3$'), 5));
}

describe('sets', () => {
  it('creates a set with a cleaned name and tags, newest first', () => {
    const lib = twoSets();
    expect(lib.sets.map((s) => s.name)).toEqual(['Derivatives', 'Linear equations']);
    const lib2 = must(createSet(lib, { id: 's3', name: '  Week   4 ', now: 9, tags: [' Quiz', 'quiz', ''] }));
    expect(lib2.sets[0]).toEqual({ id: 's3', name: 'Week 4', tags: ['quiz'], createdAt: 9, updatedAt: 9, items: [] });
    expect(lib.sets).toHaveLength(2); // the input is not mutated
  });

  it('refuses an empty name and a reused id', () => {
    expect(createSet(emptyLibrary(), { id: 'a', name: '   ', now: 1 })).toEqual({ ok: false, error: { kind: 'empty-name' } });
    expect(createSet(twoSets(), { id: 's1', name: 'x', now: 1 })).toEqual({ ok: false, error: { kind: 'duplicate-id', id: 's1' } });
    expect(renameSet(twoSets(), 's1', '', 7).ok).toBe(false);
  });

  it('renames and retags, stamping the update time', () => {
    let lib = must(renameSet(twoSets(), 's1', 'Linear equations (Year 9)', 7));
    lib = must(setTags(lib, 's1', ['Algebra', 'Year 9', 'algebra'], 8));
    expect(findSet(lib, 's1')).toMatchObject({ name: 'Linear equations (Year 9)', tags: ['algebra', 'year 9'], updatedAt: 8, createdAt: 1 });
  });

  it('reports a missing set instead of changing anything', () => {
    expect(renameSet(twoSets(), 'gone', 'x', 1)).toEqual({ ok: false, error: { kind: 'no-such-set', setId: 'gone' } });
  });

  it('refuses to add an item whose id is already in the set', () => {
    expect(addItem(twoSets(), 's1', sampleItem('i1'), 9).ok).toBe(false);
  });

  it('duplicates a set (or a selection of it) right after the original, as an independent copy', () => {
    const lib = must(duplicateSet(twoSets(), 's1', { newId: 's9', now: 20 }));
    expect(lib.sets.map((s) => s.id)).toEqual(['s2', 's1', 's9']);
    const copy = findSet(lib, 's9')!;
    expect(copy).toMatchObject({ name: 'Linear equations (copy)', createdAt: 20, tags: ['algebra'] });
    expect(copy.items.map((i) => i.id)).toEqual(['i1', 'i2']);
    copy.items[0]!.solution.steps[0]!.body = 'changed';
    expect(findSet(lib, 's1')!.items[0]!.solution.steps[0]!.body).not.toBe('changed');

    const part = must(duplicateSet(twoSets(), 's1', { newId: 's8', now: 20, name: 'Just one', itemIds: ['i2'] }));
    expect(findSet(part, 's8')).toMatchObject({ name: 'Just one', items: [{ id: 'i2' }] });
  });
});

describe('reveal policy', () => {
  it('is none until chosen, is set and cleared with the update time stamped, and a copy keeps it', () => {
    expect(findSet(twoSets(), 's1')).not.toHaveProperty('policy');
    let lib = must(setPolicy(twoSets(), 's1', 'hints-only', 7));
    expect(findSet(lib, 's1')).toMatchObject({ policy: 'hints-only', updatedAt: 7 });
    expect(findSet(lib, 's2')).not.toHaveProperty('policy');
    expect(findSet(must(duplicateSet(lib, 's1', { newId: 's9', now: 8 })), 's9')).toMatchObject({ policy: 'hints-only' });
    lib = must(setPolicy(lib, 's1', null, 9));
    expect(findSet(lib, 's1')).not.toHaveProperty('policy');
    expect(findSet(lib, 's1')!.updatedAt).toBe(9);
    expect(setPolicy(lib, 'gone', 'free', 1)).toEqual({ ok: false, error: { kind: 'no-such-set', setId: 'gone' } });
  });
});

describe('delete with undo', () => {
  it('deletes a set and undo restores it at its old place', () => {
    const before = twoSets();
    const deleted = deleteSet(before, 's2');
    if (!deleted.ok) throw new Error('delete failed');
    expect(deleted.value.library.sets.map((s) => s.id)).toEqual(['s1']);
    expect(must(undoDelete(deleted.value.library, deleted.value.undo, 30))).toEqual(before);
  });

  it('undo of a set delete still works after other edits, and refuses to duplicate', () => {
    const deleted = deleteSet(twoSets(), 's2');
    if (!deleted.ok) throw new Error('delete failed');
    const edited = must(createSet(deleted.value.library, { id: 's5', name: 'New', now: 31 }));
    const restored = must(undoDelete(edited, deleted.value.undo, 32));
    expect(restored.sets.map((s) => s.id)).toEqual(['s2', 's5', 's1']);
    expect(undoDelete(restored, deleted.value.undo, 33)).toEqual({ ok: false, error: { kind: 'duplicate-id', id: 's2' } });
  });

  it('deletes an item and undo puts it back in position', () => {
    const deleted = deleteItem(twoSets(), 's1', 'i1', 40);
    if (!deleted.ok) throw new Error('delete failed');
    expect(findSet(deleted.value.library, 's1')!.items.map((i) => i.id)).toEqual(['i2']);
    const restored = must(undoDelete(deleted.value.library, deleted.value.undo, 41));
    expect(findSet(restored, 's1')!.items.map((i) => i.id)).toEqual(['i1', 'i2']);
  });

  it('cannot undo an item delete into a set that was deleted since', () => {
    const deleted = deleteItem(twoSets(), 's1', 'i1', 40);
    if (!deleted.ok) throw new Error('delete failed');
    const setGone = deleteSet(deleted.value.library, 's1');
    if (!setGone.ok) throw new Error('delete failed');
    expect(undoDelete(setGone.value.library, deleted.value.undo, 41)).toEqual({ ok: false, error: { kind: 'no-such-set', setId: 's1' } });
  });

  it('reports a missing item', () => {
    expect(deleteItem(twoSets(), 's1', 'nope', 1)).toEqual({ ok: false, error: { kind: 'no-such-item', setId: 's1', itemId: 'nope' } });
  });
});

describe('searchSets', () => {
  const ids = (q: string) => searchSets(twoSets(), q).map((s) => s.id);
  it('matches names, tags and problem text, every word, ignoring case', () => {
    expect(ids('')).toEqual(['s2', 's1']);
    expect(ids('LINEAR')).toEqual(['s1']);
    expect(ids('calc')).toEqual(['s2']);
    expect(ids('5x')).toEqual(['s1']);
    expect(ids('linear 5x')).toEqual(['s1']);
    expect(ids('linear x^3')).toEqual([]);
  });
  it('#tag matches a whole tag only', () => {
    expect(ids('#algebra')).toEqual(['s1']);
    expect(ids('#alg')).toEqual([]);
  });
});

it('describes every error with what to do next', () => {
  for (const error of [
    { kind: 'no-such-set', setId: 'a' },
    { kind: 'no-such-item', setId: 'a', itemId: 'b' },
    { kind: 'empty-name' },
    { kind: 'duplicate-id', id: 'x' },
  ] as const) {
    expect(describeLibraryError(error).length).toBeGreaterThan(20);
  }
});
