import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILD_AT_ONCE, CHUNK_SIZE, stepSlots } from './step-chunk.tsx';

/** The step indexes a layout covers, in order. */
const covered = (visible: number) =>
  stepSlots(visible).flatMap((s) => (s.kind === 'step' ? [s.index] : Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));

describe('stepSlots', () => {
  it('lays out a short solution as plain steps', () => {
    expect(stepSlots(3)).toEqual([0, 1, 2].map((index) => ({ kind: 'step', index })));
    expect(stepSlots(BUILD_AT_ONCE).every((s) => s.kind === 'step')).toBe(true);
  });

  it('covers every revealed step exactly once, in order, for any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6_000 }), (visible) => {
        expect(covered(visible)).toEqual(Array.from({ length: visible }, (_, i) => i));
      }),
    );
  });

  it('keeps the newest step a step of its own and the chunks small and stable as the list grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: BUILD_AT_ONCE + 1, max: 6_000 }), (visible) => {
        const slots = stepSlots(visible);
        expect(slots.at(-1)).toEqual({ kind: 'step', index: visible - 1 });
        const chunks = slots.filter((s) => s.kind === 'chunk');
        for (const c of chunks) {
          expect(c.end - c.start).toBeLessThanOrEqual(CHUNK_SIZE);
          expect((c.start - BUILD_AT_ONCE) % CHUNK_SIZE).toBe(0);
        }
      }),
    );
  });

  it('builds a bounded number of slots at 5,000 steps', () => {
    expect(stepSlots(5_000).length).toBeLessThan(BUILD_AT_ONCE + 5_000 / CHUNK_SIZE + 2);
  });
});
