import { describe, expect, it } from 'vitest';
import { exportSetFile, importSetFile, MAX_SET_FILE_CHARS, SET_FILE_VERSION, setFileName } from './set-file.ts';
import type { LibrarySet } from './library.ts';
import { sampleItem } from './test-support/sample-item.ts';

const set: LibrarySet = {
  id: 'local-1',
  name: 'Week 3: linear equations',
  tags: ['algebra'],
  createdAt: 100,
  updatedAt: 200,
  items: [sampleItem('i1'), { ...sampleItem('i2', 'Solve $x^2 = 4$', 3), source: 'solver', model: '', answerText: '' }],
};

function counter() {
  let n = 0;
  return () => `new-${++n}`;
}

function importText(text: string) {
  return importSetFile(text, { newId: counter(), now: 999 });
}

describe('export then import', () => {
  it('round-trips a set with fresh ids and everything else kept', () => {
    const result = importText(exportSetFile(set, 300));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      ...set,
      id: 'new-3',
      items: set.items.map((item, i) => ({ ...item, id: `new-${i + 1}` })),
    });
  });

  it('round-trips the set\'s reveal policy; a set without one exports no policy field', () => {
    for (const policy of ['free', 'try-first', 'hints-only'] as const) {
      const text = exportSetFile({ ...set, policy }, 300);
      expect(JSON.parse(text).set.policy).toBe(policy);
      const result = importText(text);
      expect(result.ok && result.value.policy).toBe(policy);
    }
    expect(JSON.parse(exportSetFile(set, 300)).set).not.toHaveProperty('policy');
    const plain = importText(exportSetFile(set, 300));
    expect(plain.ok && plain.value).not.toHaveProperty('policy');
  });

  it('imports a v1 file written before policies existed unchanged', () => {
    // The file exactly as the first format wrote it: no policy field anywhere.
    const old = {
      format: 'stepwise-set',
      version: 1,
      exportedAt: 300,
      set: { name: 'Old set', tags: ['algebra'], createdAt: 100, updatedAt: 200, items: [{ ...sampleItem('x'), id: undefined }] },
    };
    const result = importText(JSON.stringify(old));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ id: 'new-2', name: 'Old set', tags: ['algebra'], createdAt: 100, updatedAt: 200, items: [{ ...sampleItem('x'), id: 'new-1' }] });
  });

  it('writes the format name and version, and no local ids', () => {
    const file = JSON.parse(exportSetFile(set, 300));
    expect(file).toMatchObject({ format: 'stepwise-set', version: SET_FILE_VERSION, exportedAt: 300 });
    expect(JSON.stringify(file)).not.toContain('local-1');
  });

  it('names the download after the set', () => {
    expect(setFileName(set)).toBe('week-3-linear-equations.stepwise.json');
    expect(setFileName({ ...set, name: '∫∫' })).toBe('set.stepwise.json');
  });
});

describe('import refuses bad files with a reason and never throws', () => {
  const valid = () => JSON.parse(exportSetFile(set, 300));
  const kind = (value: unknown) => {
    const result = importText(typeof value === 'string' ? value : JSON.stringify(value));
    return result.ok ? 'ok' : result.error.kind;
  };

  it('not JSON, not a set, too large', () => {
    expect(kind('{"format": "stepwise-set", ')).toBe('not-json');
    expect(kind('')).toBe('not-json');
    expect(kind([1, 2])).toBe('not-a-set');
    expect(kind(null)).toBe('not-a-set');
    expect(kind({ ...valid(), format: 'other-app' })).toBe('not-a-set');
    expect(kind(' '.repeat(MAX_SET_FILE_CHARS + 1))).toBe('too-large');
  });

  it('a newer version is refused, telling the user to update', () => {
    const result = importText(JSON.stringify({ ...valid(), version: SET_FILE_VERSION + 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('newer-version');
    expect(result.error.message).toContain(`v${SET_FILE_VERSION + 1}`);
    expect(result.error.hint).toMatch(/update/i);
  });

  it('a missing or nonsense version is refused', () => {
    const { version: _v, ...noVersion } = valid();
    expect(kind(noVersion)).toBe('bad-version');
    expect(kind({ ...valid(), version: '1' })).toBe('bad-version');
    expect(kind({ ...valid(), version: 0.5 })).toBe('bad-version');
  });

  it('names the broken solution and what is wrong with it', () => {
    const file = valid();
    file.set.items[1].solution.steps[2] = { title: 'x', body: 5 };
    const result = importText(JSON.stringify(file));
    expect(!result.ok && result.error).toMatchObject({ kind: 'invalid', message: 'Solution 2 of 2 is damaged: step 3 is malformed.' });
  });

  it.each([
    ['no set', (f: any) => delete f.set],
    ['no name', (f: any) => (f.set.name = '  ')],
    ['tags not words', (f: any) => (f.set.tags = [1])],
    ['no items', (f: any) => (f.set.items = {})],
    ['item not an object', (f: any) => (f.set.items[0] = 'x')],
    ['item without problem', (f: any) => delete f.set.items[0].problem],
    ['unknown source', (f: any) => (f.set.items[0].source = 'gpt')],
    ['answer not a string', (f: any) => (f.set.items[0].answerText = 3)],
    ['solution without steps', (f: any) => (f.set.items[0].solution = { steps: null })],
    ['bad final answer', (f: any) => (f.set.items[0].solution.answer = { text: 3 })],
  ])('invalid: %s', (_name, breakIt) => {
    const file = valid();
    breakIt(file);
    expect(kind(file)).toBe('invalid');
  });

  it.each([['an unknown word', 'strict'], ['a number', 2], ['null', null], ['a list', ['free']]])(
    'refuses a reveal policy that is %s, naming the ones it knows',
    (_name, policy) => {
      const file = valid();
      file.set.policy = policy;
      const result = importText(JSON.stringify(file));
      expect(!result.ok && result.error).toMatchObject({
        kind: 'invalid',
        message: `The set’s reveal policy (${JSON.stringify(policy)}) is not one Stepwise knows: free, try-first or hints-only.`,
      });
    },
  );

  it('fills in missing times and drops stray fields', () => {
    const file = valid();
    delete file.set.createdAt;
    delete file.set.items[0].addedAt;
    file.set.items[0].solution.steps[0].evil = '<script>';
    file.set.items[0].extra = 1;
    const result = importText(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.createdAt).toBe(999);
    expect(result.value.items[0]!.addedAt).toBe(999);
    expect(JSON.stringify(result.value)).not.toContain('evil');
    expect(result.value.items[0]).not.toHaveProperty('extra');
  });

  it('never throws on random JSON-ish input', () => {
    for (const text of ['{', '[]', '1', '"x"', 'true', '{"format":"stepwise-set","version":1,"set":{"name":"a","items":[null]}}']) {
      expect(() => importText(text)).not.toThrow();
    }
  });
});
