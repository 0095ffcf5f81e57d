import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ActionResult } from '../../stores/library-store.ts';

interface InlineEditProps {
  /** The field's accessible name and visible label. */
  label: string;
  initial: string;
  hint?: string;
  placeholder?: string;
  submitLabel?: string;
  onSave: (value: string) => Promise<ActionResult>;
  /** After a successful save; without it the form stays (and empties), with no Cancel. */
  onDone?: () => void;
}

/**
 * A one-field form: in place of the text it edits (Save keeps it, Cancel or Escape leaves it as it was), or
 * standing alone (`onDone` absent: it empties after each save). A refused value stays, with the reason.
 */
export function InlineEdit({ label, initial, hint, placeholder, submitLabel = 'Save', onSave, onDone }: InlineEditProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await onSave(value);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (onDone) onDone();
    else setValue(initial);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onDone) {
      e.stopPropagation();
      onDone();
    }
  };
  return (
    <form className="inline-edit" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="inline-edit__row">
        <input
          id={id}
          className="input"
          value={value}
          placeholder={placeholder}
          autoFocus={onDone !== undefined}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className={`button button--primary${onDone ? ' button--small' : ''}`} disabled={busy}>
          {submitLabel}
        </button>
        {onDone && (
          <button type="button" className="button button--small" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {hint && error === null && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== null && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
