/**
 * Runs a callback once an element comes near the screen, through one shared IntersectionObserver (thousands of
 * placeholders must not mean thousands of observers). Printing runs every pending callback first, so a printout
 * shows everything. Where IntersectionObserver is missing (jsdom, old browsers) the callback runs at once.
 */
const pending = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function run(el: Element): void {
  const callback = pending.get(el);
  if (!callback) return;
  pending.delete(el);
  observer?.unobserve(el);
  callback();
}

function shared(): IntersectionObserver {
  if (observer) return observer;
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) run(entry.target);
    },
    // Most of a screen ahead, so a normal scroll finds the content already built.
    { rootMargin: '600px 0px' },
  );
  window.addEventListener('beforeprint', () => {
    for (const el of [...pending.keys()]) run(el);
  });
  return observer;
}

/** Calls `callback` once, when `el` is within most of a screen of the viewport; returns a cancel function. */
export function whenNearViewport(el: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => {};
  }
  pending.set(el, callback);
  shared().observe(el);
  return () => {
    pending.delete(el);
    observer?.unobserve(el);
  };
}
