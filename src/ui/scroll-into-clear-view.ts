/**
 * Brings an element into the part of the window that the sticky bars leave free: below the top bar and above a
 * sticky bar at the bottom (the reveal bar). `scrollIntoView` with scroll margins gets this wrong when a bar's
 * height changes (it wraps on a phone) and, for an element taller than the free room, aligns its bottom and
 * hides its start under the top bar; here the start always wins.
 */

const GAP = 8;

/** The space between the bars, in viewport pixels. */
function freeRoom(bottomBar: Element | null): { top: number; bottom: number } {
  const topBar = document.querySelector('.topbar');
  const topBarBottom = topBar ? Math.max(0, topBar.getBoundingClientRect().bottom) : 0;
  let bottom = window.innerHeight;
  if (bottomBar) {
    // A sticky bar covers the element only once it is stuck; where it sticks does not depend on the scroll.
    const offset = Number.parseFloat(getComputedStyle(bottomBar).bottom) || 0;
    bottom -= offset + bottomBar.getBoundingClientRect().height;
  }
  return { top: topBarBottom + GAP, bottom: bottom - GAP };
}

export interface ClearViewOptions {
  /** A sticky bar at the bottom the element must stay above. */
  bottomBar?: Element | null;
  /** Put the element's top just below the top bar (a solution about to grow), not merely in view. */
  start?: boolean;
}

/** How far to scroll (positive: down) so that `el` sits in the free room, its top first. */
function neededScroll(el: Element, { bottomBar = null, start = false }: ClearViewOptions): number {
  const rect = el.getBoundingClientRect();
  const room = freeRoom(bottomBar);
  if (start || rect.top < room.top) return rect.top - room.top;
  if (rect.bottom > room.bottom) return Math.min(rect.bottom - room.bottom, rect.top - room.top);
  return 0;
}

const smooth = (): ScrollBehavior =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/**
 * Scrolls `el` into the free room, then checks once more when the scroll has settled (a formula typeset late or
 * a font that loaded can move it). Returns a function that cancels the second check.
 */
export function scrollIntoClearView(el: Element, options: ClearViewOptions = {}): () => void {
  // The document's scroller (absent in jsdom, which has no layout to scroll).
  const scroller = document.scrollingElement;
  if (!scroller || typeof scroller.scrollBy !== 'function') return () => {};
  const first = neededScroll(el, options);
  if (Math.abs(first) >= 1) scroller.scrollBy({ top: first, behavior: smooth() });
  // Aligning a start is done once: the solution then grows under the student's own scrolling.
  let done = options.start === true;
  const recheck = () => {
    if (done) return;
    done = true;
    window.removeEventListener('scrollend', recheck);
    clearTimeout(timer);
    if (!el.isConnected) return;
    const again = neededScroll(el, options);
    if (Math.abs(again) >= 1) scroller.scrollBy({ top: again, behavior: smooth() });
  };
  // `scrollend` ends a smooth scroll; the timer covers browsers without it and the case of no scroll at all.
  if (done) return () => {};
  if (Math.abs(first) >= 1) window.addEventListener('scrollend', recheck);
  const timer = setTimeout(recheck, Math.abs(first) >= 1 ? 1500 : 300);
  return () => {
    done = true;
    window.removeEventListener('scrollend', recheck);
    clearTimeout(timer);
  };
}
