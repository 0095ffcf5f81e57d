import { useEffect, useState } from 'react';
import type { ShareError } from '../../core/share/share-payload.ts';
import type { RevealPolicy } from '../../core/tutor/progress.ts';
import { navigate } from '../../stores/route-store.ts';
import { readSharedSolution, showSharedSolution } from '../../stores/share-actions.ts';
import { policyLabel } from '../../ui/reveal-policy-select.tsx';
import './shared-solution.css';

type Opening = { kind: 'reading'; policy?: RevealPolicy } | { kind: 'failed'; error: ShareError };

/**
 * Opens a solution shared by link: decodes the fragment (in this browser; the fragment never reaches a server),
 * then shows it in the tutor's step-by-step view, kept in history, under the reveal policy the link carries
 * (said here in one line). A damaged, cut or newer link is explained.
 */
export function SharedSolution({ payload }: { payload: string }) {
  const [state, setState] = useState<Opening>({ kind: 'reading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const read = await readSharedSolution(payload);
      if (cancelled) return;
      if (!read.ok) return setState({ kind: 'failed', error: read.error });
      if (read.value.policy) setState({ kind: 'reading', policy: read.value.policy });
      await showSharedSolution(read.value);
      if (cancelled) return;
      // The link's address is replaced, not left behind: Back must not open (and save) it a second time.
      history.replaceState(history.state, '', '#/');
      navigate({ name: 'tutor' });
    })();
    return () => {
      cancelled = true;
    };
  }, [payload]);

  if (state.kind === 'reading') {
    return (
      <section className="shared card" aria-label="Shared solution">
        <p role="status">Opening the shared solution…</p>
        {state.policy && <p className="shared__policy">Your teacher chose: {policyLabel(state.policy)}.</p>}
      </section>
    );
  }
  return (
    <section className="shared card" aria-label="Shared solution">
      <h2 className="shared__heading">This shared solution can’t be shown</h2>
      <div className="notice notice--error" role="alert">
        <p className="notice__message">{state.error.message}</p>
        <p className="notice__hint">{state.error.hint}</p>
      </div>
      <p>
        <a className="button" href="#/">
          Go to the tutor
        </a>
      </p>
    </section>
  );
}
