/**
 * Paints the block being streamed straight into the DOM. It changes every frame while an answer arrives, and
 * going through React for each change cost more than everything else on the page; here a frame costs a text
 * node update, plus a formula when one completes. Only the simple shapes (simple-block.ts) are painted; the
 * caller renders anything else with React. Once the block is finished React renders it like any other.
 */
import { formulaElement } from '../math/formula-element.ts';
import type { InlinePart, SimpleBlock } from './simple-block.ts';

interface PaintedInline {
  parts: InlinePart[];
  nodes: Node[];
}

const samePart = (a: InlinePart | undefined, b: InlinePart | undefined) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a !== undefined && b !== undefined && a.tex === b.tex;

/** Brings `el`'s children from `painted` to `parts`, touching only what changed (usually the last text). */
function paintInline(el: HTMLElement, painted: PaintedInline, parts: InlinePart[]): void {
  const doc = el.ownerDocument;
  let same = 0;
  while (same < parts.length && same < painted.parts.length && samePart(parts[same], painted.parts[same])) same++;
  // Text that grew in place: update the node instead of replacing it.
  const old = painted.parts[same];
  const now = parts[same];
  let from = same;
  if (typeof old === 'string' && typeof now === 'string' && same === painted.parts.length - 1) {
    (painted.nodes[same] as Text).data = now;
    from = same + 1;
  }
  for (const node of painted.nodes.splice(from)) node.parentNode?.removeChild(node);
  for (const part of parts.slice(from)) {
    const node = typeof part === 'string' ? doc.createTextNode(part) : formulaElement(doc, part.tex, false);
    el.append(node);
    painted.nodes.push(node);
  }
  painted.parts = parts;
}

type Painted =
  | { kind: 'paragraph'; el: HTMLElement; inline: PaintedInline }
  | { kind: 'list'; el: HTMLElement; ordered: boolean; start: number; items: { el: HTMLElement; inline: PaintedInline }[] }
  | { kind: 'display'; el: HTMLElement; tex: string };

export interface TailPainter {
  /** Shows `block` (null: nothing) and, after it, `pending` text still arriving (dimmed; '' for none). */
  paint(block: SimpleBlock | null, pending: string): void;
  clear(): void;
}

export function createTailPainter(container: HTMLElement, pendingClassName: string): TailPainter {
  const doc = container.ownerDocument;
  let painted: Painted | null = null;
  let pendingEl: HTMLElement | null = null;
  container.replaceChildren();

  const place = (el: HTMLElement) => container.insertBefore(el, pendingEl);

  function paintBlock(block: SimpleBlock | null): void {
    if (painted && (!block || block.kind !== painted.kind || (block.kind === 'list' && painted.kind === 'list' && (block.ordered !== painted.ordered || block.start !== painted.start)))) {
      painted.el.remove();
      painted = null;
    }
    if (!block) return;
    switch (block.kind) {
      case 'paragraph': {
        if (!painted) {
          const el = doc.createElement('p');
          place(el);
          painted = { kind: 'paragraph', el, inline: { parts: [], nodes: [] } };
        }
        if (painted.kind === 'paragraph') paintInline(painted.el, painted.inline, block.parts);
        return;
      }
      case 'display': {
        if (painted?.kind === 'display' && painted.tex === block.tex) return;
        painted?.el.remove();
        const el = formulaElement(doc, block.tex, true);
        place(el);
        painted = { kind: 'display', el, tex: block.tex };
        return;
      }
      case 'list': {
        if (!painted) {
          const el = doc.createElement(block.ordered ? 'ol' : 'ul');
          if (block.ordered && block.start !== 1) el.setAttribute('start', String(block.start));
          place(el);
          painted = { kind: 'list', el, ordered: block.ordered, start: block.start, items: [] };
        }
        if (painted.kind !== 'list') return;
        const { items, el } = painted;
        block.items.forEach((parts, i) => {
          let item = items[i];
          if (!item) {
            const li = doc.createElement('li');
            el.append(li);
            item = { el: li, inline: { parts: [], nodes: [] } };
            items.push(item);
          }
          paintInline(item.el, item.inline, parts);
        });
        for (const gone of items.splice(block.items.length)) gone.el.remove();
        return;
      }
    }
  }

  return {
    paint(block, pending) {
      paintBlock(block);
      if (pending === '') {
        pendingEl?.remove();
        pendingEl = null;
        return;
      }
      if (!pendingEl) {
        pendingEl = doc.createElement('p');
        pendingEl.className = pendingClassName;
        pendingEl.setAttribute('aria-hidden', 'true');
        container.append(pendingEl);
      }
      if (pendingEl.textContent !== pending) pendingEl.textContent = pending;
    },
    clear() {
      painted = null;
      pendingEl = null;
      container.replaceChildren();
    },
  };
}
