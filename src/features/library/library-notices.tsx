import { dismissLibraryNotice, forgetLibraryDelete, undoLibraryDelete, useLibraryStore } from '../../stores/library-store.ts';
import { entryTitle } from '../../core/history/history-entry.ts';
import { useState } from 'react';
import { DismissibleNotices } from '../../ui/dismissible-notices.tsx';

/** Problems with stored data (unreadable sets, storage refused), each dismissible. */
export function StorageNotices() {
  const notices = useLibraryStore((s) => s.notices);
  return <DismissibleNotices notices={notices} onDismiss={dismissLibraryNotice} />;
}

/**
 * "Deleted … Undo" for the last delete, where it belongs: a deleted set on the list, a removed problem on
 * its set's page (`setId`).
 */
export function UndoNotice({ setId }: { setId: string | null }) {
  const token = useLibraryStore((s) => s.lastDelete);
  const [error, setError] = useState<string | null>(null);
  if (!token || (token.kind === 'set' ? setId !== null : token.setId !== setId)) return null;
  const what = token.kind === 'set' ? `Deleted the set “${token.set.name}”.` : `Removed “${entryTitle(token.item.problem, 60)}” from this set.`;
  const undo = async () => {
    const result = await undoLibraryDelete();
    setError(result.ok ? null : result.error);
  };
  return (
    <div className="notice notice--info notice--compact" role="status">
      <p className="notice__message">{error ?? what}</p>
      <span className="library__notice-actions">
        <button type="button" className="link-button" onClick={() => void undo()}>
          Undo
        </button>
        <button type="button" className="link-button" onClick={forgetLibraryDelete}>
          Dismiss
        </button>
      </span>
    </div>
  );
}

/** The outcome of the last action on a set or problem: a confirmation, or what went wrong. */
export type Outcome = { ok: boolean; text: string } | null;

export function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  if (!outcome) return null;
  return (
    <div className={`notice notice--compact ${outcome.ok ? 'notice--success' : 'notice--error'}`} role={outcome.ok ? 'status' : 'alert'}>
      <p className="notice__message">{outcome.text}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
