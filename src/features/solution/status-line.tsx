import { useEffect, useState } from 'react';
import { needsModel } from '../../core/history/history-entry.ts';
import { hostOf } from '../../core/llm/base-url.ts';
import { isLivePhase, stop, useRunStore, type RunState } from '../../stores/run-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';

/** What the run is doing now, in words. */
export function describePhase(s: Pick<RunState, 'phase' | 'solution' | 'source' | 'error'>, host: string): string {
  const { steps, answer } = s.solution;
  switch (s.phase) {
    case 'connecting':
      return `Connecting to ${host}…`;
    case 'streaming':
      if (answer) return 'writing the final answer…';
      if (steps.length === 0) return s.solution.preamble ? 'writing…' : 'thinking…';
      return steps[steps.length - 1]?.complete ? `writing step ${steps.length + 1}…` : `writing step ${steps.length}…`;
    case 'done':
      return s.source === 'paste' ? 'Pasted answer' : s.source === 'builtin' ? 'Solved by the built-in solver' : 'Solved';
    case 'stopped':
      return 'Stopped';
    case 'failed':
      // A problem the built-in solver declines is not a failure: it is out of its reach.
      return needsModel({ status: 'failed', error: s.error }) ? 'Needs a model' : 'Failed';
    case 'interrupted':
      return 'Cut off';
    case 'idle':
      return '';
  }
}

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Seconds since the run started, ticking while it is live. */
function Elapsed({ startedAt, endedAt }: { startedAt: number; endedAt: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endedAt !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endedAt]);
  return <span className="status-line__elapsed">{formatElapsed((endedAt ?? now) - startedAt)}</span>;
}

export function StatusLine() {
  const phase = useRunStore((s) => s.phase);
  const text = useRunStore((s) => describePhase(s, ''));
  const source = useRunStore((s) => s.source);
  const model = useRunStore((s) => s.model);
  const startedAt = useRunStore((s) => s.startedAt);
  const endedAt = useRunStore((s) => s.endedAt);
  const baseURL = useSettingsStore((s) => s.baseURL);
  const live = isLivePhase(phase);
  const label = phase === 'connecting' ? `Connecting to ${hostOf(baseURL.trim()) || 'the server'}…` : text;
  const timed = source === 'model' && phase !== 'idle';

  return (
    <div className={`status-line status-line--${phase}`}>
      {live && <span className="status-line__spinner" aria-hidden="true" />}
      <span role="status" className="status-line__text">
        {label}
      </span>
      {timed && <Elapsed startedAt={startedAt} endedAt={endedAt} />}
      {model !== '' && source === 'model' && <span className="status-line__model">{model}</span>}
      {live && (
        <button type="button" className="button button--small button--danger" onClick={stop}>
          Stop
        </button>
      )}
    </div>
  );
}
