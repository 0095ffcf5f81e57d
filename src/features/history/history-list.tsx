import { memo, useEffect } from 'react';
import { entryTitle, needsModel, type HistoryEntry } from '../../core/history/history-entry.ts';
import { progressSummary } from '../../core/tutor/progress.ts';
import { deleteEntry, dismissNotice, forgetDeleted, undoDelete, useHistoryStore } from '../../stores/history-store.ts';
import { closeEntry, openEntry, useRunStore } from '../../stores/run-store.ts';
import { DismissibleNotices } from '../../ui/dismissible-notices.tsx';
import { InlineMath } from '../../ui/inline-math.tsx';
import { problemToInline } from '../../core/solution/problem-markdown.ts';

const STATUS_LABEL: Record<HistoryEntry['status'], string> = {
  streaming: 'arriving…',
  done: '',
  stopped: 'stopped',
  failed: 'failed',
  interrupted: 'cut off',
};
const SOURCE_LABEL: Record<HistoryEntry['source'], string> = { model: '', builtin: 'built-in', paste: 'pasted' };

export function formatWhen(time: number, now = Date.now()): string {
  const date = new Date(time);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

const HistoryItem = memo(function HistoryItem({ entry, current }: { entry: HistoryEntry; current: boolean }) {
  const title = entryTitle(entry.problem);
  const status = needsModel(entry) ? 'Needs a model' : STATUS_LABEL[entry.status];
  const summary = entry.tutor ? progressSummary(entry.tutor, entry.tutor.total) : null;
  const meta = [formatWhen(entry.createdAt), SOURCE_LABEL[entry.source] || entry.model, status]
    .filter((x) => x !== '')
    .join(' · ');
  return (
    <li className={`history__item${current ? ' history__item--current' : ''}`}>
      <button
        type="button"
        className="history__open"
        onClick={() => openEntry(entry.id)}
        aria-current={current ? 'true' : undefined}
      >
        {/* Named by its content, so the name holds the visible text (WCAG 2.5.3): the typeset title is an image of
            the problem whose text alternative is the plain-text title, not the formula's flattened MathML. */}
        <span className="history__title" title={title} role="img" aria-label={title}>
          <InlineMath text={problemToInline(entry.problem)} />
        </span>
        <span className="visually-hidden"> · </span>
        <span className="history__meta">{meta}</span>
        {summary !== null && <span className="history__progress">{summary}</span>}
      </button>
      <button
        type="button"
        className="history__delete"
        aria-label={`Delete “${title}”`}
        title="Delete"
        onClick={() => {
          closeEntry(entry.id);
          void deleteEntry(entry.id);
        }}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
},
// A streaming entry is saved every half second; only what the item shows should render it again.
(a, b) =>
  a.current === b.current &&
  a.entry.id === b.entry.id &&
  a.entry.problem === b.entry.problem &&
  a.entry.createdAt === b.entry.createdAt &&
  a.entry.source === b.entry.source &&
  a.entry.model === b.entry.model &&
  a.entry.status === b.entry.status &&
  a.entry.error?.kind === b.entry.error?.kind &&
  a.entry.tutor === b.entry.tutor);

export function HistoryList() {
  const entries = useHistoryStore((s) => s.entries);
  const status = useHistoryStore((s) => s.status);
  const notices = useHistoryStore((s) => s.notices);
  const lastDeleted = useHistoryStore((s) => s.lastDeleted);
  const currentId = useRunStore((s) => s.entryId);

  useEffect(() => {
    if (!lastDeleted) return;
    const timer = setTimeout(forgetDeleted, 8000);
    return () => clearTimeout(timer);
  }, [lastDeleted]);

  return (
    <nav className="history" aria-label="History">
      <h2 className="history__heading">History</h2>
      <DismissibleNotices notices={notices} onDismiss={dismissNotice} />
      {lastDeleted && (
        <div className="notice notice--info notice--compact" role="status">
          <p className="notice__message">Deleted “{entryTitle(lastDeleted.problem, 40)}”.</p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const id = lastDeleted.id;
              void undoDelete().then(() => openEntry(id));
            }}
          >
            Undo
          </button>
        </div>
      )}
      {status === 'loading' && entries.length === 0 ? (
        <p className="history__empty">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="history__empty">Problems you solve or paste are kept here, on this device.</p>
      ) : (
        <ul className="history__list">
          {entries.map((e) => (
            <HistoryItem key={e.id} entry={e} current={e.id === currentId} />
          ))}
        </ul>
      )}
    </nav>
  );
}
