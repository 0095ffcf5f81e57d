import { useState } from 'react';
import { findSet } from '../../core/library/library.ts';
import { setLibrarySetPolicy, useLibraryStore } from '../../stores/library-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { formatDate, isoDate } from './format-date.ts';
import { ItemCard } from './item-card.tsx';
import { OutcomeNotice, StorageNotices, UndoNotice, type Outcome } from './library-notices.tsx';
import { SetTools, TagList } from './set-tools.tsx';
import { RevealPolicySelect } from '../../ui/reveal-policy-select.tsx';

/** One set: its name and tags (editable), its problems in order, and what can be done with them. */
export function SetPage({ setId }: { setId: string }) {
  const set = useLibraryStore((s) => findSet(s.library, setId));
  const status = useLibraryStore((s) => s.status);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const back = (
    <a className="library__back" href="#/library">
      ← Back to library
    </a>
  );

  if (!set) {
    return (
      <section className="library card" aria-label="Set">
        {back}
        {status === 'loading' ? (
          <p role="status">Loading the set…</p>
        ) : (
          <div className="notice notice--warning" role="alert">
            <p className="notice__message">This set no longer exists.</p>
            <p className="notice__hint">It may have been deleted, here or in another tab. <a href="#/library">Back to library</a></p>
          </div>
        )}
      </section>
    );
  }

  const count = set.items.length;
  return (
    <section className="library card" aria-labelledby="set-heading">
      {back}
      <header className="set-page__head">
        <p className="eyebrow">Set</p>
        <h2 id="set-heading" className="library__heading">
          {set.name}
        </h2>
        <TagList tags={set.tags} />
        <p className="set-row__meta">
          {count} {count === 1 ? 'problem' : 'problems'} · updated <time dateTime={isoDate(set.updatedAt)}>{formatDate(set.updatedAt)}</time>
        </p>
        <SetTools set={set} onPage onOutcome={setOutcome}>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={count === 0}
            onClick={() => navigate({ name: 'handout', setId: set.id })}
          >
            Make handout
          </button>
        </SetTools>
        <RevealPolicySelect
          value={set.policy ?? null}
          hint="For students who open this set’s problems in the tutor; saved in the exported set file."
          onChange={(policy) =>
            void setLibrarySetPolicy(set.id, policy).then((r) => {
              if (!r.ok) setOutcome({ ok: false, text: r.error });
            })
          }
        />
      </header>
      <StorageNotices />
      <UndoNotice setId={set.id} />
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      {count === 0 ? (
        <p className="library__empty">
          No problems in this set yet. Solve one in the <a href="#/">tutor</a> and choose “Save to library”, or generate several below.
        </p>
      ) : (
        <ol className="library-items" aria-label="Problems in this set">
          {set.items.map((item, i) => (
            <ItemCard key={item.id} setId={set.id} item={item} index={i} policy={set.policy} onOutcome={setOutcome} />
          ))}
        </ol>
      )}
    </section>
  );
}
