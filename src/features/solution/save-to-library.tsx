/**
 * Under a finished solution: "Save to library" and "Share link", with the link's "Reveal policy". The save form
 * and the link encoder load on first use, so a student who never saves or shares downloads neither.
 */
import { lazy, Suspense, useState } from 'react';
import type { ShareError } from '../../core/share/share-payload.ts';
import type { RevealPolicy } from '../../core/tutor/progress.ts';
import { isLivePhase, useRunStore } from '../../stores/run-store.ts';
import { shareCurrentSolution } from '../../stores/share-actions.ts';
import { policyLabel, RevealPolicySelect } from '../../ui/reveal-policy-select.tsx';
import { useFocusReturn } from '../../ui/use-focus-return.ts';
import './save-to-library.css';

const SaveForm = lazy(() => import('./save-to-library-form.tsx').then((m) => ({ default: m.SaveForm })));

export function SolutionActions() {
  const entryId = useRunStore((s) => s.entryId);
  const live = useRunStore((s) => isLivePhase(s.phase));
  const hasContent = useRunStore((s) => s.solution.steps.length > 0 || s.solution.answer !== null);
  if (entryId === null || live || !hasContent) return null;
  // Keyed by entry: opening another solution starts with a closed form and no old link.
  return <Actions key={entryId} />;
}

type ShareState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'link'; url: string; copied: boolean; policy: RevealPolicy | null }
  | { kind: 'error'; error: ShareError };

function Actions() {
  const [saving, setSaving] = useState(false);
  // Save, Cancel or Escape close the form: focus returns to this button.
  const saveButton = useFocusReturn<HTMLButtonElement>(saving);
  const [saved, setSaved] = useState<{ setId: string; name: string } | null>(null);
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });
  // A solution opened from a teacher's link or set passes its policy on when shared again, unless changed.
  const [policy, setPolicy] = useState<RevealPolicy | null>(() => useRunStore.getState().policy);
  return (
    <div className="solution-actions" role="group" aria-label="Keep or share this solution">
      <div className="solution-actions__buttons">
        <button type="button" className="button button--small" aria-expanded={saving} onClick={() => setSaving((v) => !v)} ref={saveButton}>
          Save to library
        </button>
        <button type="button" className="button button--small" disabled={share.kind === 'busy'} onClick={() => void shareCurrent(policy, setShare)}>
          Share link
        </button>
        <RevealPolicySelect
          value={policy}
          disabled={share.kind === 'busy'}
          onChange={(p) => {
            setPolicy(p);
            // A link on show was made with the old choice: take it away rather than leave the wrong one to copy.
            setShare({ kind: 'idle' });
          }}
        />
      </div>
      {saving && (
        <Suspense fallback={<p className="solution-actions__note">Loading…</p>}>
          <SaveForm
            onSaved={(s) => {
              setSaved(s);
              setSaving(false);
            }}
            onCancel={() => setSaving(false)}
          />
        </Suspense>
      )}
      {saved && (
        <p className="notice notice--success notice--compact" role="status">
          <span className="notice__message">
            Saved to <a href={`#/library/${encodeURIComponent(saved.setId)}`}>{saved.name}</a>
          </span>
        </p>
      )}
      <ShareResult state={share} />
    </div>
  );
}

/** Encodes the solution on screen into a link, shows it and copies it. Nothing is sent anywhere. */
async function shareCurrent(policy: RevealPolicy | null, set: (s: ShareState) => void): Promise<void> {
  set({ kind: 'busy' });
  const made = await shareCurrentSolution(location.href, policy);
  if (!made.ok) return set({ kind: 'error', error: made.error });
  let copied = false;
  try {
    await navigator.clipboard.writeText(made.value);
    copied = true;
  } catch {
    // No clipboard permission (or an insecure page): the link is in the field to copy by hand.
  }
  set({ kind: 'link', url: made.value, copied, policy });
}

function ShareResult({ state }: { state: ShareState }) {
  if (state.kind === 'error') {
    return (
      <div className="notice notice--error notice--compact" role="alert">
        <p className="notice__message">{state.error.message}</p>
        <p className="notice__hint">{state.error.hint}</p>
      </div>
    );
  }
  if (state.kind !== 'link') return null;
  return (
    <div className="solution-actions__share">
      <label className="field-label" htmlFor="share-link">
        Share link
      </label>
      <input id="share-link" className="input" readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} />
      <p className="field-hint" role="status">
        {state.copied ? 'Copied. ' : 'Copy the link above. '}The solution is inside the link itself: opening it sends nothing to any server.
        {state.policy !== null && ` Reveal policy: ${policyLabel(state.policy)}.`}
      </p>
    </div>
  );
}
