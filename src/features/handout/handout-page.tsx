/**
 * The handout page (`#/handout/<setId>`): pick problems from a set, set the options, see the print view live,
 * then print it (the browser's "Save as PDF") or download it as Markdown or LaTeX.
 */
import { useEffect, useMemo, useState } from 'react';
import { handoutToLatex } from '../../core/export/handout-latex.ts';
import { handoutToMarkdown } from '../../core/export/handout-markdown.ts';
import { layoutHandout } from '../../core/handout/handout.ts';
import { findSet } from '../../core/library/library.ts';
import { setFileName } from '../../core/library/set-file.ts';
import { changeHandoutOptions, dismissHandoutNotice, openHandoutOptions, useHandoutOptionsStore } from '../../stores/handout-options-store.ts';
import { initLibrary, useLibraryStore } from '../../stores/library-store.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { HandoutOptionsForm } from './handout-options-form.tsx';
import { HandoutPrint } from './handout-print.tsx';
import { ProblemPicker } from './problem-picker.tsx';
import './handout-page.css';

export function HandoutPage({ setId }: { setId: string }) {
  const status = useLibraryStore((s) => s.status);
  const set = useLibraryStore((s) => findSet(s.library, setId));
  const options = useHandoutOptionsStore((s) => s.options);
  const paper = useHandoutOptionsStore((s) => s.paper);
  const notice = useHandoutOptionsStore((s) => s.notice);
  // Ids left out; everything else is in, so problems added to the set later start out chosen.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    void initLibrary();
    openHandoutOptions(setId);
    setExcluded(new Set());
  }, [setId]);

  const items = useMemo(() => set?.items ?? [], [set]);
  const chosen = useMemo(() => new Set(items.filter((i) => !excluded.has(i.id)).map((i) => i.id)), [items, excluded]);
  const doc = useMemo(
    () => layoutHandout(items.filter((i) => chosen.has(i.id)).map((i) => ({ id: i.id, problem: i.problem, solution: i.solution })), options),
    [items, chosen, options],
  );

  if (!set) {
    if (status === 'loading') return <p className="page-loading" role="status">Loading the library…</p>;
    return (
      <section className="card handout-page" aria-label="Handout">
        <div className="notice notice--error" role="alert">
          <p className="notice__message">This set does not exist: it may have been deleted, or the link is incomplete.</p>
          <p className="notice__hint">
            Open the <a href="#/library">Library</a> and pick a set to make a handout from.
          </p>
        </div>
      </section>
    );
  }

  const base = setFileName(set).replace(/\.stepwise\.json$/, '');
  const empty = chosen.size === 0;
  return (
    <div className="handout-page">
      <section className="card handout-page__controls" aria-label="Handout options">
        <h2>Handout: {set.name}</h2>
        <p>
          <a href={`#/library/${encodeURIComponent(set.id)}`}>Back to the set</a>
        </p>
        {notice && (
          <div className="notice notice--warning" role="status">
            <p className="notice__message">{notice}</p>
            <button type="button" className="button button--small" onClick={dismissHandoutNotice}>
              Dismiss
            </button>
          </div>
        )}
        {items.length === 0 ? (
          <p className="notice" role="status">
            This set has no solutions yet. Save some from the tutor into it, then come back.
          </p>
        ) : (
          <ProblemPicker items={items} chosen={chosen} onChange={(next) => setExcluded(new Set(items.filter((i) => !next.has(i.id)).map((i) => i.id)))} />
        )}
        <HandoutOptionsForm options={options} paper={paper} onChange={changeHandoutOptions} />
        <div className="handout-page__actions">
          <button type="button" className="button button--primary" disabled={empty} onClick={() => window.print()}>
            Print / Save as PDF
          </button>
          <button type="button" className="button" disabled={empty} onClick={() => downloadFile(`${base}-handout.md`, handoutToMarkdown(doc), 'text/markdown')}>
            Download Markdown
          </button>
          <button type="button" className="button" disabled={empty} onClick={() => downloadFile(`${base}-handout.tex`, handoutToLatex(doc, { paper }), 'application/x-tex')}>
            Download LaTeX
          </button>
        </div>
        {empty && items.length > 0 && <p className="field-hint">Pick at least one problem to print or download.</p>}
      </section>
      <section className="handout-page__preview" aria-label="Preview">
        <HandoutPrint doc={doc} paper={paper} />
      </section>
    </div>
  );
}
