import { useEffect, useState } from 'react';
import { retry, useRunStore } from '../../stores/run-store.ts';
import { openSettings, showTab } from '../../stores/layout-store.ts';

/** Errors whose fix is in Settings. */
const SETTINGS_KINDS = new Set(['no-endpoint', 'unauthorized', 'model-not-found', 'network', 'bad-request']);

function useSecondsLeft(until: number | null): number {
  const [, tick] = useState(0);
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
  useEffect(() => {
    if (left === 0) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [left]);
  return left;
}

/** What went wrong and what to do next; the problem and the steps received stay on screen. */
export function RunError() {
  const error = useRunStore((s) => s.error);
  const phase = useRunStore((s) => s.phase);
  const endedAt = useRunStore((s) => s.endedAt);
  const truncated = useRunStore((s) => s.truncated);
  const waitUntil =
    error?.retryAfterSeconds !== undefined && endedAt !== null ? endedAt + error.retryAfterSeconds * 1000 : null;
  const secondsLeft = useSecondsLeft(waitUntil);

  if (truncated && phase === 'done') {
    return (
      <div className="notice notice--warning" role="status">
        <p className="notice__message">The answer reached the model's length limit and may stop short.</p>
        <p className="notice__hint">Ask again, or raise the server's token limit.</p>
      </div>
    );
  }
  if (!error) return null;
  if (error.kind === 'solver') {
    // The built-in solver declined: asking it again gives the same answer, so offer the two ways forward.
    return (
      <div className="notice notice--info" role="alert">
        <p className="notice__message">{error.message}</p>
        <p className="notice__hint">{error.hint}</p>
        <div className="notice__actions">
          <button type="button" className="button button--primary" onClick={openSettings}>
            Open settings
          </button>
          <button type="button" className="button" onClick={() => showTab('paste')}>
            Paste an answer
          </button>
        </div>
      </div>
    );
  }
  const stopped = phase === 'stopped';
  return (
    <div className={`notice ${stopped ? 'notice--info' : 'notice--error'}`} role={stopped ? 'status' : 'alert'}>
      <p className="notice__message">{error.message}</p>
      <p className="notice__hint">{error.hint}</p>
      <div className="notice__actions">
        <button type="button" className="button button--primary" onClick={() => void retry()} disabled={secondsLeft > 0}>
          {secondsLeft > 0 ? `Retry in ${secondsLeft} s` : 'Retry'}
        </button>
        {SETTINGS_KINDS.has(error.kind) && (
          <button type="button" className="button" onClick={openSettings}>
            Open settings
          </button>
        )}
      </div>
    </div>
  );
}
