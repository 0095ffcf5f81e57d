import { useState } from 'react';
import { isLivePhase, useRunStore } from '../../stores/run-store.ts';

/** The model's thinking, kept apart from the steps and collapsed unless the student opens it. */
export function ThinkingPanel() {
  const reasoning = useRunStore((s) => s.reasoning);
  const inline = useRunStore((s) => s.solution.thinking?.text ?? '');
  const thinkingNow = useRunStore((s) => isLivePhase(s.phase) && s.solution.steps.length === 0 && !s.solution.preamble);
  const [open, setOpen] = useState(false);
  const text = [reasoning.trim(), inline.trim()].filter((t) => t !== '').join('\n\n');
  if (text === '') return null;
  const words = text.split(/\s+/).length;
  return (
    <details className="thinking" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Model's thinking
        <span className="thinking__meta">
          {thinkingNow ? ' · thinking…' : ''} · {words} {words === 1 ? 'word' : 'words'}
        </span>
      </summary>
      {/* Rendered only when open: a long stream of thoughts costs nothing while folded away. */}
      {open && <div className="thinking__text">{text}</div>}
    </details>
  );
}
