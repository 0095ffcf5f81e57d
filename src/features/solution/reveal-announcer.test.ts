import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../core/tutor/progress.ts';
import type { RunState } from '../../stores/run-store.ts';
import { revealAnnouncement } from './reveal-announcer.tsx';

const solution: RunState['solution'] = {
  preamble: null,
  steps: [
    { title: 'Move the constant term', body: 'Subtract $3$ from both sides:\n\n$$2x = 8$$', source: [0, 1], complete: true },
    { title: 'Solve for $x$', body: 'Divide by $2$: $x = 4$.', source: [1, 2], complete: true },
  ],
  answer: { text: 'x = 4', source: [2, 3] },
  thinking: null,
};

function state(shown: number, changes: Partial<RunState> = {}): RunState {
  return {
    entryId: 'e1',
    problem: 'Solve 2x + 3 = 11',
    source: 'builtin',
    model: '',
    solution,
    reasoning: '',
    phase: 'done',
    error: null,
    truncated: false,
    startedAt: 0,
    endedAt: 1,
    reveal: { shown, all: false, collapsed: [] },
    validated: null,
    tutor: emptyProgress(),
    policy: null,
    ...changes,
  };
}

describe('revealAnnouncement', () => {
  it('says the revealed step: number, title and text, formulas in words', () => {
    expect(revealAnnouncement(state(1), state(0))).toBe('Step 1 of 2. Move the constant term. Subtract 3 from both sides: 2x equals 8');
    expect(revealAnnouncement(state(2), state(1))).toBe('Step 2 of 2. Solve for x. Divide by 2: x equals 4.');
  });

  it('says the final answer, and "so far" while the answer is still arriving', () => {
    expect(revealAnnouncement(state(3), state(2))).toBe('Final answer: x equals 4.');
    expect(revealAnnouncement(state(1, { phase: 'streaming' }), state(0, { phase: 'streaming' }))).toMatch(/^Step 1 of 2 so far\. /);
  });

  it('sums up Reveal all and Hide all, and stays silent on anything else', () => {
    const all = state(0, { reveal: { shown: 0, all: true, collapsed: [] } });
    expect(revealAnnouncement(all, state(1))).toBe('All 2 steps and the final answer shown.');
    expect(revealAnnouncement(state(0), all)).toBe('Steps hidden.');
    // Another solution opened, or a step folded: nothing was revealed.
    expect(revealAnnouncement(state(1, { entryId: 'e2' }), state(0))).toBe('');
    expect(revealAnnouncement(state(1, { reveal: { shown: 1, all: false, collapsed: [0] } }), state(1))).toBe('');
  });
});
