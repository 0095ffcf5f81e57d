import { describe, expect, it } from 'vitest';
import { addItem, createSet, updateLibraryItem, type Library } from './library.ts';
import { sampleItem } from './test-support/sample-item.ts';

function library(): Library {
  let lib = createSet({ sets: [] }, { id: 's1', name: 'Week 1', now: 1 });
  if (!lib.ok) throw new Error('setup');
  for (const id of ['a', 'b']) {
    const next = addItem(lib.value, 's1', sampleItem(id), 2);
    if (!next.ok) throw new Error('setup');
    lib = next;
  }
  return lib.value;
}

describe('updateLibraryItem', () => {
  it('replaces the solution of one item in place and stamps the set', () => {
    const lib = library();
    const solution = { ...sampleItem('x').solution, steps: [] };
    const r = updateLibraryItem(lib, 's1', 'b', { solution }, 9);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const set = r.value.sets[0]!;
    expect(set.updatedAt).toBe(9);
    expect(set.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(set.items[1]!.solution).toBe(solution);
    expect(set.items[1]!.problem).toBe(lib.sets[0]!.items[1]!.problem);
    expect(set.items[0]).toBe(lib.sets[0]!.items[0]);
    expect(lib.sets[0]!.items[1]!.solution.steps).toHaveLength(2);
  });

  it('fails for an unknown set or item', () => {
    expect(updateLibraryItem(library(), 'nope', 'a', { problem: 'x' }, 3)).toEqual({ ok: false, error: { kind: 'no-such-set', setId: 'nope' } });
    expect(updateLibraryItem(library(), 's1', 'zz', { problem: 'x' }, 3)).toEqual({ ok: false, error: { kind: 'no-such-item', setId: 's1', itemId: 'zz' } });
  });
});
