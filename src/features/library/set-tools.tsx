import { useState, type ReactNode } from 'react';
import type { LibrarySet } from '../../core/library/library.ts';
import {
  deleteLibrarySet,
  duplicateLibrarySet,
  exportLibrarySet,
  renameLibrarySet,
  tagLibrarySet,
} from '../../stores/library-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { InlineEdit } from './inline-edit.tsx';
import type { Outcome } from './library-notices.tsx';

/** Tags as the user types them: separated by commas. */
const parseTags = (text: string) => text.split(',');

interface SetToolsProps {
  set: LibrarySet;
  /** The set's own page (a delete then returns to the list). */
  onPage: boolean;
  onOutcome: (outcome: Outcome) => void;
  /** Extra actions shown first (e.g. "Make handout"). */
  children?: ReactNode;
}

/** Rename, edit tags, duplicate, export and delete one set; the same on the list and on the set's page. */
export function SetTools({ set, onPage, onOutcome, children }: SetToolsProps) {
  const [editing, setEditing] = useState<'name' | 'tags' | null>(null);
  const named = `“${set.name}”`;

  const duplicate = async () => {
    const result = await duplicateLibrarySet(set.id);
    onOutcome(result.ok ? { ok: true, text: `Made a copy: “${set.name} (copy)”.` } : { ok: false, text: result.error });
  };
  const exportSet = () => {
    const file = exportLibrarySet(set.id);
    if (!file) return onOutcome({ ok: false, text: 'That set no longer exists, so there is nothing to export.' });
    downloadFile(file.fileName, file.text, 'application/json');
    onOutcome({ ok: true, text: `Exported ${named} as ${file.fileName}.` });
  };
  const remove = async () => {
    const result = await deleteLibrarySet(set.id);
    if (!result.ok) return onOutcome({ ok: false, text: result.error });
    if (onPage) navigate({ name: 'library', setId: null });
  };

  if (editing === 'name') {
    return <InlineEdit label="Set name" initial={set.name} onSave={(v) => renameLibrarySet(set.id, v)} onDone={() => setEditing(null)} />;
  }
  if (editing === 'tags') {
    return (
      <InlineEdit
        label="Tags"
        hint="Separate tags with commas, e.g. algebra, week 3"
        initial={set.tags.join(', ')}
        onSave={(v) => tagLibrarySet(set.id, parseTags(v))}
        onDone={() => setEditing(null)}
      />
    );
  }
  return (
    <div className="set-tools" role="group" aria-label={`Actions for ${named}`}>
      {children}
      <button type="button" className="button button--small" onClick={() => setEditing('name')} aria-label={`Rename ${named}`}>
        Rename
      </button>
      <button type="button" className="button button--small" onClick={() => setEditing('tags')} aria-label={`Edit tags of ${named}`}>
        Edit tags
      </button>
      <button type="button" className="button button--small" onClick={() => void duplicate()} aria-label={`Duplicate ${named}`}>
        Duplicate
      </button>
      <button type="button" className="button button--small" onClick={exportSet} aria-label={`Export ${named}`}>
        Export
      </button>
      <button type="button" className="button button--small button--danger" onClick={() => void remove()} aria-label={`Delete ${named}`}>
        Delete
      </button>
    </div>
  );
}

/** The set's tags as small labels. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="set-tags set-tags--none">No tags</span>;
  return (
    <ul className="set-tags" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} className="set-tag">
          {t}
        </li>
      ))}
    </ul>
  );
}
