import { useEffect } from 'react';
import { tutorNextStep } from '../../stores/tutor-store.ts';

/** Elements where the key already means something (typing, pressing a button, opening a panel). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return key === ' ' && target.closest('button, a[href], summary, [role="button"], [role="tab"]') !== null;
}

/** → or Space is "Next step" (which may first ask to try it), unless focus is somewhere that uses the key itself. */
export function useRevealKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowRight' && e.key !== ' ') return;
      if (ownsKey(e.target, e.key)) return;
      e.preventDefault();
      tutorNextStep();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
