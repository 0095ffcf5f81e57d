import { describe, expect, it } from 'vitest';
import { parseSolution } from '../solution/parse-solution.ts';
import { ANSWER_FORMAT_EXAMPLE } from '../solution/answer-format.ts';
import { breakTyping, canRedo, canUndo, COALESCE_MS, createHistory, HISTORY_LIMIT, recordEdit, redo, undo } from './edit-history.ts';
import { deleteStep, setStepBody, setStepTitle } from './edit-solution.ts';

const start = parseSolution(ANSWER_FORMAT_EXAMPLE);

/** Types `text` into step 0's title one character at a time, `gap` ms apart. */
function type(h: ReturnType<typeof createHistory>, text: string, t0: number, gap = 100) {
  let out = h;
  for (let i = 1; i <= text.length; i++) out = recordEdit(out, setStepTitle(out.present, 0, text.slice(0, i)), { key: 'title:0', now: t0 + i * gap });
  return out;
}

describe('edit history', () => {
  it('undoes and redoes button edits one at a time', () => {
    let h = createHistory(start);
    expect(canUndo(h)).toBe(false);
    h = recordEdit(h, deleteStep(h.present, 0), { now: 1 });
    h = recordEdit(h, setStepBody(h.present, 0, 'b'), { now: 2 });
    expect(h.present.steps).toHaveLength(1);
    h = undo(h);
    expect(h.present.steps[0]!.body).toBe(start.steps[1]!.body);
    h = undo(h);
    expect(h.present).toBe(start);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.steps[0]!.body).toBe('b');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('coalesces typing into one field: one Undo takes back the whole word', () => {
    const h = type(createHistory(start), 'Subtract', 1000);
    expect(h.present.steps[0]!.title).toBe('Subtract');
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe(start);
  });

  it('starts a new entry after a pause, in another field, after a button edit, or after leaving the field', () => {
    let h = type(createHistory(start), 'ab', 0);
    h = type(h, 'abcd', 200 + COALESCE_MS + 1);
    expect(h.past).toHaveLength(2);
    expect(undo(h).present.steps[0]!.title).toBe('ab');

    let g = type(createHistory(start), 'ab', 0);
    g = recordEdit(g, setStepBody(g.present, 0, 'x'), { key: 'body:0', now: 300 });
    expect(g.past).toHaveLength(2);
    g = recordEdit(g, deleteStep(g.present, 1), { now: 400 });
    g = recordEdit(g, setStepBody(g.present, 0, 'xy'), { key: 'body:0', now: 500 });
    expect(g.past).toHaveLength(4);
    g = recordEdit(breakTyping(g), setStepBody(g.present, 0, 'xyz'), { key: 'body:0', now: 600 });
    expect(g.past).toHaveLength(5);
  });

  it('a new edit after Undo clears Redo; typing after Undo does not merge into the undone entry', () => {
    let h = type(createHistory(start), 'ab', 0);
    h = undo(h);
    expect(canRedo(h)).toBe(true);
    h = recordEdit(h, setStepTitle(h.present, 0, 'z'), { key: 'title:0', now: 250 });
    expect(canRedo(h)).toBe(false);
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe(start);
  });

  it('records nothing for an edit that changes nothing, and keeps at most HISTORY_LIMIT entries', () => {
    const h = createHistory(start);
    expect(recordEdit(h, h.present, { now: 1 })).toBe(h);
    let g = h;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) g = recordEdit(g, setStepBody(g.present, 0, `v${i}`), { now: i });
    expect(g.past).toHaveLength(HISTORY_LIMIT);
  });
});
