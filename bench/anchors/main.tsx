/**
 * The two anchors of the UI benchmark (bench/ui.bench.ts): the same SSE stream the app reads, rendered by
 * (a) react-markdown + remark-math + rehype-katex re-rendering the whole accumulated answer once per frame, or
 * (b) streamdown's <Streamdown> with the accumulated answer once per frame.
 * A third renderer, `plain`, shows the raw text in a <pre>: the floor of the method (stream reading, per-frame
 * commit and the bench's instrumentation, no Markdown or math).
 * `?renderer=react-markdown|streamdown|plain`; the bench calls `window.__startStream(chatCompletionsURL)` once loaded.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Markdown from 'react-markdown';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { Streamdown } from 'streamdown';
import 'katex/dist/katex.min.css';

type Renderer = 'react-markdown' | 'streamdown' | 'plain';
const asked = new URLSearchParams(location.search).get('renderer');
const renderer: Renderer = asked === 'streamdown' || asked === 'plain' ? asked : 'react-markdown';

// What @streamdown/math does (not installed; no extra dependency): remark-math + rehype-katex as a math plugin.
const mathPlugin = {
  name: 'katex' as const,
  type: 'math' as const,
  remarkPlugin: [remarkMath, { singleDollarTextMath: true }] as [typeof remarkMath, { singleDollarTextMath: boolean }],
  rehypePlugin: [rehypeKatex, { errorColor: 'var(--color-muted-foreground)' }] as [typeof rehypeKatex, { errorColor: string }],
};

/** remark-math reads $…$ and $$…$$ only; models write \(…\) and \[…\] — the usual chat-UI rewrite. */
const toDollars = (text: string): string =>
  text.replace(/\\\[|\\\]/g, '$$$$').replace(/\\\(|\\\)/g, '$$');

let setTextFromStream: ((text: string, done: boolean) => void) | null = null;

function App() {
  const [state, setState] = useState({ text: '', done: false });
  useEffect(() => {
    // Rendered inside the frame's rAF callback, as the app's store updates are, not in a later scheduler task.
    setTextFromStream = (text, done) => flushSync(() => setState({ text, done }));
    return () => {
      setTextFromStream = null;
    };
  }, []);
  useEffect(() => {
    if (state.done) (window as unknown as { __anchorDone?: boolean }).__anchorDone = true;
  }, [state.done]);
  const source = renderer === 'plain' ? '' : toDollars(state.text);
  return (
    <main>
      {renderer === 'plain' ? (
        <pre style={{ whiteSpace: 'pre-wrap' }}>{state.text}</pre>
      ) : renderer === 'react-markdown' ? (
        <Markdown remarkPlugins={[remarkMath]} rehypePlugins={[rehypeKatex]}>
          {source}
        </Markdown>
      ) : (
        <Streamdown mode="streaming" isAnimating={!state.done} plugins={{ math: mathPlugin }}>
          {source}
        </Streamdown>
      )}
    </main>
  );
}

/** Reads the OpenAI-style SSE stream; commits the accumulated text at most once per animation frame. */
async function startStream(url: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'bench' }] }),
  });
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let text = '';
  let frame: number | null = null;
  const commit = () => {
    frame = null;
    setTextFromStream?.(text, false);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.startsWith('data: ') ? event.slice(6) : '';
      if (!data || data === '[DONE]') continue;
      const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string | null } }[] }).choices?.[0]?.delta?.content;
      if (delta) text += delta;
    }
    frame ??= requestAnimationFrame(commit);
  }
  if (frame !== null) cancelAnimationFrame(frame);
  setTextFromStream?.(text, true);
}

(window as unknown as { __startStream: typeof startStream }).__startStream = startStream;

createRoot(document.getElementById('root')!).render(<App />);
