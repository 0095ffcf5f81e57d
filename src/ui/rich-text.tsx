/**
 * Entry points to the math renderer for the rest of the app. The renderer (react-markdown + KaTeX) is a
 * separate chunk: until it has loaded, text shows as written, so nothing is ever blank.
 */
import { lazy, Suspense } from 'react';

const load = () => import('./markdown/math-markdown.tsx');
const LazyMarkdown = lazy(() => load().then((m) => ({ default: m.MathMarkdown })));
const LazyFormula = lazy(() => load().then((m) => ({ default: m.MathFormula })));

/** Starts loading the renderer before it is needed (e.g. when the page is idle). */
export function preloadRichText(): void {
  void load().catch(() => undefined);
}

export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      <Suspense fallback={<div className="rich-text__plain">{text}</div>}>
        <LazyMarkdown text={text} />
      </Suspense>
    </div>
  );
}

export function TexFormula({ tex, display = true }: { tex: string; display?: boolean }) {
  return (
    <Suspense fallback={<code className="rich-text__plain">{tex}</code>}>
      <LazyFormula tex={tex} display={display} />
    </Suspense>
  );
}
