/**
 * Markdown with math, rendered block by block: react-markdown + remark-math, formulas through our cached
 * KaTeX renderer. Loaded lazily (with KaTeX) so the first screen does not wait for it.
 */
import { memo, type ComponentProps, type ReactNode } from 'react';
import Markdown, { defaultUrlTransform, type Components, type UrlTransform } from 'react-markdown';
import remarkMath from 'remark-math';
import { safeLinkHref } from '../../core/safety/url-policy.ts';
import { Formula } from '../math/formula.tsx';
import { ensureKatexStyles } from '../math/katex-render.ts';
import { ExternalImage, pageURL } from './external-image.tsx';
import { simpleBlock, type InlinePart, type SimpleBlock } from './simple-block.ts';
import { splitBlocks } from './split-blocks.ts';

/** Fetches KaTeX's stylesheet now, before the first formula needs it. */
export const prepareMathStyles = ensureKatexStyles;

const remarkPlugins = [remarkMath];

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

function mathKind(className: unknown): 'inline' | 'display' | null {
  const names = Array.isArray(className) ? className.map(String) : String(className ?? '').split(/\s+/);
  if (names.includes('math-display')) return 'display';
  if (names.includes('math-inline')) return 'inline';
  return null;
}

function textOf(children: ReactNode): string {
  if (typeof children === 'string') return children;
  if (Array.isArray(children)) return children.map(textOf).join('');
  return '';
}

const components: Components = {
  code({ className, children, node: _node, ...rest }) {
    const kind = mathKind(className);
    if (kind) return <Formula tex={textOf(children)} display={kind === 'display'} />;
    return (
      <code className={className} {...rest}>
        {children}
      </code>
    );
  },
  pre({ children, node, ...rest }) {
    const first = (node as HastNode | undefined)?.children?.find((c) => c.type === 'element');
    // remark-math wraps display math in <pre><code>; the formula is a block of its own.
    if (first?.tagName === 'code' && mathKind(first.properties?.className) === 'display') return <>{children}</>;
    return <pre {...rest}>{children}</pre>;
  },
  // Links and images come from untrusted text: see core/safety/url-policy.ts.
  a({ node: _node, href, children, ...props }: ComponentProps<'a'> & { node?: unknown }) {
    const safe = typeof href === 'string' ? safeLinkHref(href, pageURL()) : null;
    if (safe === null) return <span className="unsafe-link">{children}</span>;
    return (
      <a {...props} href={safe} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
        {children}
      </a>
    );
  },
  img: ExternalImage,
};

/** An image's URL is judged by ExternalImage; react-markdown's own filter would drop `data:` images first. */
const urlTransform: UrlTransform = (url, _key, node) => (node.tagName === 'img' ? url : defaultUrlTransform(url));

/** One block through react-markdown (the general path). */
export function FullMarkdownBlock({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={remarkPlugins} components={components} urlTransform={urlTransform}>
      {text}
    </Markdown>
  );
}

function Inline({ parts }: { parts: InlinePart[] }) {
  return parts.map((p, i) => (typeof p === 'string' ? p : <Formula key={i} tex={p.tex} display={false} />));
}

/** The markup react-markdown gives these shapes, built directly (hast puts a newline between list items). */
function SimpleBlockView({ block }: { block: SimpleBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <Inline parts={block.parts} />
        </p>
      );
    case 'display':
      return <Formula tex={block.tex} display />;
    case 'list': {
      const items = block.items.flatMap((parts, i) => [
        '\n',
        <li key={i}>
          <Inline parts={parts} />
        </li>,
      ]);
      items.push('\n');
      return block.ordered ? <ol start={block.start === 1 ? undefined : block.start}>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/** One block: the common simple shapes directly, everything else through react-markdown. */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const simple = simpleBlock(text);
  return simple ? <SimpleBlockView block={simple} /> : <FullMarkdownBlock text={text} />;
});

/** Renders Markdown text; only blocks whose text changed are rendered again. */
export const MathMarkdown = memo(function MathMarkdown({ text }: { text: string }) {
  const blocks = splitBlocks(text);
  return (
    <>
      {blocks.map((block, i) => (
        <MarkdownBlock key={i} text={block} />
      ))}
    </>
  );
});

/** A display formula (e.g. a final answer). */
export function MathFormula({ tex, display = true }: { tex: string; display?: boolean }) {
  return <Formula tex={tex} display={display} />;
}
