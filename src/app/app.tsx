import { lazy, Suspense, useEffect, type KeyboardEvent, type MouseEvent } from 'react';
import { AskForm } from '../features/ask/ask-form.tsx';
import { HistoryList } from '../features/history/history-list.tsx';
import { PasteForm } from '../features/paste/paste-form.tsx';
import { SettingsPanel } from '../features/settings/settings-panel.tsx';
import { SolutionArea } from '../features/solution/solution-view.tsx';
import { flushHistory, initHistory } from '../stores/history-store.ts';
import { showTab, toggleSettings, useLayoutStore, type ComposeTab } from '../stores/layout-store.ts';
import { followLocation, useRouteStore, type Route } from '../stores/route-store.ts';
import { onPageHide } from '../ui/on-page-hide.ts';
import { preloadRichText } from '../ui/rich-text.tsx';
import { scrollIntoClearView } from '../ui/scroll-into-clear-view.ts';
import { useFocusReturn } from '../ui/use-focus-return.ts';

// Teacher pages load on first visit: a student asking a problem never downloads them.
const LibraryPage = lazy(() => import('../features/library/library-page.tsx').then((m) => ({ default: m.LibraryPage })));
const BatchPanel = lazy(() => import('../features/batch/batch-panel.tsx').then((m) => ({ default: m.BatchPanel })));
const SolutionEditor = lazy(() => import('../features/editor/solution-editor.tsx').then((m) => ({ default: m.SolutionEditor })));
const HandoutPage = lazy(() => import('../features/handout/handout-page.tsx').then((m) => ({ default: m.HandoutPage })));
const PrintPage = lazy(() => import('../features/handout/print-page.tsx').then((m) => ({ default: m.PrintPage })));
const SharedSolution = lazy(() => import('../features/share/shared-solution.tsx').then((m) => ({ default: m.SharedSolution })));

const TABS: { id: ComposeTab; label: string }[] = [
  { id: 'ask', label: 'Ask' },
  { id: 'paste', label: 'Paste an answer' },
];

function Compose() {
  const tab = useLayoutStore((s) => s.tab);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    e.stopPropagation();
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + 1) % TABS.length];
    if (next) {
      showTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <section className="compose card">
      <div className="tabs" role="tablist" aria-label="Input" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => showTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="compose__panel">
        {tab === 'ask' ? <AskForm /> : <PasteForm />}
      </div>
    </section>
  );
}

function Loading() {
  return <p className="page-loading" role="status">Loading…</p>;
}

/** The main column for a route other than the tutor's. */
function Page({ route }: { route: Exclude<Route, { name: 'tutor' } | { name: 'print' }> }) {
  switch (route.name) {
    case 'library':
      return (
        <>
          <LibraryPage setId={route.setId} />
          {route.setId !== null && <BatchPanel setId={route.setId} />}
        </>
      );
    case 'edit':
      return <SolutionEditor setId={route.setId} itemId={route.itemId} />;
    case 'handout':
      return <HandoutPage setId={route.setId} />;
    case 'share':
      return <SharedSolution payload={route.payload} />;
  }
}

/** The skip link moves focus itself: its `#main` would otherwise be read as a route (the tutor). */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  const main = document.getElementById('main');
  if (!main) return;
  main.focus({ preventScroll: true });
  scrollIntoClearView(main, { start: true });
}

export function App() {
  const settingsOpen = useLayoutStore((s) => s.settingsOpen);
  const route = useRouteStore((s) => s.route);
  // Closing Settings (Escape, Done) returns focus to its button.
  const settingsButton = useFocusReturn<HTMLButtonElement>(settingsOpen);
  useEffect(() => followLocation(), []);

  useEffect(() => {
    void initHistory();
    // The math renderer is needed as soon as something is typed or opened; fetch it once the page is idle.
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => preloadRichText());
    // Closing or hiding the tab saves a streaming answer right away instead of at the next coalesced write.
    return onPageHide(() => void flushHistory());
  }, []);

  if (route.name === 'print') {
    return (
      <Suspense fallback={<Loading />}>
        <PrintPage />
      </Suspense>
    );
  }
  const onTutor = route.name === 'tutor';
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">∑</span>
          <span className="topbar__name">Stepwise</span>
          <span className="topbar__tagline">show your work, one step at a time</span>
        </div>
        <nav className="topbar__actions" aria-label="Pages">
          <a className="button button--ghost" href="#/" aria-current={onTutor ? 'page' : undefined}>
            Tutor
          </a>
          <a className="button button--ghost" href="#/library" aria-current={route.name === 'library' ? 'page' : undefined}>
            Library
          </a>
          {onTutor && (
            <a className="button button--ghost topbar__history-link" href="#history">
              History
            </a>
          )}
          <button
            type="button"
            ref={settingsButton}
            className={`button button--ghost${settingsOpen ? ' button--active' : ''}`}
            aria-expanded={settingsOpen}
            aria-controls="settings-panel"
            onClick={toggleSettings}
          >
            <span aria-hidden="true" className="gear">
              ⚙
            </span>{' '}
            <span className="topbar__label">Settings</span>
          </button>
        </nav>
      </header>
      <div className={`layout${onTutor ? '' : ' layout--page'}`}>
        <main className="main" id="main" tabIndex={-1}>
          <h1 className="visually-hidden">Stepwise</h1>
          {settingsOpen && (
            <div id="settings-panel">
              <SettingsPanel />
            </div>
          )}
          {onTutor ? (
            <>
              <Compose />
              <SolutionArea />
            </>
          ) : (
            <Suspense fallback={<Loading />}>
              <Page route={route} />
            </Suspense>
          )}
        </main>
        {onTutor && (
          <aside className="sidebar" id="history">
            <HistoryList />
          </aside>
        )}
      </div>
    </div>
  );
}
