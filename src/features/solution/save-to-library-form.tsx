import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ItemSource } from '../../core/library/library.ts';
import type { EntrySource } from '../../core/history/history-entry.ts';
import { getEntry } from '../../stores/history-store.ts';
import { createLibrarySet, initLibrary, saveToLibrary, useLibraryStore } from '../../stores/library-store.ts';
import { useRunStore } from '../../stores/run-store.ts';

const ITEM_SOURCE: Record<EntrySource, ItemSource> = { model: 'model', builtin: 'solver', paste: 'pasted' };
const NEW_SET = '';

interface SaveFormProps {
  onSaved: (set: { setId: string; name: string }) => void;
  onCancel: () => void;
}

/** Picks a set (or names a new one) and saves the solution on screen into it. */
export function SaveForm({ onSaved, onCancel }: SaveFormProps) {
  const sets = useLibraryStore((s) => s.library.sets);
  const status = useLibraryStore((s) => s.status);
  const [choice, setChoice] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const firstField = useRef<HTMLSelectElement>(null);
  const focused = useRef(false);
  const loading = status === 'loading' && sets.length === 0;
  useEffect(() => {
    void initLibrary();
  }, []);
  useEffect(() => {
    // Opened by "Save to library": the keyboard goes to the first choice, once the sets are there to choose.
    if (loading || focused.current) return;
    focused.current = true;
    firstField.current?.focus();
  }, [loading]);

  // Until the user picks, the most recent set is offered (or a new one when there is none).
  const setId = choice ?? sets[0]?.id ?? NEW_SET;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const saved = await save(setId, name);
    setBusy(false);
    if (saved.ok) onSaved(saved.value);
    else setError(saved.error);
  };

  return (
    <form
      className="save-form"
      onSubmit={(e) => void submit(e)}
      aria-label="Save to library"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <div className="save-form__fields">
        <div className="save-form__field">
          <label className="field-label" htmlFor={`${id}-set`}>
            Set
          </label>
          <select
            ref={firstField}
            id={`${id}-set`}
            className="input select"
            value={setId}
            disabled={loading}
            onChange={(e) => {
              setChoice(e.target.value);
              setError(null);
            }}
          >
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={NEW_SET}>New set…</option>
          </select>
        </div>
        {setId === NEW_SET && (
          <div className="save-form__field">
            <label className="field-label" htmlFor={`${id}-name`}>
              New set name
            </label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              placeholder="e.g. Week 3 — linear equations"
              aria-invalid={error !== null}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          </div>
        )}
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="save-form__buttons">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          Save
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Saves the run store's solution into `setId`, creating the set first when it is new. */
async function save(setId: string, newName: string) {
  const run = useRunStore.getState();
  let target = setId;
  if (target === NEW_SET) {
    const created = await createLibrarySet(newName);
    if (!created.ok) return created;
    target = created.value;
  }
  const saved = await saveToLibrary(target, {
    problem: run.problem,
    solution: run.solution,
    answerText: (run.entryId !== null ? getEntry(run.entryId)?.answer : undefined) ?? '',
    source: ITEM_SOURCE[run.source],
    model: run.source === 'model' ? run.model : '',
  });
  if (!saved.ok) return saved;
  const name = useLibraryStore.getState().library.sets.find((s) => s.id === target)?.name ?? newName;
  return { ok: true as const, value: { setId: target, name } };
}
