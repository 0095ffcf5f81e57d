import { useEffect, useRef } from 'react';

/**
 * A panel that closes while focus is inside it (Escape, Done, Save) leaves focus on <body>; this returns it to
 * the button that opened it (the ref to attach). Focus the student moved elsewhere meanwhile is left alone.
 */
export function useFocusReturn<T extends HTMLElement>(open: boolean) {
  const opener = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    const active = document.activeElement;
    if (closed && (active === null || active === document.body)) opener.current?.focus();
  }, [open]);
  return opener;
}
