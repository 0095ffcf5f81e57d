import { useEffect, type RefObject } from 'react';

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — the editor's own history, also while one of its text
 * fields has focus. A field's native undo would take back text the editor has already recorded and saved, and
 * the two histories would disagree; the editor's history coalesces typing, so Undo in a field still feels
 * native. Fields outside the editor (Settings) keep their own undo.
 */
export function useUndoKeys(root: RefObject<HTMLElement | null>, undo: () => void, redo: () => void, enabled: boolean): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const field = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (field && !root.current?.contains(target)) return;
      const key = e.key.toLowerCase();
      const action = key === 'z' ? (e.shiftKey ? redo : undo) : key === 'y' && e.ctrlKey && !e.shiftKey ? redo : null;
      if (!action) return;
      // Even when history is paused (a step is being regenerated), a field's native undo must not step in.
      e.preventDefault();
      if (enabled) action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [root, undo, redo, enabled]);
}
