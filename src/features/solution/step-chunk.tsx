import { useEffect, useRef, useState, type ReactNode } from 'react';
import { whenNearViewport } from '../../ui/near-viewport.ts';
import './step-chunk.css';

/**
 * Up to this many revealed steps every card is built at once, as always. Past it ("Reveal all" on a very long
 * answer), the steps after the first ones come in chunks: a chunk away from the screen is one empty spacer of
 * about its height until it comes near, so revealing 5,000 steps builds a few dozen cards and watches a couple
 * of hundred spacers, not 5,000 cards (an observer per card cost more in layout than the cards saved).
 */
export const BUILD_AT_ONCE = 12;
export const CHUNK_SIZE = 25;

export type StepSlot = { kind: 'step'; index: number } | { kind: 'chunk'; start: number; end: number };

/**
 * The list's layout for `visible` revealed steps: the first ones and the last one (the step just revealed,
 * scrolled to and measured at once) as steps, those between in chunks with stable boundaries, so a chunk keeps
 * its identity (and stays built) while the list grows.
 */
export function stepSlots(visible: number): StepSlot[] {
  const slots: StepSlot[] = [];
  const head = visible > BUILD_AT_ONCE ? BUILD_AT_ONCE : visible;
  for (let i = 0; i < head; i++) slots.push({ kind: 'step', index: i });
  if (visible <= BUILD_AT_ONCE) return slots;
  for (let start = BUILD_AT_ONCE; start < visible - 1; start += CHUNK_SIZE) {
    slots.push({ kind: 'chunk', start, end: Math.min(start + CHUNK_SIZE, visible - 1) });
  }
  slots.push({ kind: 'step', index: visible - 1 });
  return slots;
}

/** Steps `start`…`end - 1`, or until they near the screen a spacer standing in for them. */
export function StepChunk({ start, end, children }: { start: number; end: number; children: (index: number) => ReactNode }) {
  const [built, setBuilt] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (built || !ref.current) return;
    return whenNearViewport(ref.current, () => setBuilt(true));
  }, [built]);
  if (!built) {
    return <li className="steps__spacer" ref={ref} aria-hidden="true" style={{ height: `${(end - start) * 8.5}rem` }} />;
  }
  return <>{Array.from({ length: end - start }, (_, k) => children(start + k))}</>;
}
