/**
 * Editing a saved solution: titles and bodies with a live preview and formula errors, adding, deleting,
 * reordering, splitting and merging steps, the final answer, regenerating one step with the model, undo and
 * redo. Every edit is saved to the library (see use-solution-edits.ts).
 */
import { useEffect, useRef } from 'react';
import { addStep } from '../../core/edit/edit-solution.ts';
import { findSet, type LibraryItem } from '../../core/library/library.ts';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { dismissLibraryNotice, initLibrary, useLibraryStore } from '../../stores/library-store.ts';
import { routeHash } from '../../stores/route-store.ts';
import { DismissibleNotices } from '../../ui/dismissible-notices.tsx';
import { RichText } from '../../ui/rich-text.tsx';
import { AnswerEditor } from './answer-editor.tsx';
import { StepEditor } from './step-editor.tsx';
import { useRegenerate } from './use-regenerate.ts';
import { useSolutionEdits, type SaveState } from './use-solution-edits.ts';
import { useUndoKeys } from './use-undo-keys.ts';
import './editor.css';

export function SolutionEditor({ setId, itemId }: { setId: string; itemId: string }) {
  const status = useLibraryStore((s) => s.status);
  const setName = useLibraryStore((s) => findSet(s.library, setId)?.name ?? null);
  const item = useLibraryStore((s) => findSet(s.library, setId)?.items.find((i) => i.id === itemId) ?? null);
  useEffect(() => void initLibrary(), []);
  const back = routeHash({ name: 'library', setId: setName === null ? null : setId });

  if (status === 'loading' && !item) {
    return (
      <p className="page-loading" role="status">
        Loading the library…
      </p>
    );
  }
  if (!item) {
    return (
      <section className="card editor-missing" aria-label="Solution not found">
        <div className="notice notice--error" role="alert">
          <p className="notice__message">
            {setName === null ? 'This set is not in your library.' : `This solution is not in “${setName}”.`}
          </p>
          <p className="notice__hint">It may have been deleted, or the link was made on another device. Pick a solution from the library.</p>
        </div>
        <p>
          <a className="button" href={back}>
            {setName === null ? 'Back to the library' : 'Back to set'}
          </a>
        </p>
      </section>
    );
  }
  return <EditorPage key={`${setId}/${itemId}`} setId={setId} item={item} backHref={back} setName={setName ?? ''} />;
}

function EditorPage({ setId, item, backHref, setName }: { setId: string; item: LibraryItem; backHref: string; setName: string }) {
  const edits = useSolutionEdits(setId, item.id, item.solution);
  const { solution } = edits;
  const regen = useRegenerate(item.problem, solution, edits.edit);
  const locked = regen.running !== null;
  const root = useRef<HTMLElement>(null);
  useUndoKeys(root, edits.undo, edits.redo, !locked);
  const notices = useLibraryStore((s) => s.notices);

  return (
    <section ref={root} className="editor" aria-labelledby="editor-heading">
      <a className="editor__back" href={backHref}>
        ← Back to set
      </a>
      <header className="card editor__head">
        <h2 id="editor-heading" className="editor__heading">
          <span className="editor__kicker">Edit solution{setName ? ` · ${setName}` : ''}</span>
          <RichText className="editor__problem" text={problemToMarkdown(item.problem)} />
        </h2>
        <div className="editor__toolbar" role="toolbar" aria-label="History">
          <button type="button" className="button" onClick={edits.undo} disabled={!edits.canUndo || locked} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
          <button type="button" className="button" onClick={edits.redo} disabled={!edits.canRedo || locked} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
            Redo
          </button>
          <SaveStatus save={edits.save} />
        </div>
      </header>
      <DismissibleNotices notices={notices} onDismiss={dismissLibraryNotice} role="alert" />
      {solution.steps.length === 0 ? (
        <p className="editor__empty">This solution has no steps yet.</p>
      ) : (
        <ol className="editor__steps" aria-label="Steps">
          {solution.steps.map((step, i) => (
            <StepEditor key={i} step={step} index={i} count={solution.steps.length} edits={edits} regen={regen} />
          ))}
        </ol>
      )}
      <p>
        <button type="button" className="button" disabled={locked} onClick={() => edits.edit((s) => addStep(s, null))}>
          + Add a step at the end
        </button>
      </p>
      <AnswerEditor answer={solution.answer} edits={edits} />
    </section>
  );
}

function SaveStatus({ save }: { save: SaveState }) {
  return (
    <p className={`editor__save${save.kind === 'failed' ? ' editor__save--failed' : ''}`} role="status">
      {save.kind === 'saved' ? 'All changes saved' : save.kind === 'pending' ? 'Saving…' : `Not saved: ${save.message}`}
    </p>
  );
}
