/**
 * Undo/redo for the solution editor: past and future stacks of whole Solutions (edits share unchanged steps,
 * so a snapshot is cheap). Typing is recorded keystroke by keystroke but coalesced: consecutive changes to the
 * same field (`key`, e.g. "body:2") within a pause of `COALESCE_MS` make one undo entry, so Undo takes back the
 * word or sentence typed, not a single character.
 */
import type { Solution } from '../solution/solution.ts';

/** A pause longer than this starts a new undo entry even in the same field. */
export const COALESCE_MS = 1500;
/** Oldest entries are dropped beyond this many. */
export const HISTORY_LIMIT = 200;

export interface EditHistory {
  past: Solution[];
  present: Solution;
  future: Solution[];
  /** The field the last change typed into, when it may still be coalesced with the next one. */
  typing: { key: string; at: number } | null;
}

export const createHistory = (present: Solution): EditHistory => ({ past: [], present, future: [], typing: null });

export interface RecordOptions {
  /** Set for typing: the field typed into. Other edits (buttons) always make their own entry. */
  key?: string;
  now: number;
}

/** Makes `next` the present. A change that changes nothing records nothing. */
export function recordEdit(h: EditHistory, next: Solution, opts: RecordOptions): EditHistory {
  if (next === h.present) return h;
  const typing = opts.key === undefined ? null : { key: opts.key, at: opts.now };
  const coalesce = typing !== null && h.typing !== null && h.typing.key === typing.key && opts.now - h.typing.at <= COALESCE_MS;
  if (coalesce) return { ...h, present: next, future: [], typing };
  const past = [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], typing };
}

export const canUndo = (h: EditHistory) => h.past.length > 0;
export const canRedo = (h: EditHistory) => h.future.length > 0;

export function undo(h: EditHistory): EditHistory {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], typing: null };
}

export function redo(h: EditHistory): EditHistory {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest, typing: null };
}

/** Ends the current typing run (the field lost focus), so the next keystroke starts a new entry. */
export function breakTyping(h: EditHistory): EditHistory {
  return h.typing === null ? h : { ...h, typing: null };
}
