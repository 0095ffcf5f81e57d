import { useId, useState, type ChangeEvent } from 'react';
import { searchLibrary, type SetMatch } from '../../core/library/search-library.ts';
import { problemToInline } from '../../core/solution/problem-markdown.ts';
import { createLibrarySet, importLibraryFile, useLibraryStore } from '../../stores/library-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import { policyLabel } from '../../ui/reveal-policy-select.tsx';
import { formatDate, isoDate } from './format-date.ts';
import { InlineEdit } from './inline-edit.tsx';
import { OutcomeNotice, StorageNotices, UndoNotice, type Outcome } from './library-notices.tsx';
import { SetTools, TagList } from './set-tools.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The library's front page: new set, import, search, and every set with its actions. */
export function SetList() {
  const library = useLibraryStore((s) => s.library);
  const status = useLibraryStore((s) => s.status);
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const matches = searchLibrary(library, query);

  return (
    <section className="library card" aria-labelledby="library-heading">
      <h2 id="library-heading" className="library__heading">
        Library
      </h2>
      <p className="library__intro">Sets of worked solutions, kept in this browser. Save a solution from the tutor, or import a set file.</p>
      <StorageNotices />
      <UndoNotice setId={null} />
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      <div className="library__tools">
        <NewSetForm />
        <ImportSet onOutcome={setOutcome} />
      </div>
      <input
        type="search"
        className="input library__search"
        aria-label="Search library"
        placeholder="Search names, tags (#tag) and problems"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {status === 'loading' && library.sets.length === 0 ? (
        <p className="library__empty" role="status">
          Loading the library…
        </p>
      ) : library.sets.length === 0 ? (
        <p className="library__empty">No sets yet. Create one above, or solve a problem and choose “Save to library”.</p>
      ) : matches.length === 0 ? (
        <p className="library__empty" role="status">
          No set matches “{query.trim()}”.
        </p>
      ) : (
        <ul className="set-list" aria-label="Sets">
          {matches.map((m) => (
            <SetRow key={m.set.id} match={m} onOutcome={setOutcome} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SetRow({ match, onOutcome }: { match: SetMatch; onOutcome: (o: Outcome) => void }) {
  const { set, itemIds } = match;
  const headingId = useId();
  const found = set.items.filter((i) => itemIds.includes(i.id));
  return (
    <li className="set-row" aria-labelledby={headingId}>
      <div className="set-row__head">
        <h3 className="set-row__name" id={headingId}>
          <a href={`#/library/${encodeURIComponent(set.id)}`}>{set.name}</a>
        </h3>
        <p className="set-row__meta">
          {plural(set.items.length, 'problem', 'problems')} · updated <time dateTime={isoDate(set.updatedAt)}>{formatDate(set.updatedAt)}</time>
          {set.policy && ` · ${policyLabel(set.policy)}`}
        </p>
      </div>
      <TagList tags={set.tags} />
      {found.length > 0 && (
        <ul className="set-row__found" aria-label={`Matching problems in “${set.name}”`}>
          {found.slice(0, 3).map((i) => (
            <li key={i.id}>
              <InlineMath text={problemToInline(i.problem)} />
            </li>
          ))}
          {found.length > 3 && <li>and {found.length - 3} more</li>}
        </ul>
      )}
      <SetTools set={set} onPage={false} onOutcome={onOutcome}>
        <a className="button button--small button--primary" href={`#/library/${encodeURIComponent(set.id)}`} aria-label={`Open “${set.name}”`}>
          Open
        </a>
      </SetTools>
    </li>
  );
}

function NewSetForm() {
  const create = async (name: string) => {
    const result = await createLibrarySet(name);
    if (result.ok) navigate({ name: 'library', setId: result.value });
    return result.ok ? { ok: true as const, value: undefined } : result;
  };
  return (
    <div className="library__new">
      <InlineEdit label="New set name" initial="" placeholder="e.g. Week 3 — linear equations" submitLabel="New set" onSave={create} />
    </div>
  );
}

/** Reads a set file the user picked; a refused file changes nothing and says why. */
function ImportSet({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const id = useId();
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so picking the same file again (after fixing it) imports it again.
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      return onOutcome({ ok: false, text: `“${file.name}” could not be read. Check that the file is still there, then try again.` });
    }
    const result = await importLibraryFile(text);
    if (!result.ok) return onOutcome({ ok: false, text: `“${file.name}” was not imported. ${result.error.message} ${result.error.hint}` });
    const set = useLibraryStore.getState().library.sets.find((s) => s.id === result.value);
    onOutcome({ ok: true, text: `Imported “${set?.name ?? file.name}” (${plural(set?.items.length ?? 0, 'problem', 'problems')}).` });
  };
  return (
    <div className="library__import">
      <input id={id} className="visually-hidden" type="file" accept=".json,application/json" aria-label="Import set file" onChange={(e) => void onChange(e)} />
      <label className="button" htmlFor={id}>
        Import set…
      </label>
    </div>
  );
}
