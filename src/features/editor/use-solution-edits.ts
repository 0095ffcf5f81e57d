/**
 * The editor's state: the undo history of the solution being edited, and its saving. Every change is saved to
 * the library: typing after a short pause (so a burst of keystrokes is one write), other edits at once, and
 * anything pending when the page is hidden or closed, or the editor is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { completeSteps } from '../../core/edit/edit-solution.ts';
import { breakTyping, canRedo, canUndo, createHistory, recordEdit, redo, undo } from '../../core/edit/edit-history.ts';
import type { Solution } from '../../core/solution/solution.ts';
import { onPageHide } from '../../ui/on-page-hide.ts';
import { updateLibraryItemFields } from '../../stores/library-store.ts';

/** Typing is saved this long after the last keystroke. */
export const SAVE_DELAY_MS = 400;

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'failed'; message: string };

export interface SolutionEdits {
  solution: Solution;
  /** Applies `change`; `typingKey` names the field typed into, so keystrokes coalesce into one undo entry. */
  edit(change: (s: Solution) => Solution, typingKey?: string): void;
  /** The field lost focus: the next keystroke starts a new undo entry. */
  endTyping(): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  save: SaveState;
}

export function useSolutionEdits(setId: string, itemId: string, initial: Solution): SolutionEdits {
  const [history, setHistory] = useState(() => createHistory(completeSteps(initial)));
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const saved = useRef(initial);
  const latest = useRef(history.present);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = history.present;

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const solution = latest.current;
    if (solution === saved.current) return;
    saved.current = solution;
    void updateLibraryItemFields(setId, itemId, { solution }).then((result) => {
      // A later edit (saved or still waiting for its save) decides what the status says.
      if (saved.current !== solution || latest.current !== solution) return;
      setSave(result.ok ? { kind: 'saved' } : { kind: 'failed', message: result.error });
    });
  }, [setId, itemId]);

  useEffect(() => {
    if (history.present === saved.current) return;
    setSave({ kind: 'pending' });
    if (timer.current !== null) clearTimeout(timer.current);
    if (history.typing === null) flush();
    else timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [history, flush]);

  useEffect(() => {
    const stop = onPageHide(flush);
    return () => {
      stop();
      flush();
    };
  }, [flush]);

  const edit = useCallback((change: (s: Solution) => Solution, typingKey?: string) => {
    setHistory((h) => recordEdit(h, change(h.present), { ...(typingKey !== undefined ? { key: typingKey } : {}), now: Date.now() }));
  }, []);

  return {
    solution: history.present,
    edit,
    endTyping: useCallback(() => setHistory(breakTyping), []),
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    save,
  };
}
