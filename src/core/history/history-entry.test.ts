import { describe, expect, it } from 'vitest';
import { checkEntry, entryTitle, HISTORY_VERSION, INTERRUPTED_ERROR, newEntry } from './history-entry.ts';

const good = () => newEntry({ id: 'a1', now: 1000, problem: 'Solve $2x=4$', source: 'model', model: 'gpt-4o', answer: '## Step 1: x\nx = 2', status: 'done' });

describe('checkEntry', () => {
  it('accepts a valid entry unchanged', () => {
    const entry = good();
    expect(checkEntry(structuredClone(entry))).toEqual({ ok: true, entry, repaired: [] });
  });

  it('marks an entry saved mid-stream as interrupted, keeping what arrived', () => {
    const entry = { ...good(), status: 'streaming', answer: '## Step 1: partial' };
    const checked = checkEntry(entry);
    expect(checked.ok && checked.entry).toMatchObject({ status: 'interrupted', error: INTERRUPTED_ERROR, answer: '## Step 1: partial' });
  });

  it('repairs broken fields and says which', () => {
    const entry = { ...good(), reveal: { shown: -3, all: 'yes' }, createdAt: 'yesterday', solution: { steps: 'nope' } };
    const checked = checkEntry(entry);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.repaired.sort()).toEqual(['createdAt', 'reveal', 'solution']);
    expect(checked.entry.reveal).toEqual({ shown: 0, all: false, collapsed: [] });
    expect(checked.entry.answer).toBe(good().answer);
  });

  it('migrates an entry written without a version', () => {
    const { v: _v, ...old } = good();
    const checked = checkEntry(old);
    expect(checked.ok && checked.entry.v).toBe(HISTORY_VERSION);
  });

  it('migrates a v1 entry (before answers were checked): it loads unchanged, with no check', () => {
    const { validated: _none, ...v1 } = { ...good(), v: 1 };
    const checked = checkEntry(structuredClone(v1));
    expect(checked).toEqual({ ok: true, entry: { ...good(), v: 3 }, repaired: [] });
    expect(checked.ok && 'validated' in checked.entry).toBe(false);
  });

  it('migrates a v2 entry (before "Your turn"): it loads unchanged, with no progress and no policy', () => {
    const checked = checkEntry({ ...structuredClone(good()), v: 2 });
    expect(checked).toEqual({ ok: true, entry: good(), repaired: [] });
    expect(checked.ok && ('tutor' in checked.entry || 'policy' in checked.entry)).toBe(false);
  });

  it('keeps "Your turn" progress and a reveal policy, and repairs broken ones', () => {
    const tutor = { outcomes: ['self', null], hints: [0, 1], attempts: [2, 0], answer: null, asked: [1], modelHints: {}, total: 2 };
    const withTutor = { ...good(), tutor, policy: 'hints-only' as const };
    expect(checkEntry(structuredClone(withTutor))).toEqual({ ok: true, entry: withTutor, repaired: [] });
    const broken = checkEntry({ ...good(), tutor: { outcomes: ['done'] }, policy: 'never' });
    expect(broken.ok && broken.repaired).toEqual(['tutor', 'policy']);
    expect(broken.ok && broken.entry.tutor?.outcomes).toEqual([null]);
    expect(broken.ok && 'policy' in broken.entry).toBe(false);
  });

  it("keeps the built-in solver's check, and drops a broken one", () => {
    const agrees = { ...good(), validated: { status: 'agrees' } as const };
    expect(checkEntry(structuredClone(agrees))).toEqual({ ok: true, entry: agrees, repaired: [] });
    const disagrees = { ...good(), validated: { status: 'disagrees', solverAnswer: 'x = 3' } as const };
    expect(checkEntry(structuredClone(disagrees))).toEqual({ ok: true, entry: disagrees, repaired: [] });
    const broken = checkEntry({ ...good(), validated: { status: 'disagrees' } });
    expect(broken.ok && broken.repaired).toEqual(['validated']);
    expect(broken.ok && 'validated' in broken.entry).toBe(false);
  });

  it('refuses what cannot be an entry, and entries from a newer version', () => {
    expect(checkEntry(null)).toMatchObject({ ok: false });
    expect(checkEntry('text')).toMatchObject({ ok: false });
    expect(checkEntry({ ...good(), id: 7 })).toMatchObject({ ok: false, reason: 'no id' });
    expect(checkEntry({ ...good(), problem: undefined })).toMatchObject({ ok: false });
    expect(checkEntry({ ...good(), v: HISTORY_VERSION + 1 })).toMatchObject({ ok: false, newer: true });
  });
});

describe('entryTitle', () => {
  it('drops math delimiters and shortens', () => {
    expect(entryTitle('Solve  \\(x^2 = 4\\)\nfor $x$')).toBe('Solve x^2 = 4 for x');
    expect(entryTitle('A shirt costs $20 and a hat costs $15.')).toBe('A shirt costs $20 and a hat costs $15.');
    expect(entryTitle('a'.repeat(200), 20)).toHaveLength(20);
    expect(entryTitle('   ')).toBe('Untitled problem');
  });
});
