/**
 * Entry points to the math renderer for the rest of the app. The renderer (react-markdown + KaTeX) is a
 * separate chunk: until it has loaded, text shows as written, so nothing is ever blank. Once loaded it is used
 * directly: a lazy component suspends on its first render even when its module is there, and React holds a
 * suspended update back for up to 300 ms — long enough to see in a stream.
 */
import { lazy, Suspense } from 'react';
import type { TextSource } from './markdown/streaming-markdown.tsx';

export type { TextSource } from './markdown/streaming-markdown.tsx';

type Renderer = typeof import('./markdown/renderer.ts');
let renderer: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

function load(): Promise<Renderer> {
  loading ??= import('./markdown/renderer.ts').then(
    (m) => (renderer = m),
    (error: unknown) => {
      loading = null; // a failed fetch (offline, new deploy) may be retried by the next render
      throw error;
    },
  );
  return loading;
}

const LazyMarkdown = lazy(() => load().then((m) => ({ default: m.MathMarkdown })));
const LazyFormula = lazy(() => load().then((m) => ({ default: m.MathFormula })));
const LazyStreaming = lazy(() => load().then((m) => ({ default: m.StreamingMarkdown })));

/** Starts loading the renderer before it is needed (e.g. when the page is idle). */
export function preloadRichText(): void {
  void load().catch(() => undefined);
}

/**
 * Loads KaTeX's stylesheet (not its fonts: those load with the first glyph that needs them) when a solution
 * is about to appear, so the first formula does not restyle the page mid-stream.
 */
export function preloadMathStyles(): void {
  void load()
    .then((m) => m.prepareMathStyles())
    .catch(() => undefined);
}

export function RichText({ text, className }: { text: string; className?: string }) {
  const r = renderer;
  return (
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      {r ? (
        <r.MathMarkdown text={text} />
      ) : (
        <Suspense fallback={<div className="rich-text__plain">{text}</div>}>
          <LazyMarkdown text={text} />
        </Suspense>
      )}
    </div>
  );
}

export function TexFormula({ tex, display = true }: { tex: string; display?: boolean }) {
  const r = renderer;
  return r ? (
    <r.MathFormula tex={tex} display={display} />
  ) : (
    <Suspense fallback={<code className="rich-text__plain">{tex}</code>}>
      <LazyFormula tex={tex} display={display} />
    </Suspense>
  );
}

/**
 * Text still arriving, read from `source` (e.g. a store) rather than passed as a prop, so each new frame of it
 * reaches the screen without a React render; `pendingClassName` styles the part not yet typeset.
 */
export function StreamingRichText({ source, pendingClassName }: { source: TextSource; pendingClassName: string }) {
  const r = renderer;
  return (
    <div className="rich-text">
      {r ? (
        <r.StreamingMarkdown source={source} pendingClassName={pendingClassName} />
      ) : (
        <Suspense fallback={<div className="rich-text__plain">{source.get().text}</div>}>
          <LazyStreaming source={source} pendingClassName={pendingClassName} />
        </Suspense>
      )}
    </div>
  );
}
