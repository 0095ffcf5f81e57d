import { useEffect, useMemo, useState } from 'react';
import { MAX_CONCURRENCY, MIN_CONCURRENCY, progress, type BatchItem, type BatchQueue } from '../../core/batch/batch-queue.ts';
import { parseProblemList } from '../../core/batch/parse-problem-list.ts';
import { findSet } from '../../core/library/library.ts';
import {
  dismissBatch,
  resumeBatch,
  retryFailedItems,
  setConcurrency,
  setDraft,
  startBatch,
  stopBatch,
  useBatchStore,
} from '../../stores/batch-store.ts';
import { openSettings } from '../../stores/layout-store.ts';
import { initLibrary, useLibraryStore } from '../../stores/library-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import './batch-panel.css';

/** More than this at once is almost surely a paste mistake (and a big bill); split it into several batches. */
export const MAX_BATCH = 100;

const CONCURRENCY_CHOICES = Array.from({ length: MAX_CONCURRENCY - MIN_CONCURRENCY + 1 }, (_, i) => MIN_CONCURRENCY + i);

/** "Generate solutions" on a library set: paste problems, solve them all into the set, watch and steer. */
export function BatchPanel({ setId }: { setId: string }) {
  const draft = useBatchStore((s) => s.draft);
  const concurrency = useBatchStore((s) => s.concurrency);
  const queue = useBatchStore((s) => s.queue);
  const batchSetId = useBatchStore((s) => s.setId);
  const usesSolver = useSettingsStore((s) => s.solver === 'builtin');
  const model = useSettingsStore((s) => s.model.trim());
  const otherSetName = useLibraryStore((s) => (batchSetId && batchSetId !== setId ? (findSet(s.library, batchSetId)?.name ?? 'another set') : null));
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const list = useMemo(() => parseProblemList(draft), [draft]);

  useEffect(() => void initLibrary(), []);

  const mine = queue !== null && batchSetId === setId ? queue : null;
  const busyElsewhere = queue !== null && otherSetName !== null && (queue.phase === 'running' || progress(queue).running > 0);
  const running = mine?.phase === 'running' || (mine !== null && progress(mine).running > 0);
  const count = list.problems.length;
  const tooMany = count > MAX_BATCH;

  const onGenerate = async () => {
    setStarting(true);
    const started = await startBatch(setId, list.problems);
    setStarting(false);
    setStartError(started.ok ? null : started.error);
    if (started.ok) setDraft('');
  };

  return (
    <section className="card batch" aria-labelledby="batch-title">
      <h2 id="batch-title" className="batch__title">
        Generate solutions
      </h2>
      <EngineNote usesSolver={usesSolver} model={model} />

      <label className="field-label" htmlFor="batch-problems">
        Problems
      </label>
      <textarea
        id="batch-problems"
        className="textarea batch__problems"
        rows={6}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={'One per line, or numbered:\n1. Solve $2x + 3 = 7$\n2. Factor $x^2 - 9$'}
        aria-describedby="batch-problems-hint"
      />
      <p id="batch-problems-hint" className="field-hint">
        One problem per line, or numbered (1. 2. …, 1) 2) …, Problem 1: …) — then a problem may take several lines. LaTeX
        is kept as typed.
      </p>

      {count > 0 && <Understood problems={list.problems} mode={list.mode} ignored={list.ignored} />}

      <div className="batch__controls">
        <label className="batch__concurrency">
          <span>Parallel requests</span>
          <select
            className="input select input--short"
            value={concurrency}
            onChange={(e) => setConcurrency(Number(e.target.value))}
            disabled={running}
          >
            {CONCURRENCY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={count === 0 || tooMany || running || busyElsewhere || starting}
          onClick={() => void onGenerate()}
        >
          Generate {count} {count === 1 ? 'solution' : 'solutions'}
        </button>
      </div>
      {tooMany && (
        <p className="field-error" role="alert">
          That is {count} problems; a batch takes at most {MAX_BATCH}. Split the list and generate it in parts.
        </p>
      )}
      {startError && (
        <p className="field-error" role="alert">
          {startError}
        </p>
      )}
      {busyElsewhere && batchSetId && (
        <p className="notice batch__elsewhere" role="status">
          A batch is generating solutions into “{otherSetName}”. <a href={`#/library/${batchSetId}`}>Open that set</a> to follow
          it; a new batch can start here when it has finished or been stopped.
        </p>
      )}
      {mine && <BatchProgress queue={mine} />}
    </section>
  );
}

function EngineNote({ usesSolver, model }: { usesSolver: boolean; model: string }) {
  if (!usesSolver) {
    return (
      <p className="batch__engine">
        Each problem is one request to the model <strong>{model || '(none chosen)'}</strong>; each solution is added to
        this set as soon as it is done.
      </p>
    );
  }
  return (
    <div className="notice batch__engine" role="note">
      <p className="notice__message">No model is configured, so the built-in solver will be used.</p>
      <p className="notice__hint">
        It works offline but handles only algebra and calculus (equations, factoring, simplifying, derivatives); other
        problems will be marked as failed. Connect a model to generate solutions for anything.
      </p>
      <div className="notice__actions">
        <button type="button" className="button button--small" onClick={openSettings}>
          Open settings
        </button>
      </div>
    </div>
  );
}

function Understood({ problems, mode, ignored }: { problems: string[]; mode: 'lines' | 'numbered'; ignored: string[] }) {
  return (
    <details className="batch__understood" open={problems.length <= 12}>
      <summary>
        Understood as {problems.length} {problems.length === 1 ? 'problem' : 'problems'} (
        {mode === 'numbered' ? 'a numbered list' : 'one per line'})
      </summary>
      <ol className="batch__preview" aria-label="Problems to generate">
        {problems.map((p, i) => (
          <li key={i}>
            <ProblemText text={p} />
          </li>
        ))}
      </ol>
      {ignored.map((text, i) => (
        <p key={i} className="field-hint">
          Not included (text before problem 1): “{text}”
        </p>
      ))}
    </details>
  );
}

/** A problem on one or a few lines, inline math typeset. */
function ProblemText({ text }: { text: string }) {
  return (
    <span className="batch__problem">
      <InlineMath text={text.replace(/\s*\n\s*/g, ' ')} />
    </span>
  );
}

function summary(queue: BatchQueue): string {
  const p = progress(queue);
  const parts = [`${p.done} of ${p.total} done`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (queue.phase === 'stopped' && p.pending > 0) parts.push(`stopped, ${p.pending} not done`);
  if (queue.phase === 'finished') parts.push('finished');
  return parts.join(' · ');
}

function BatchProgress({ queue }: { queue: BatchQueue }) {
  const p = progress(queue);
  const running = queue.phase === 'running';
  return (
    <div className="batch__run">
      <p className="batch__summary" role="status">
        {summary(queue)}
      </p>
      <progress className="batch__bar" aria-label="Generation progress" max={p.total} value={p.done + p.failed} />
      <div className="batch__actions">
        {running && (
          <button type="button" className="button" onClick={stopBatch}>
            Stop
          </button>
        )}
        {queue.phase === 'stopped' && p.pending > 0 && (
          <button type="button" className="button button--primary" onClick={resumeBatch}>
            Resume
          </button>
        )}
        {p.failed > 0 && (
          <button type="button" className="button" onClick={retryFailedItems}>
            Retry failed
          </button>
        )}
        {!running && p.running === 0 && (
          <button type="button" className="button button--ghost" onClick={dismissBatch}>
            Clear list
          </button>
        )}
      </div>
      {(running || p.running > 0) && (
        <p className="field-hint">
          Each solution is saved to the set as soon as it is done. You can leave this page; if you close the tab,
          the finished ones stay in the set and the rest are not generated.
        </p>
      )}
      <ol className="batch__items" aria-label="Batch problems">
        {queue.items.map((item) => (
          <BatchRow key={item.index} item={item} stopped={queue.phase === 'stopped'} />
        ))}
      </ol>
    </div>
  );
}

function statusText(item: BatchItem, stopped: boolean, secondsLeft: number): string {
  switch (item.status) {
    case 'pending':
      return stopped ? 'Stopped — runs on Resume' : 'Waiting';
    case 'done':
      return 'Saved';
    case 'failed':
      return 'Failed';
    case 'running':
      if (item.stage === 'waiting') return `Rate limited — trying again in ${secondsLeft} s`;
      return item.stage === 'saving' ? 'Saving…' : 'Solving…';
  }
}

function BatchRow({ item, stopped }: { item: BatchItem; stopped: boolean }) {
  const secondsLeft = useCountdown(item.stage === 'waiting' ? item.waitUntil : null);
  return (
    <li className={`batch__item batch__item--${item.status}`}>
      <span className="batch__number" aria-hidden="true">
        {item.index + 1}.
      </span>
      <div className="batch__item-body">
        <ProblemText text={item.problem} />
        <span className="batch__status">{statusText(item, stopped, secondsLeft)}</span>
        {item.error && (
          <div className="batch__error">
            <p className="batch__error-message">{item.error.message}</p>
            <p className="field-hint">{item.error.hint}</p>
          </div>
        )}
      </div>
    </li>
  );
}

/** Whole seconds until `until`, re-rendering each second while it counts down. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
