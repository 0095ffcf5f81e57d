import { expect, it } from 'vitest';
import { migrate } from './migrate.ts';

const steps = {
  1: (raw: Record<string, unknown>) => ({ ...raw, b: 'added in v2' }),
  2: (raw: Record<string, unknown>) => ({ ...raw, c: 'added in v3' }),
};

it('applies each step from the file version up to the current one, in order', () => {
  expect(migrate({ a: 1 }, 1, 3, steps)).toEqual({ ok: true, value: { a: 1, b: 'added in v2', c: 'added in v3' } });
  expect(migrate({ a: 1 }, 2, 3, steps)).toEqual({ ok: true, value: { a: 1, c: 'added in v3' } });
  expect(migrate({ a: 1 }, 3, 3, steps)).toEqual({ ok: true, value: { a: 1 } });
});

it('refuses newer, unknown and unmigratable versions', () => {
  expect(migrate({}, 4, 3, steps)).toEqual({ ok: false, error: { kind: 'newer-version', found: 4 } });
  expect(migrate({}, '2', 3, steps)).toEqual({ ok: false, error: { kind: 'bad-version', found: '2' } });
  expect(migrate({}, 0, 3, steps)).toEqual({ ok: false, error: { kind: 'bad-version', found: 0 } });
  expect(migrate({}, 1, 3, { 2: steps[2] })).toEqual({ ok: false, error: { kind: 'no-migration', from: 1 } });
});
