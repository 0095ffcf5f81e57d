/**
 * Markdown that is still arriving. Finished blocks render through React (memoised, so each renders once); the
 * block being written is painted directly (tail-painter.ts), so a streamed frame costs no React render at all
 * unless a block finished or the new block is outside the simple shapes.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { MarkdownBlock, MathMarkdown } from './math-markdown.tsx';
import { simpleBlock } from './simple-block.ts';
import { splitBlocks } from './split-blocks.ts';
import { createTailPainter } from './tail-painter.ts';

/** Where the text comes from: read it now, and hear when it changes (a store's getState/subscribe). */
export interface TextSource {
  get(): { text: string; pending: string };
  subscribe(listener: () => void): () => void;
}

/** The finished blocks (as one text) and the block being written. */
export function splitTail(text: string): { settled: string; tail: string } {
  const blocks = splitBlocks(text);
  const tail = blocks[blocks.length - 1] ?? '';
  const at = tail === '' ? text.length : text.lastIndexOf(tail);
  return { settled: text.slice(0, at), tail };
}

export function StreamingMarkdown({ source, pendingClassName }: { source: TextSource; pendingClassName: string }) {
  const [settled, setSettled] = useState(() => splitTail(source.get().text).settled);
  // A tail outside the simple shapes renders through React instead of the painter.
  const [complexTail, setComplexTail] = useState<string | null>(null);
  const tailRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const container = tailRef.current;
    if (!container) return;
    const painter = createTailPainter(container, pendingClassName);
    let lastText: string | null = null;
    let lastPending: string | null = null;
    const update = () => {
      const { text, pending } = source.get();
      if (text === lastText && pending === lastPending) return;
      lastText = text;
      lastPending = pending;
      const split = splitTail(text);
      setSettled(split.settled);
      const simple = split.tail === '' ? null : simpleBlock(split.tail);
      setComplexTail(split.tail !== '' && simple === null ? split.tail : null);
      painter.paint(simple, pending);
    };
    update();
    const unsubscribe = source.subscribe(update);
    return () => {
      unsubscribe();
      painter.clear();
    };
  }, [source, pendingClassName]);

  return (
    <>
      {settled !== '' && <MathMarkdown text={settled} />}
      {complexTail !== null && <MarkdownBlock text={complexTail} />}
      <div ref={tailRef} className="streaming-tail" />
    </>
  );
}
